using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Audit;

/// <summary>
/// Deletes audit events older than the retention period (Audit:RetentionDays, default 1095 days). The only delete the
/// append-only trigger lets through, because it runs in a transaction that declares itself the purge.
/// </summary>
public sealed partial class AuditRetentionJob(HighRiskDb db, BusinessClock clock, IConfiguration configuration, ILogger<AuditRetentionJob> log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.Now.AddDays(-configuration.GetValue("Audit:RetentionDays", 1095));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL highrisk.audit_purge = 'on'", cancellationToken);
        var deleted = await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE at < {cutoff}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPurged(log, deleted, cutoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: deleted {Deleted} events older than {Cutoff}")]
    private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);
}
