using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Records what the gateway answered for one message: sent; a transient failure retried later (<see cref="Backoff"/>);
/// a permanent failure, or a transient one past the last attempt, failed (an alert's failure is escalated at once). A
/// receipt that already came back wins: the provider had the message, so it is never sent again.
/// </summary>
public static partial class RecordSmsSend
{
    public sealed record Command(Guid MessageId, SmsSendResult Result) : ICommand<SmsStatus>;

    public sealed partial class Handler(HighRiskDb db, BusinessClock clock, IConfiguration configuration, ILogger<Handler> log) : ICommandHandler<Command, SmsStatus>
    {
        public async ValueTask<SmsStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            // Locked: a delivery receipt for this message may be recorded at the same moment (RecordSmsReceipts).
            var message = await db.SmsMessages.FromSql($"SELECT * FROM sms_messages WHERE id = {command.MessageId} FOR UPDATE").SingleAsync(cancellationToken);
            var attemptedAt = message.NextAttemptAt;   // set to the claim's time by ClaimSms
            var result = command.Result;
            if (message.ReceiptCode is not null)
            {
                // A receipt already came back (the answer was lost, say to a timeout): the provider had it; never send again.
                result = SmsSendResult.Accepted(result.ProviderMessageId);
            }

            var retry = !IsUrgent(message.Kind)
                ? message.Attempts < configuration.GetValue("Sms:MaxAttempts", 8)
                : clock.Now < message.CreatedAt + TimeSpan.FromHours(configuration.GetValue("Sms:UrgentRetryHours", 6.0));
            var outcome = result.Outcome switch
            {
                SmsSendOutcome.Accepted => "sent",
                SmsSendOutcome.Transient when retry => "retry",
                _ => "failed",
            };
            Telemetry.SmsOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("kind", message.Kind.ToString()));
            switch (result.Outcome)
            {
                case SmsSendOutcome.Accepted:
                    message.MarkSent(clock.Now, result.ProviderMessageId);
                    break;
                case SmsSendOutcome.Transient when retry:
                    message.RecordDoubt(result.Doubt, attemptedAt);
                    message.Status = SmsStatus.Queued;
                    message.LastError = result.Error;
                    message.NextAttemptAt = clock.Now + Backoff(message.Kind, message.Attempts);
                    break;
                default:
                    message.Status = SmsStatus.Failed;
                    message.LastError = result.Error;
                    LogFailed(log, message.Id, message.Attempts, result.Error);
                    break;
            }

            return message.Status;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {MessageId} failed after {Attempts} attempts: {Error}")]
        private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, string? error);
    }

    /// <summary>
    /// The wait after a transient failure. Alerts and escalations are urgent: 10 s, 30 s, 1 min, then every 2 minutes
    /// (until Sms:UrgentRetryHours after they were queued), so that one is delivered within about 2 minutes of the gateway
    /// coming back. A digest (and a reminder) waits 5 minutes after the first attempt, doubling, at most 6 hours apart (Sms:MaxAttempts
    /// attempts, 8 by default: about 10 hours).
    /// </summary>
    public static TimeSpan Backoff(SmsKind kind, int attempts) => !IsUrgent(kind)
        ? TimeSpan.FromMinutes(Math.Min(5 * Math.Pow(2, attempts - 1), 360))
        : UrgentBackoff[Math.Clamp(attempts - 1, 0, UrgentBackoff.Length - 1)];

    /// <summary>
    /// Alerts and escalations are urgent; digests and reminders are not (a reminder is queued days ahead with a not-before
    /// time: its retries count attempts, and its time to live ends the day's send window).
    /// </summary>
    public static bool IsUrgent(SmsKind kind) => kind is not (SmsKind.Digest or SmsKind.Reminder);

    private static readonly TimeSpan[] UrgentBackoff =
        [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];
}
