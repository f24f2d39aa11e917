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
/// </summary>
public sealed class FollowUpReviews(HighRiskDb db, FollowUpPolicy policy)
{
    /// <summary>Pregnancies read, reviewed and written per round trip: the job's memory does not grow with the register.</summary>
    public const int BatchSize = 2000;

    public sealed record Result(int Reviewed, int Changed, IReadOnlyList<Guid> ReviewedIds);

    /// <summary>The columns the rule reads: the schedule, the colour, and whether the schedule applies to her at all.</summary>
    private sealed record Due(Guid Id, RiskColour Grade, bool Purple, PregnancyStatus Status, PregnancyOutcome? Outcome, FollowUpSchedule Schedule);

    /// <summary>A woman who became overdue (or lost) or came back on track: her case's flag and place on the board.</summary>
    private readonly record struct Flip(Guid Id, bool Overdue, int Rank);

    /// <summary>
    /// A normal morning: the women whose review date has come, found and locked at once through the review date's partial
    /// index (a few thousand at 1,000,000), then read and reviewed 2,000 at a time by id. Reading the index batch by batch
    /// instead would walk, each time, the entries the earlier batches left behind.
    /// </summary>
    public async Task<Result> ReviewDueAsync(DateOnly date, CancellationToken ct)
    {
        var due = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM pregnancies WHERE follow_up_review_on <= {date} FOR UPDATE
            """).ToListAsync(ct);
        var (reviewed, changed, flips) = (0, 0, new List<Flip>());
        foreach (var ids in due.Chunk(BatchSize))
        {
            var batch = await ReadAsync(ids, ct);
            changed += await ReviewBatchAsync(date, batch, flips, ct);
            reviewed += batch.Count;
        }

        await WriteCasesAsync(flips, ct);
        return new Result(reviewed, changed, due);
    }

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order, 2,000 at a time: the next ids found and locked, then read by id like a normal morning.
    /// Closed pregnancies with nothing due are left alone: their state no longer changes.
    /// </summary>
    public async Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var (reviewed, changed, flips, after) = (0, 0, new List<Flip>(), Guid.Empty);
        while (await db.Database.SqlQuery<Guid>($"""
                   SELECT id AS "Value" FROM pregnancies
                   WHERE id > {after} AND (status = {nameof(PregnancyStatus.Open)} OR next_due_date IS NOT NULL OR follow_up_review_on IS NOT NULL)
                   ORDER BY id LIMIT {BatchSize} FOR UPDATE
                   """).ToListAsync(ct) is { Count: > 0 } ids)
        {
            var batch = await ReadAsync(ids, ct);
            changed += await ReviewBatchAsync(date, batch, flips, ct);
            reviewed += batch.Count;
            after = ids[^1];
        }

        await WriteCasesAsync(flips, ct);
        return new Result(reviewed, changed, []);
    }

    /// <summary>What the rule reads of the given pregnancies (found and locked by the caller).</summary>
    private Task<List<Due>> ReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
            .ToListAsync(ct);

    /// <summary>
    /// Each woman of the batch reviews herself; what changed is written, and the women whose overdue flag flipped are added
    /// to <paramref name="flips"/>. Returns how many changed state.
    /// </summary>
    private async Task<int> ReviewBatchAsync(DateOnly date, List<Due> batch, List<Flip> flips, CancellationToken ct)
    {
        var (written, changed) = (new List<Due>(batch.Count), 0);
        foreach (var due in batch)
        {
            var state = due.Schedule.State;
            if (due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy))
            {
                written.Add(due);
            }

            changed += state == due.Schedule.State ? 0 : 1;
            var (wasOverdue, overdue) = (Case.IsOverdue(state), Case.IsOverdue(due.Schedule.State));
            if (wasOverdue != overdue)
            {
                flips.Add(new Flip(due.Id, overdue, Case.BoardRankOf(due.Grade, overdue)));
            }
        }

        await WriteAsync(written, ct);
        return changed;
    }

    /// <summary>
    /// The women who became overdue (or lost) or came back on track: their cases' place on the board, in one statement for
    /// the whole run (<see cref="Case.BoardRankOf"/>, from the colour the case follows): one pass over the cases, which a
    /// statement per batch repeated. Women without a case match no row.
    /// </summary>
    private async Task WriteCasesAsync(List<Flip> flips, CancellationToken ct)
    {
        if (flips.Count == 0)
        {
            return;
        }

        // Each case looked up by its pregnancy (the pages are in memory): at the default cost of a random page PostgreSQL
        // reads and hashes all 146,000 cases of a province instead (a morning of 10,449 women: 301-323 against 373-572 ms).
        // For this statement only: with it for the whole job the counties' case digest took 243 instead of 93 ms.
        await db.Database.ExecuteSqlRawAsync(
            """
            SET LOCAL random_page_cost = 1.1;
            UPDATE cases AS c SET follow_up_overdue = r.overdue, board_rank = r.rank
            FROM unnest(@ids, @overdue, @ranks) AS r(id, overdue, rank) WHERE c.pregnancy_id = r.id;
            SET LOCAL random_page_cost TO DEFAULT;
            """,
            [
                new NpgsqlParameter<Guid[]>("ids", flips.Select(f => f.Id).ToArray()),
                new NpgsqlParameter<bool[]>("overdue", flips.Select(f => f.Overdue).ToArray()),
                new NpgsqlParameter<int[]>("ranks", flips.Select(f => f.Rank).ToArray()),
            ],
            ct);
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
