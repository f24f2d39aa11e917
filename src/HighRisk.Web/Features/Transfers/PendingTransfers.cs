using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>Which of a page of women have a transfer waiting for its answer: the sending township's lists say "transfer pending".</summary>
public static class PendingTransfers
{
    public static async Task<HashSet<Guid>> AmongAsync(HighRiskDb db, IReadOnlyCollection<Guid> pregnancyIds, CancellationToken ct) =>
        pregnancyIds.Count == 0
            ? []
            : (await db.Transfers.IgnoreQueryFilters().Where(t => t.Status == TransferStatus.Requested && pregnancyIds.Contains(t.PregnancyId))
                .Select(t => t.PregnancyId).ToListAsync(ct)).ToHashSet();
}
