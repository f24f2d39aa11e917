using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Records what the gateway answered for one message: sent; a transient failure retried with exponential back-off up to
/// Sms:MaxAttempts; a permanent failure (or the last attempt) failed. A receipt that already came back wins: the provider
/// had the message, so it is never sent again.
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
            var result = command.Result;
            if (message.ReceiptCode is not null)
            {
                // A receipt already came back (the answer was lost, say to a timeout): the provider had it; never send again.
                result = SmsSendResult.Accepted(result.ProviderMessageId);
            }

            var maxAttempts = configuration.GetValue("Sms:MaxAttempts", 8);
            var outcome = result.Outcome switch
            {
                SmsSendOutcome.Accepted => "sent",
                SmsSendOutcome.Transient when message.Attempts < maxAttempts => "retry",
                _ => "failed",
            };
            Telemetry.SmsOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("kind", message.Kind.ToString()));
            switch (result.Outcome)
            {
                case SmsSendOutcome.Accepted:
                    message.MarkSent(clock.Now, result.ProviderMessageId);
                    break;
                case SmsSendOutcome.Transient when message.Attempts < maxAttempts:
                    message.Status = SmsStatus.Queued;
                    message.LastError = result.Error;
                    message.NextAttemptAt = clock.Now + Backoff(message.Attempts);
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

    /// <summary>5 minutes after the first attempt, doubling, at most 6 hours apart: 8 attempts span about 10 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(5 * Math.Pow(2, attempts - 1), 360));
}
