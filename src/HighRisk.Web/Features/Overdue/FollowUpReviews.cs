using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The daily job's review of follow-up states, in batches: each woman whose review date has come (or, on a full run,
/// every woman the schedule may apply to) is read with her schedule, locked, and asked to review herself
/// (<see cref="FollowUpSchedule.Review"/>: the overdue and lost rule, written once, in C#); what she decided — her state
/// and her next review date — is written back for the batch in one statement. Nothing here decides a state.
/// </summary>
public sealed class FollowUpReviews(HighRiskDb db, FollowUpPolicy policy)
{
    /// <summary>Pregnancies read, reviewed and written per round trip: the job's memory does not grow with the register.</summary>
    public const int BatchSize = 2000;

    public sealed record Result(int Reviewed, int Changed, IReadOnlyList<Guid> ReviewedIds);

    /// <summary>The columns the rule reads: the schedule, the colour, and whether the schedule applies to her at all.</summary>
    private sealed record Due(Guid Id, RiskColour Grade, bool Purple, PregnancyStatus Status, PregnancyOutcome? Outcome, FollowUpSchedule Schedule);

    /// <summary>
    /// A normal morning: the women whose review date has come, through the review date's partial index. A review always
    /// moves the date past the morning (or clears it), so each batch leaves the set and the next batch is simply the next
    /// rows still in it; no order is needed (an order by id would walk the primary key past a million rows instead).
    /// </summary>
    public Task<Result> ReviewDueAsync(DateOnly date, CancellationToken ct) =>
        ReviewAsync(date, _ => db.Pregnancies.FromSql($"""
            SELECT * FROM pregnancies WHERE follow_up_review_on <= {date} LIMIT {BatchSize} FOR UPDATE
            """), dueSet: true, ct);

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order. Closed pregnancies with nothing due are left alone: their state no longer changes.
    /// </summary>
    public Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct) =>
        ReviewAsync(date, after => db.Pregnancies.FromSql($"""
            SELECT * FROM pregnancies
            WHERE id > {after} AND (status = {nameof(PregnancyStatus.Open)} OR next_due_date IS NOT NULL OR follow_up_review_on IS NOT NULL)
            ORDER BY id LIMIT {BatchSize} FOR UPDATE
            """), dueSet: false, ct);

    private async Task<Result> ReviewAsync(DateOnly date, Func<Guid, IQueryable<Pregnancy>> batchAfter, bool dueSet, CancellationToken ct)
    {
        var (reviewed, changed, after) = (0, 0, Guid.Empty);
        var seen = new HashSet<Guid>(); // the due set only: the women reviewed, each once (twice would mean a review left her in the set)
        while (true)
        {
            var batch = await batchAfter(after).IgnoreQueryFilters().AsNoTracking()
                .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new Result(reviewed, changed, [.. seen]);
            }

            var written = new List<Due>(batch.Count);
            foreach (var due in batch)
            {
                if (dueSet && !seen.Add(due.Id))
                {
                    throw new InvalidOperationException($"Pregnancy {due.Id} came up twice in one review: her review did not move her review date.");
                }

                var state = due.Schedule.State;
                if (due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy))
                {
                    written.Add(due);
                }

                changed += state == due.Schedule.State ? 0 : 1;
            }

            await WriteAsync(written, ct);
            reviewed += batch.Count;
            after = batch[^1].Id;
        }
    }

    /// <summary>What each pregnancy decided, written for the batch in one statement (only her state and review date).</summary>
    private async Task WriteAsync(List<Due> reviewed, CancellationToken ct)
    {
        if (reviewed.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE pregnancies AS p SET follow_up_state = r.state, follow_up_review_on = r.review_on
            FROM unnest(@ids, @states, @reviews) AS r(id, state, review_on) WHERE p.id = r.id
            """,
            [
                new NpgsqlParameter<Guid[]>("ids", reviewed.Select(d => d.Id).ToArray()),
                new NpgsqlParameter<string[]>("states", reviewed.Select(d => d.Schedule.State.ToString()).ToArray()),
                new NpgsqlParameter("reviews", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = reviewed.Select(d => d.Schedule.ReviewOn).ToArray() },
            ],
            ct);
    }
}
