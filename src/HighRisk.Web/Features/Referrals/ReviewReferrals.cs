using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// Every few minutes: the referrals whose time has come (<see cref="Referral.ReviewAt"/>) are reviewed by
/// <see cref="Referral.Review"/>, which flags a late answer or a late outcome on both sides. Each lateness is escalated once,
/// by SMS to the receiving facility's on-duty number and the sender, through the outbox. A referral a command holds is
/// skipped and taken on the next run.
/// </summary>
public static class ReviewReferrals
{
    public sealed record Command(int BatchSize = 1000) : ICommand<Response>;

    public sealed record Response(int Reviewed, int Escalated, bool More) : Messaging.IReviewBatch;

    public sealed class Handler(HighRiskDb db, ReferralMessages messages, BusinessClock clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Referrals.FromSql($"""
                    SELECT * FROM referrals WHERE review_at <= {now} ORDER BY review_at LIMIT {command.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            var escalated = 0;
            foreach (var referral in due)
            {
                if (referral.Review(now, clock.Today) is var late and not ReferralEscalation.None)
                {
                    escalated += await messages.QueueLateAsync(referral, late, cancellationToken);
                }
            }

            return new Response(due.Count, escalated, due.Count == command.BatchSize);
        }
    }
}
