using Hangfire;
using HighRisk.Infrastructure.Jobs;
using Mediator;

namespace HighRisk.Features.Messaging;

/// <summary>A batch of a periodic review (cases, referrals, consultations, transfers): how many it escalated, and whether more are waiting.</summary>
public interface IReviewBatch
{
    int Escalated { get; }

    bool More { get; }
}

/// <summary>
/// The periodic reviews' one loop: sends the review command a batch at a time (each in its own transaction) until none is
/// left, then has the SMS of any escalation delivered at once rather than at the next minute.
/// </summary>
public sealed class EscalatingReview(JobCommands commands, IBackgroundJobClient jobs)
{
    public async Task RunAsync<TBatch>(Func<ICommand<TBatch>> batch, CancellationToken ct)
        where TBatch : IReviewBatch
    {
        var escalated = 0;
        TBatch done;
        do
        {
            done = await commands.SendAsync(batch(), ct);
            escalated += done.Escalated;
        }
        while (done.More);

        if (escalated > 0)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        }
    }
}
