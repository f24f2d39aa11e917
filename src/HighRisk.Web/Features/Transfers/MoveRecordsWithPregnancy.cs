using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// She moved: what is seen "as whoever sees her" moves with her in the same transaction — her referrals (the new area
/// follows them up), her consultations and her alerts — so that the old township no longer sees her anywhere.
/// </summary>
public sealed class MoveRecordsWithPregnancy(HighRiskDb db) : INotificationHandler<PregnancyMoved>
{
    public async ValueTask Handle(PregnancyMoved notification, CancellationToken cancellationToken)
    {
        var pregnancy = notification.Pregnancy;
        foreach (var referral in await db.Referrals.IgnoreQueryFilters().Where(r => r.PregnancyId == pregnancy.Id).ToListAsync(cancellationToken))
        {
            referral.FollowMove(pregnancy.DivisionCode, pregnancy.FacilityCode);
        }

        // Consultations and alerts are records of what was asked and who was told; only the keys that decide who sees them follow her.
        await db.Consultations.IgnoreQueryFilters().Where(c => c.PregnancyId == pregnancy.Id)
            .ExecuteUpdateAsync(
                c => c.SetProperty(x => x.DivisionCode, pregnancy.DivisionCode).SetProperty(x => x.TownshipCode, pregnancy.TownshipCode)
                    .SetProperty(x => x.FacilityCode, pregnancy.FacilityCode),
                cancellationToken);
        await db.Alerts.IgnoreQueryFilters().Where(a => a.PregnancyId == pregnancy.Id)
            .ExecuteUpdateAsync(
                a => a.SetProperty(x => x.DivisionCode, pregnancy.DivisionCode).SetProperty(x => x.TownshipCode, pregnancy.TownshipCode)
                    .SetProperty(x => x.FacilityCode, pregnancy.FacilityCode),
                cancellationToken);
    }
}
