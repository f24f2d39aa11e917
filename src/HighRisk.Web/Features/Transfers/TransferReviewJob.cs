using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Transfers;

/// <summary>Every hour: escalates the transfers left unanswered too long (<see cref="ReviewTransfers"/>), then has the SMS delivered.</summary>
public sealed class TransferReviewJob(JobCommands commands, IBackgroundJobClient jobs)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var escalated = 0;
        ReviewTransfers.Response batch;
        do
        {
            batch = await commands.SendAsync(new ReviewTransfers.Command(), cancellationToken);
            escalated += batch.Escalated;
        }
        while (batch.More);

        if (escalated > 0)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        }
    }
}
