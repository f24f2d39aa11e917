using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>Which women have a transfer waiting for its answer: the sending township's lists say "transfer pending".</summary>
public static class PendingTransfers
{
    /// <summary>
    /// The pregnancies with a transfer waiting, to be composed into a list's own query (<c>waiting.Contains(p.Id)</c> in its
    /// projection), so that the list asks in the statement that reads its rows rather than in a round trip of its own.
    /// </summary>
    public static IQueryable<Guid> Waiting(HighRiskDb db) =>
        db.Transfers.IgnoreQueryFilters().Where(t => t.Status == TransferStatus.Requested).Select(t => t.PregnancyId);
}
