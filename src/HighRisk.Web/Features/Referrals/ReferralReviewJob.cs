using Hangfire;
using HighRisk.Features.Messaging;

namespace HighRisk.Features.Referrals;

/// <summary>Every few minutes: reviews the referrals whose deadline has come (<see cref="ReviewReferrals"/>), then has any escalation delivered.</summary>
public sealed class ReferralReviewJob(EscalatingReview review)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => review.RunAsync(() => new ReviewReferrals.Command(), cancellationToken);
}
