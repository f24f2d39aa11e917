using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Jobs;
using Mediator;

namespace HighRisk.Features.Alerts;

/// <summary>Every few minutes: escalates the alerts that need it (<see cref="EscalateAlerts"/>), then has the messages delivered.</summary>
public sealed class AlertEscalationJob(ISender sender, IBackgroundJobClient jobs)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if ((await sender.Send(new EscalateAlerts.Command(), cancellationToken)).Queued > 0)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
        }
    }
}
