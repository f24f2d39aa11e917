using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Referrals;

/// <summary>Every few minutes: reviews the referrals whose deadline has come (<see cref="ReviewReferrals"/>), then has any escalation delivered.</summary>
public sealed class ReferralReviewJob(JobCommands commands, IBackgroundJobClient jobs)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var escalated = 0;
        ReviewReferrals.Response batch;
        do
        {
            batch = await commands.SendAsync(new ReviewReferrals.Command(), cancellationToken);
            escalated += batch.Escalated;
        }
        while (batch.More);

        if (escalated > 0)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        }
    }
}
