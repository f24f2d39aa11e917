using HighRisk.Features.Pregnancies;
using Mediator;

namespace HighRisk.Features.Reminders;

/// <summary>
/// Her next due date, last contact, colour or status changed (an exam, a contact, a close, a referral's feedback…): her
/// reminders follow in the same transaction, so that a reminder whose visit has happened is never sent, a moved due date
/// has its reminders moved, and a closed pregnancy none.
/// </summary>
public sealed class FollowNextDue(ReminderPlanner planner) : INotificationHandler<NextDueChanged>
{
    public async ValueTask Handle(NextDueChanged notification, CancellationToken cancellationToken)
    {
        if (await planner.PlanOfAsync(notification.Pregnancy.Id, cancellationToken) is { } plan)
        {
            await planner.FollowAsync(notification.Pregnancy, plan, cancellationToken);
        }
    }
}
