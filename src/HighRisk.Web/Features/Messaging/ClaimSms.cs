using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Claims the next batch of due SMS for sending (SKIP LOCKED, so several workers can share the outbox): each is marked
/// "sending" with one more attempt. A message past its time to live is expired instead, never sent late; one left in
/// "sending" by a crash is claimed again after Sms:SendingTimeoutMinutes and sent with the same id: its outcome is
/// unknown (<see cref="SmsMessage.UnansweredAttemptAt"/>), so a gateway that does not de-duplicate looks it up first.
/// </summary>
public static class ClaimSms
{
    public const int BatchSize = 50;

    public sealed record Command(string Provider) : ICommand<Response>;

    /// <param name="Messages">The messages claimed, to be sent now.</param>
    /// <param name="NextUrgentAttemptAt">When the next alert or escalation waiting for a retry is due, if one is.</param>
    public sealed record Response(IReadOnlyList<SmsMessage> Messages, DateTimeOffset? NextUrgentAttemptAt);

    public sealed class Handler(HighRiskDb db, BusinessClock clock, IConfiguration configuration) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var stuckBefore = now.AddMinutes(-configuration.GetValue("Sms:SendingTimeoutMinutes", 5));

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
                message.Claim(now, command.Provider);
            }

            var claimed = messages.Select(m => m.Id).ToList();
            var nextUrgent = await db.SmsMessages
                .Where(m => m.Status == SmsStatus.Queued && m.Kind != SmsKind.Digest && m.Kind != SmsKind.Reminder && !claimed.Contains(m.Id))
                .MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, cancellationToken);
            return new Response(messages, nextUrgent);
        }
    }
}
