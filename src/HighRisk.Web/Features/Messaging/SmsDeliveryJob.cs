using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Delivers the SMS outbox: claims due messages (<see cref="ClaimSms"/>), sends each through the configured gateway
/// outside any transaction, and records the answer (<see cref="RecordSmsSend"/>), until nothing is due. An alert waiting
/// for a retry sooner than the next minute's run gets a run of its own at that moment (the urgent back-off is in seconds).
/// </summary>
/// <remarks>
/// Runs may overlap (two workers, the minute's run and an urgent one): <see cref="ClaimSms"/> claims with
/// <c>FOR UPDATE SKIP LOCKED</c> and commits the claim before sending, so no two runs hold the same message. Hence no
/// <c>[DisableConcurrentExecution]</c>: Hangfire keeps that lock as a row that a killed worker leaves behind for its
/// 10-minute distributed lock timeout, which stopped every SMS, red alerts included, for 10 minutes after a worker was
/// killed (tests/faults/worker_kill.sh).
/// </remarks>
public sealed class SmsDeliveryJob(JobCommands commands, ISmsGateway gateway, BusinessClock clock, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("sms-delivery");
        var (sent, nextUrgent) = (0, (DateTimeOffset?)null);
        while (await DeliverBatchAsync(cancellationToken) is { Messages.Count: > 0 } batch)
        {
            (sent, nextUrgent) = (sent + batch.Messages.Count, batch.NextUrgentAttemptAt);
        }

        // Only after a run that sent something, so that a retry is followed up once, not polled for.
        if (sent > 0 && nextUrgent is { } next && next - clock.Now < TimeSpan.FromMinutes(1))
        {
            jobs.Schedule<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None), Max(next - clock.Now, TimeSpan.Zero) + TimeSpan.FromSeconds(1));
        }
    }

    public async Task<ClaimSms.Response> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await commands.SendAsync(new ClaimSms.Command(gateway.Name), cancellationToken);
        foreach (var message in claimed.Messages)
        {
            SmsSendResult result;
            try
            {
                result = await gateway.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                result = SmsSendResult.Unanswered(e.GetType().Name + ": " + e.Message);   // it may have gone out
            }

            await commands.SendAsync(new RecordSmsSend.Command(message.Id, result), cancellationToken);
        }

        return claimed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
