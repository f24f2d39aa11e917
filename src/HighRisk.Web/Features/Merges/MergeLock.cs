using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>Both records of a merge or its undo, locked in id order (two merges touching one record never deadlock) and loaded whole.</summary>
public static class MergeLock
{
    public static async Task<(Pregnancy Kept, Pregnancy Merged)> LockBothAsync(this HighRiskDb db, Guid keepId, Guid mergedId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM pregnancies WHERE id IN ({keepId}, {mergedId}) ORDER BY id FOR UPDATE", ct);
        var both = await db.Pregnancies.IgnoreQueryFilters()
            .Include(p => p.Woman).Include(p => p.Exams).Include(p => p.FollowUps).Include(p => p.GradeHistory).AsSplitQuery()
            .Where(p => p.Id == keepId || p.Id == mergedId).ToDictionaryAsync(p => p.Id, ct);
        return (
            both.GetValueOrDefault(keepId) ?? throw new NotFoundException("No such pregnancy: keepId."),
            both.GetValueOrDefault(mergedId) ?? throw new NotFoundException("No such pregnancy: mergeId."));
    }
}
