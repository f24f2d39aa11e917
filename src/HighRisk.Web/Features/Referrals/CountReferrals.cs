using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// The home page's referral counts, as the inboxes (<see cref="ListReferrals"/>) would list them: the open referrals sent
/// to the user's facility (none without one), and the feedback come back to the user's area that nobody there has read.
/// Counts only, no personal data.
/// </summary>
public static class CountReferrals
{
    public sealed record Query : IQuery<Response>;

    /// <param name="OpenIncoming">Null for an account without a facility (it has no incoming inbox).</param>
    public sealed record Response(int? OpenIncoming, int NewFeedback);

    public sealed class Handler(HighRiskDb db, CurrentUser user) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var referrals = db.Referrals.AsNoTracking();
            int? incoming = user.ReferralFacility is { } facility
                ? await ListReferrals.InStatus(referrals.Where(r => r.ToFacilityCode == facility), "open").CountAsync(cancellationToken)
                : null;
            var feedback = await ListReferrals.SentBy(referrals, user)
                .CountAsync(r => r.Status == ReferralStatus.Completed && r.FeedbackSeenAt == null, cancellationToken);
            return new Response(incoming, feedback);
        }
    }
}
