using Hangfire;
using HighRisk.Features.Audit;

namespace HighRisk.Infrastructure.Jobs;

/// <summary>The one place recurring jobs are registered, with stable ids, cron from configuration, Asia/Shanghai time.</summary>
public static class RecurringJobs
{
    public const string AuditRetention = "audit-retention";

    public static void Register(IServiceProvider services, IConfiguration configuration)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = BusinessClock.Zone };
        jobs.AddOrUpdate<AuditRetentionJob>(AuditRetention, job => job.RunAsync(CancellationToken.None), configuration["Jobs:AuditRetentionCron"] ?? "30 3 * * *", options);
    }
}
