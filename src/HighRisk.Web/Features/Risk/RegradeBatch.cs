using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Risk;

/// <summary>
/// Re-grades one batch of open pregnancies still graded with another catalogue version. Rows are locked with
/// SKIP LOCKED, so several workers can share the work and an exam being recorded is simply taken in a later batch.
/// </summary>
public static class RegradeBatch
{
    public sealed record Command(int Size) : ICommand<Response>;

    public sealed record Response(int Regraded, int Changed);

    public sealed class Handler(HighRiskDb db, PregnancyGrader grader, RiskCatalogue catalogue, FollowUps.FollowUpPolicy policy, Infrastructure.BusinessClock clock)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var current = CurrentVersion(catalogue);
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM pregnancies
                WHERE status = 'Open' AND catalogue_version IS DISTINCT FROM {current}
                ORDER BY number LIMIT {command.Size} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return new Response(0, 0);
            }

            var pregnancies = await db.Pregnancies.Include(p => p.Woman).Include(p => p.Exams).AsSplitQuery()
                .Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            var changed = 0;
            foreach (var pregnancy in pregnancies)
            {
                var before = (pregnancy.Grade, pregnancy.Purple);
                pregnancy.RegradeUnderCatalogue(grader, "catalogue " + current, policy, clock.Now, clock.Today);
                changed += before == (pregnancy.Grade, pregnancy.Purple) ? 0 : 1;
            }

            return new Response(pregnancies.Count, changed);
        }
    }

    public static string CurrentVersion(RiskCatalogue catalogue) => $"{catalogue.Id}@{catalogue.Version}";
}
