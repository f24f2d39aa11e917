using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Jobs;
using Mediator;

namespace HighRisk.Features.Overdue;

/// <summary>The 07:00 job: makes the date's overdue lists (<see cref="MakeDailyOverdueList"/>), then has the digests delivered.</summary>
public sealed class DailyOverdueJob(ISender sender, BusinessClock clock, IBackgroundJobClient jobs)
{
    /// <summary>The recurring entry point: today's business date in Asia/Shanghai.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task RunTodayAsync(CancellationToken cancellationToken) => RunAsync(clock.Today, cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("daily-overdue");
        var made = await sender.Send(new MakeDailyOverdueList.Command(date), cancellationToken);
        if (!made.AlreadyDone)
        {
            jobs.Enqueue<SmsDeliveryJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None));
            jobs.Enqueue<MailDeliveryJob>(job => job.RunAsync(CancellationToken.None));
        }
    }
}
