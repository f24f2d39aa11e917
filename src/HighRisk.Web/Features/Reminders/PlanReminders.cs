using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>
/// The reminder job's batch: every pregnancy whose woman consents, or that still has a reminder waiting, has its reminders
/// brought in line with her schedule (<see cref="ReminderPlanner.FollowAsync"/>), a batch at a time in pregnancy order.
/// Changes to her record do the same at once (<see cref="FollowNextDue"/>); the job catches what time alone brings (a new
/// policy, a morning whose window has passed) and is the plan's backstop. A pregnancy a command holds is skipped and taken
/// on the next run.
/// </summary>
public static class PlanReminders
{
    public sealed record Command(Guid? After = null, int BatchSize = 500) : ICommand<Response>;

    /// <param name="Last">The last pregnancy of the batch: the next batch starts after it.</param>
    public sealed record Response(int Followed, int Queued, int Cancelled, Guid? Last, bool More);

    public sealed class Handler(HighRiskDb db, ReminderPlanner planner, BusinessClock clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var after = command.After ?? Guid.Empty;
            var today = clock.Today;
            var ids = await db.Database.SqlQuery<Guid>($"""
                    SELECT p.pregnancy_id AS "Value" FROM reminder_plans p
                    WHERE p.pregnancy_id > {after}
                      AND (p.consent_given OR EXISTS (SELECT 1 FROM reminders r WHERE r.pregnancy_id = p.pregnancy_id AND r.status = 'Queued' AND r.send_on >= {today}))
                    ORDER BY p.pregnancy_id LIMIT {command.BatchSize}
                    """)
                .ToArrayAsync(cancellationToken);
            var pregnancies = await db.Pregnancies
                .FromSql($"SELECT * FROM pregnancies WHERE id = ANY({ids}) ORDER BY id FOR UPDATE SKIP LOCKED")
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            var plans = await db.Set<ReminderPlan>().Include(p => p.Reminders).Where(p => ids.Contains(p.PregnancyId)).ToDictionaryAsync(p => p.PregnancyId, cancellationToken);
            var (queued, cancelled) = (0, 0);
            foreach (var pregnancy in pregnancies)
            {
                var (q, c) = await planner.FollowAsync(pregnancy, plans[pregnancy.Id], cancellationToken);
                (queued, cancelled) = (queued + q, cancelled + c);
            }

            return new Response(pregnancies.Count, queued, cancelled, ids.Length > 0 ? ids[^1] : null, ids.Length == command.BatchSize);
        }
    }
}
