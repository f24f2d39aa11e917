using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// 发现一例、登记一例: when a woman first turns orange, red or purple in her episode (at booking, on an exam, a raise, a
/// catalogue re-grade, after the birth), her case opens in the same transaction, with the report due and the manager of
/// her area. Every later grade change of the episode is followed by the case (<see cref="Case.FollowGrade"/>).
/// </summary>
public sealed class OpenCase(HighRiskDb db, CaseLookups lookups, CasePolicy policy, BusinessClock clock) : INotificationHandler<GradeChanged>
{
    public async ValueTask Handle(GradeChanged notification, CancellationToken cancellationToken)
    {
        var pregnancy = notification.Pregnancy;
        var (colour, purple) = (notification.Change.ToColour, notification.Change.ToPurple);
        if (!pregnancy.IsManaged)
        {
            return;
        }

        var existing = await db.LockCaseOfAsync(pregnancy.Id, cancellationToken);
        if (existing is not null)
        {
            existing.FollowGrade(colour, purple, policy, await lookups.PlacesOfAsync(existing, cancellationToken), clock.Now, clock.Today);
            return;
        }

        if (!CasePolicy.OpensCase(colour, purple))
        {
            return;
        }

        var manager = await lookups.ManagerForAsync(pregnancy.DivisionCode, cancellationToken);
        var opened = Case.Open(Guid.CreateVersion7(clock.Now), pregnancy, manager, policy, clock.Now, clock.Today);
        db.Cases.Add(opened);
    }
}
