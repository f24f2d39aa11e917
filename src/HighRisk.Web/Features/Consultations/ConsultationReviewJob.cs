using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Consultations;

/// <summary>Every few minutes: reviews the consultations whose due time has come (<see cref="ReviewConsultations"/>), a batch per command, then has any escalation delivered.</summary>
public sealed class ConsultationReviewJob(JobCommands commands, IBackgroundJobClient jobs)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var escalated = 0;
        ReviewConsultations.Response batch;
        do
        {
            batch = await commands.SendAsync(new ReviewConsultations.Command(), cancellationToken);
            escalated += batch.Escalated;
        }
        while (batch.More);

        if (escalated > 0)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        }
    }
}
