using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Delivers the SMS outbox: claims due messages (<see cref="ClaimSms"/>), sends each through the configured gateway
/// outside any transaction, and records the answer (<see cref="RecordSmsSend"/>), until nothing is due.
/// </summary>
public sealed class SmsDeliveryJob(JobCommands commands, ISmsGateway gateway)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("sms-delivery");
        while (await DeliverBatchAsync(cancellationToken) > 0)
        {
        }
    }

    public async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await commands.SendAsync(new ClaimSms.Command(gateway.Name), cancellationToken);
        foreach (var message in claimed)
        {
            SmsSendResult result;
            try
            {
                result = await gateway.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                result = SmsSendResult.Transient(e.GetType().Name + ": " + e.Message);
            }

            await commands.SendAsync(new RecordSmsSend.Command(message.Id, result), cancellationToken);
        }

        return claimed.Count;
    }
}
