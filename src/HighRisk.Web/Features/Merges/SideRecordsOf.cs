using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>
/// Her referrals, consultations and alerts (records of what was asked and who was told) follow the record they belong to
/// on a merge, and go back on its undo; with them move the keys that decide who sees them, as on a transfer.
/// </summary>
public static class SideRecordsOf
{
    /// <summary>Moves every side record of one pregnancy to another; answers which moved.</summary>
    public static async Task<SideRecords> MoveAsync(HighRiskDb db, Guid fromId, Pregnancy to, CancellationToken ct)
    {
        var moved = new SideRecords(
            await db.Referrals.IgnoreQueryFilters().Where(r => r.PregnancyId == fromId).Select(r => r.Id).ToListAsync(ct),
            await db.Consultations.IgnoreQueryFilters().Where(c => c.PregnancyId == fromId).Select(c => c.Id).ToListAsync(ct),
            await db.Alerts.IgnoreQueryFilters().Where(a => a.PregnancyId == fromId).Select(a => a.Id).ToListAsync(ct));
        await MoveAsync(db, moved, to, ct);
        return moved;
    }

    /// <summary>Moves these side records to a pregnancy.</summary>
    public static async Task MoveAsync(HighRiskDb db, SideRecords records, Pregnancy to, CancellationToken ct)
    {
        await db.Referrals.IgnoreQueryFilters().Where(r => records.Referrals.Contains(r.Id))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.PregnancyId, to.Id).SetProperty(x => x.DivisionCode, to.DivisionCode).SetProperty(x => x.FacilityCode, to.FacilityCode), ct);
        await db.Consultations.IgnoreQueryFilters().Where(c => records.Consultations.Contains(c.Id))
            .ExecuteUpdateAsync(
                c => c.SetProperty(x => x.PregnancyId, to.Id).SetProperty(x => x.DivisionCode, to.DivisionCode).SetProperty(x => x.TownshipCode, to.TownshipCode)
                    .SetProperty(x => x.FacilityCode, to.FacilityCode),
                ct);
        await db.Alerts.IgnoreQueryFilters().Where(a => records.Alerts.Contains(a.Id))
            .ExecuteUpdateAsync(
                a => a.SetProperty(x => x.PregnancyId, to.Id).SetProperty(x => x.DivisionCode, to.DivisionCode).SetProperty(x => x.TownshipCode, to.TownshipCode)
                    .SetProperty(x => x.FacilityCode, to.FacilityCode),
                ct);
    }
}
