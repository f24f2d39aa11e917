using Hangfire;
using HighRisk.Infrastructure.Jobs;

namespace HighRisk.Features.Reminders;

/// <summary>Each morning before the send window opens (and by hand): the reminders planned, a batch at a time (<see cref="PlanReminders"/>).</summary>
public sealed class ReminderJob(JobCommands commands)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        PlanReminders.Response batch;
        Guid? after = null;
        do
        {
            batch = await commands.SendAsync(new PlanReminders.Command(after), cancellationToken);
            after = batch.Last;
        }
        while (batch.More);
    }
}
