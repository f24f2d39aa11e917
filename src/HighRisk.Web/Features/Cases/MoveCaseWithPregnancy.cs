using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>She moved (转入 accepted): her case, open or closed, goes with her to the new area and its board, in the same transaction.</summary>
public sealed class MoveCaseWithPregnancy(HighRiskDb db, CaseLookups lookups, BusinessClock clock) : INotificationHandler<PregnancyMoved>
{
    public async ValueTask Handle(PregnancyMoved notification, CancellationToken cancellationToken)
    {
        var pregnancy = notification.Pregnancy;
        if (await db.LockCaseOfAsync(pregnancy.Id, cancellationToken) is not { } moved)
        {
            return;
        }

        var covers = moved.ManagerId is { } manager && await lookups.CanManageAsync(manager, pregnancy.DivisionCode, cancellationToken);
        moved.Move(pregnancy, covers ? null : await lookups.ManagerForAsync(pregnancy.DivisionCode, cancellationToken), covers, clock.Now);
    }
}
