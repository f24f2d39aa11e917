using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>The sending side opened a referral whose feedback had come back: it is no longer new in the outgoing inbox.</summary>
public static class MarkFeedbackSeen
{
    public sealed record Command(Guid ReferralId) : ICommand<bool>;

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == command.ReferralId, cancellationToken);
            if (referral is null || !user.CanSee(referral.DivisionCode, referral.FacilityCode) || referral.FeedbackSeenAt is not null)
            {
                return false;
            }

            referral.FeedbackSeen(clock.Now);
            return true;
        }
    }
}
