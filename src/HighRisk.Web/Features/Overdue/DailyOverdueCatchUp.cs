using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// Makes good the mornings missed while the service was down: at start-up, every business date after the last one
/// done (up to 7 days back) whose 07:00 has passed is run, oldest first, in one job so that the states end at today's.
/// </summary>
public sealed class DailyOverdueCatchUp(IServiceScopeFactory scopes, BusinessClock clock)
{
    public const int MaxDaysBack = 7;

    public async Task<IReadOnlyList<DateOnly>> QueueMissedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var last = await db.DailyOverdueRuns.MaxAsync(r => (DateOnly?)r.BusinessDate, ct);
        var localNow = TimeZoneInfo.ConvertTime(clock.Now, BusinessClock.Zone);
        var latestDue = localNow.Hour >= 7 ? clock.Today : clock.Today.AddDays(-1);
        var first = last is { } done ? done.AddDays(1) : latestDue;
        if (first < latestDue.AddDays(-MaxDaysBack))
        {
            first = latestDue.AddDays(-MaxDaysBack);
        }

        var missed = new List<DateOnly>();
        for (var day = first; day <= latestDue; day = day.AddDays(1))
        {
            missed.Add(day);
        }

        if (missed.Count > 0)
        {
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Enqueue<DailyOverdueCatchUp>(job => job.RunAsync(missed.ToArray(), CancellationToken.None));
        }

        return missed;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(DateOnly[] dates, CancellationToken ct)
    {
        foreach (var date in dates.Order())
        {
            await using var scope = scopes.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<DailyOverdueJob>(scope.ServiceProvider).RunAsync(date, ct);
        }
    }
}
