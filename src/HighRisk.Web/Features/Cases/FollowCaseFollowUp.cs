using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>Her follow-up state changed: her case's place on the board follows it, in the same transaction.</summary>
public sealed class FollowCaseFollowUp(HighRiskDb db) : INotificationHandler<FollowUpStateChanged>
{
    public async ValueTask Handle(FollowUpStateChanged notification, CancellationToken cancellationToken) =>
        (await db.LockCaseOfAsync(notification.Pregnancy.Id, cancellationToken))?.FollowFollowUpState(notification.Pregnancy.Schedule.State);
}
