using Hangfire;
using HighRisk.Features.Messaging;

namespace HighRisk.Features.Consultations;

/// <summary>Every few minutes: reviews the consultations whose due time has come (<see cref="ReviewConsultations"/>), a batch per command, then has any escalation delivered.</summary>
public sealed class ConsultationReviewJob(EscalatingReview review)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => review.RunAsync(() => new ReviewConsultations.Command(), cancellationToken);
}
