using Mediator;

namespace HighRisk.Features.Audit;

/// <summary>Nightly: purges the audit events past their retention (<see cref="PurgeAuditEvents"/>).</summary>
public sealed class AuditRetentionJob(ISender sender)
{
    public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new PurgeAuditEvents.Command(), cancellationToken);
}
