using Hangfire;
using HighRisk.Features.Messaging;

namespace HighRisk.Features.Transfers;

/// <summary>Every hour: escalates the transfers left unanswered too long (<see cref="ReviewTransfers"/>), then has the SMS delivered.</summary>
public sealed class TransferReviewJob(EscalatingReview review)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => review.RunAsync(() => new ReviewTransfers.Command(), cancellationToken);
}
