using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// Every command on a consultation starts here: the row is locked for the rest of the transaction (two experts taking it
/// at once are serialised: the second sees it taken) and loaded through the area filter (outside it: 404), with its pool.
/// </summary>
public static class ConsultationLock
{
    public static async Task<(Consultation Consultation, ExpertPool Pool)> LockConsultationAsync(this HighRiskDb db, Guid id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM consultations WHERE id = {id} FOR UPDATE", ct);
        var found = await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("No such consultation.");
        return (found, await db.ExpertPools.AsNoTracking().SingleAsync(p => p.Id == found.PoolId, ct));
    }
}
