using Hangfire;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Messaging;

/// <summary>Sends the queued emails, one command each (<see cref="DeliverMail"/>).</summary>
public sealed class MailDeliveryJob(JobCommands commands)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await commands.QueryAsync(new DeliverMail.Queued(200), cancellationToken))
        {
            await commands.SendAsync(new DeliverMail.Command(id), cancellationToken);
        }
    }
}
