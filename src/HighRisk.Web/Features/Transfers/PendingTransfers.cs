using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>Which women have a transfer waiting for its answer: the sending township's lists say "transfer pending".</summary>
public static class PendingTransfers
{
    /// <summary>
    /// The pregnancies among <paramref name="transfers"/> with a transfer waiting. A list composes it into its own statement
    /// (<c>waiting.Contains(p.Id)</c> in its projection) where that statement already ignores the scope filters, as the overdue
    /// list's does: a filter ignored anywhere in a query is ignored in all of it.
    /// </summary>
    public static IQueryable<Guid> Waiting(IQueryable<Transfer> transfers) =>
        transfers.Where(t => t.Status == TransferStatus.Requested).Select(t => t.PregnancyId);

    /// <summary>Which of a page of women (already in the reader's scope) have a transfer waiting, whoever can see the transfer.</summary>
    public static async Task<HashSet<Guid>> AmongAsync(HighRiskDb db, IReadOnlyCollection<Guid> pregnancyIds, CancellationToken ct) =>
        pregnancyIds.Count == 0
            ? []
            : (await Waiting(db.Transfers.IgnoreQueryFilters()).Where(id => pregnancyIds.Contains(id)).ToListAsync(ct)).ToHashSet();
}
