using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HighRisk.Features.Alerts;

/// <summary>
/// Part of /health/ready: degraded (still ready: a pod that answers is no help leaving the Service) while an alert told
/// nobody and nobody has acknowledged it, naming how many. A singleton, so that the log says so when the number changes,
/// not on every probe.
/// </summary>
public sealed partial class AlertsReachSomeoneCheck(IServiceScopeFactory scopes, ILogger<AlertsReachSomeoneCheck> log) : IHealthCheck
{
    private int _lastCount;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
            count = await db.Alerts.IgnoreQueryFilters().CountAsync(Alert.ReachedNobody, cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database check reports the outage; this one has nothing to add.
            return HealthCheckResult.Healthy("not checked: database unreachable");
        }

        if (Interlocked.Exchange(ref _lastCount, count) != count)
        {
            LogCount(log, count);
        }

        return count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{count} alert(s) reached nobody: see /alerts and GET /api/admin/contacts/missing",
                data: new Dictionary<string, object> { ["alertsWithoutRecipient"] = count });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerts that reached nobody and are not acknowledged: {Count}")]
    private static partial void LogCount(ILogger logger, int count);
}
