using HighRisk.Features.Cases;
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
/// The review date is in a table of its own (<c>follow_up_reviews</c>) and the state is not indexed, so the state's
/// change rewrites the pregnancy's row in place (PregnancyConfiguration).
/// </summary>
public sealed class FollowUpReviews(HighRiskDb db, FollowUpPolicy policy)
{
    /// <summary>Pregnancies read, reviewed and written per round trip: the job's memory does not grow with the register.</summary>
    public const int BatchSize = 2000;

    public sealed record Result(int Reviewed, int Changed, IReadOnlyList<Guid> ReviewedIds);

    /// <summary>The columns the rule reads: the schedule, the colour, and whether the schedule applies to her at all.</summary>
    private sealed record Due(Guid Id, RiskColour Grade, bool Purple, PregnancyStatus Status, PregnancyOutcome? Outcome, FollowUpSchedule Schedule);

    /// <summary>
    /// A normal morning: the women whose review date has come, found and locked at once through the review date's partial
    /// index (a few thousand at 1,000,000), then read and reviewed 2,000 at a time by id. Reading the index batch by batch
    /// instead would walk, each time, the entries the earlier batches left behind. (Locking each batch as it is read
    /// instead was measured no faster.)
    /// </summary>
    public async Task<Result> ReviewDueAsync(DateOnly date, CancellationToken ct)
    {
        var due = await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value" FROM follow_up_reviews r JOIN pregnancies p ON p.id = r.pregnancy_id
            WHERE r.follow_up_review_on <= {date} FOR UPDATE OF p
            """).ToListAsync(ct);
        var (reviewed, changed) = (0, 0);
        foreach (var ids in due.Chunk(BatchSize))
        {
            var batch = await ReadAsync(ids, ct);
            changed += await ReviewBatchAsync(date, batch, ct);
            reviewed += batch.Count;
        }

        return new Result(reviewed, changed, due);
    }

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order, 2,000 at a time: the next ids found and locked, then read by id. Closed pregnancies
    /// with nothing due are left alone: their state no longer changes.
    /// </summary>
    public async Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var (reviewed, changed, after) = (0, 0, Guid.Empty);
        // Both sides of the join bounded by the last id, so that each batch starts where the last one ended in both tables.
        while (await db.Database.SqlQuery<Guid>($"""
                   SELECT p.id AS "Value" FROM pregnancies p JOIN follow_up_reviews r ON r.pregnancy_id = p.id
                   WHERE p.id > {after} AND r.pregnancy_id > {after}
                     AND (p.status = {nameof(PregnancyStatus.Open)} OR p.next_due_date IS NOT NULL OR r.follow_up_review_on IS NOT NULL)
                   ORDER BY p.id LIMIT {BatchSize} FOR UPDATE OF p
                   """).ToListAsync(ct) is { Count: > 0 } ids)
        {
            var batch = await ReadAsync(ids, ct);
            changed += await ReviewBatchAsync(date, batch, ct);
            reviewed += batch.Count;
            after = ids[^1];
        }

        return new Result(reviewed, changed, []);
    }

    /// <summary>What the rule reads of the given pregnancies (found and locked by the caller).</summary>
    private Task<List<Due>> ReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
            .ToListAsync(ct);

    /// <summary>Each woman of the batch reviews herself; what changed is written. Returns how many changed state.</summary>
    private async Task<int> ReviewBatchAsync(DateOnly date, List<Due> batch, CancellationToken ct)
    {
        var (newStates, newReviews, flipped) = (new List<Due>(batch.Count), new List<Due>(batch.Count), new List<Due>());
        foreach (var due in batch)
        {
            var (state, reviewOn) = (due.Schedule.State, due.Schedule.ReviewOn);
            due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy);
            if (state != due.Schedule.State)
            {
                newStates.Add(due);
            }

            if (reviewOn != due.Schedule.ReviewOn)
            {
                newReviews.Add(due);
            }

            if (Case.IsOverdue(state) != Case.IsOverdue(due.Schedule.State))
            {
                flipped.Add(due);
            }
        }

        await WriteAsync(newStates, newReviews, ct);
        await WriteCasesAsync(flipped, ct);
        return newStates.Count;
    }

    /// <summary>
    /// The women who became overdue (or lost) or came back on track: their cases' place on the board, in one statement
    /// (<see cref="Case.BoardRankOf"/>, from the colour the case follows). Women without a case match no row.
    /// </summary>
    private async Task WriteCasesAsync(List<Due> flipped, CancellationToken ct)
    {
        if (flipped.Count == 0)
        {
            return;
        }

        var overdue = flipped.Select(d => Case.IsOverdue(d.Schedule.State)).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE cases AS c SET follow_up_overdue = r.overdue, board_rank = r.rank
            FROM unnest(@ids, @overdue, @ranks) AS r(id, overdue, rank) WHERE c.pregnancy_id = r.id
            """,
            [
                new NpgsqlParameter<Guid[]>("ids", flipped.Select(d => d.Id).ToArray()),
                new NpgsqlParameter<bool[]>("overdue", overdue),
                new NpgsqlParameter<int[]>("ranks", flipped.Select((d, i) => Case.BoardRankOf(d.Grade, overdue[i])).ToArray()),
            ],
            ct);
    }

    /// <summary>
    /// What each pregnancy decided, written for the batch in one statement: the states that changed (on the pregnancy's
    /// row, in place) and the review dates that moved (in <c>follow_up_reviews</c>).
    /// </summary>
    private async Task WriteAsync(List<Due> newStates, List<Due> newReviews, CancellationToken ct)
    {
        if (newStates.Count == 0 && newReviews.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            WITH states AS (
                UPDATE pregnancies AS p SET follow_up_state = s.state FROM unnest(@stateIds, @states) AS s(id, state) WHERE p.id = s.id
            )
            UPDATE follow_up_reviews AS f SET follow_up_review_on = r.review_on
            FROM unnest(@reviewIds, @reviews) AS r(id, review_on) WHERE f.pregnancy_id = r.id
            """,
            [
                new NpgsqlParameter<Guid[]>("stateIds", newStates.Select(d => d.Id).ToArray()),
                new NpgsqlParameter<string[]>("states", newStates.Select(d => d.Schedule.State.ToString()).ToArray()),
                new NpgsqlParameter<Guid[]>("reviewIds", newReviews.Select(d => d.Id).ToArray()),
                new NpgsqlParameter("reviews", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = newReviews.Select(d => d.Schedule.ReviewOn).ToArray() },
            ],
            ct);
    }
}
