using Hangfire;
using HighRisk.Features.Messaging;

namespace HighRisk.Features.Cases;

/// <summary>Every few minutes: reviews the cases whose time has come (<see cref="ReviewCases"/>), a batch per command, then has any escalation delivered.</summary>
public sealed class CaseReviewJob(EscalatingReview review)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => review.RunAsync(() => new ReviewCases.Command(), cancellationToken);
}
