using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Delivers the SMS outbox: claims due messages (SKIP LOCKED, so several workers can run it), sends each through the
/// configured gateway, and records the outcome. Transient failures retry with exponential back-off up to
/// Sms:MaxAttempts; permanent failures stop at once; a message past its time to live is expired, never sent late.
/// A message left in "sending" by a crash is retried with the same id, which the gateway de-duplicates.
/// </summary>
public sealed partial class SmsDeliveryJob(IServiceScopeFactory scopes, ISmsGateway gateway, BusinessClock clock, IConfiguration configuration, ILogger<SmsDeliveryJob> log)
{
    public const int BatchSize = 50;

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
        var claimed = await ClaimAsync(cancellationToken);
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

            await RecordAsync(message.Id, result, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task<List<SmsMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var now = clock.Now;
        var stuckBefore = now.AddMinutes(-configuration.GetValue("Sms:SendingTimeoutMinutes", 5));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Past its time to live: expired, not sent (escalation is the alert's business).
        await db.Database.ExecuteSqlAsync($"""
            UPDATE sms_messages SET status = 'Expired', last_error = coalesce(last_error, 'time to live passed before it could be sent')
            WHERE status IN ('Queued', 'Sending') AND expires_at <= {now}
            """, cancellationToken);
        var messages = await db.SmsMessages
            .FromSql($"""
                SELECT * FROM sms_messages
                WHERE (status = 'Queued' AND next_attempt_at <= {now}) OR (status = 'Sending' AND next_attempt_at <= {stuckBefore})
                ORDER BY next_attempt_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.Status = SmsStatus.Sending;
            message.Attempts++;
            message.NextAttemptAt = now;
            message.Provider = gateway.Name;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    private async Task RecordAsync(Guid id, SmsSendResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        // Locked: a delivery receipt for this message may be recorded at the same moment (RecordSmsReceipts).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await db.SmsMessages.FromSql($"SELECT * FROM sms_messages WHERE id = {id} FOR UPDATE").SingleAsync(cancellationToken);
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

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>5 minutes after the first attempt, doubling, at most 6 hours apart: 8 attempts span about 10 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(5 * Math.Pow(2, attempts - 1), 360));

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {MessageId} failed after {Attempts} attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, string? error);
}
