using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HighRisk.Infrastructure;

/// <summary>
/// Ready when PostgreSQL answers, every migration this build knows is applied (a newer database is fine during a
/// roll-out), and Hangfire's schema is there.
/// </summary>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes, Data.DatabaseOutage outage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            outage.Reached();
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
            }

            var hangfire = await db.Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'")
                .SingleAsync(cancellationToken);
            return hangfire == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Hangfire storage not ready");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", e);
        }
    }
}

/// <summary>
/// The body of /health/ready: "Healthy", or the status followed by each check that is not healthy and why
/// ("Degraded: alerts: 2 alert(s) reached nobody: …"). No personal data ever appears in a check's description.
/// </summary>
public static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}").ToList();
        return context.Response.WriteAsync(problems.Count == 0 ? report.Status.ToString() : $"{report.Status}: {string.Join("; ", problems)}");
    }
}
