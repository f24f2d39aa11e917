using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Audit;

/// <summary>
/// Deletes audit events older than the retention period (Audit:RetentionDays, default 1095 days). The only delete the
/// append-only trigger lets through, because it runs in a transaction (the command's) that declares itself the purge.
/// </summary>
public static partial class PurgeAuditEvents
{
    public sealed record Command : ICommand<Response>;

    public sealed record Response(int Deleted, DateTimeOffset Cutoff);

    public sealed partial class Handler(HighRiskDb db, BusinessClock clock, IConfiguration configuration, ILogger<Handler> log) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var cutoff = clock.Now.AddDays(-configuration.GetValue("Audit:RetentionDays", 1095));
            await db.Database.ExecuteSqlRawAsync("SET LOCAL highrisk.audit_purge = 'on'", cancellationToken);
            var deleted = await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE at < {cutoff}", cancellationToken);
            LogPurged(log, deleted, cutoff);
            return new Response(deleted, cutoff);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: deleted {Deleted} events older than {Cutoff}")]
        private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);
    }
}
