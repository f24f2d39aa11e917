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
/// every woman the schedule may apply to) is read with her schedule and asked to review herself
/// (<see cref="FollowUpSchedule.Review"/>: the overdue and lost rule, written once, in C#); what she decided is written
/// back for the batch: her state, where it changed, and her review (date and revision, in its own narrow row). Nothing
/// here decides a state.
/// </summary>
/// <remarks>
/// The rows are not locked while they are read. Her review is written only where it is still the revision that was read
/// with her, and every change a request makes to what the rule reads moves that revision (the pregnancy plans her
/// review after each, <see cref="FollowUpSchedule.PlanReview"/>). A woman changed by a request meanwhile (an exam
/// recorded at 07:00) is read again, locked this time, and reviewed as she now is, state and review; so a change is never
/// overwritten, and a request waits on the job only for a woman the job has written. Rows are written in the order
/// requests lock them: her pregnancy, then her review. Locking every row read held every open pregnancy until the end of
/// a full run and cost a WAL record per row (docs/adr/0005's amendment; docs/benchmarks.md, session 15).
/// </remarks>
public sealed class FollowUpReviews(HighRiskDb db, FollowUpPolicy policy)
{
    /// <summary>Pregnancies read, reviewed and written per round trip: the job's memory does not grow with the register.</summary>
    public const int BatchSize = 2000;

    public sealed record Result(int Reviewed, int Changed, IReadOnlyList<Guid> ReviewedIds);

    /// <summary>A woman of the batch: her state and revision as read, and whether her review changed either.</summary>
    private sealed record Reviewed(Due Due, FollowUpState Was, int Revision, bool Changed);

    /// <summary>The columns the rule reads: the schedule, the colour, and whether the schedule applies to her at all.</summary>
    private sealed record Due(Guid Id, RiskColour Grade, bool Purple, PregnancyStatus Status, PregnancyOutcome? Outcome, FollowUpSchedule Schedule);

    /// <summary>A woman who became overdue (or lost) or came back on track: her case's flag and place on the board.</summary>
    private readonly record struct Flip(Guid Id, bool Overdue, int Rank);

    /// <summary>
    /// A normal morning: the women whose review date has come, found at once through the review date's partial index (a few
    /// thousand at 1,000,000), then read and reviewed 2,000 at a time by id. Reading the index batch by batch instead would
    /// walk, each time, the entries the earlier batches left behind.
    /// </summary>
    public async Task<Result> ReviewDueAsync(DateOnly date, CancellationToken ct)
    {
        var due = await db.Database.SqlQuery<Guid>($"""
            SELECT pregnancy_id AS "Value" FROM follow_up_reviews WHERE review_on <= {date}
            """).ToListAsync(ct);
        var (changed, flips) = (0, new List<Flip>());
        foreach (var found in due.Chunk(BatchSize))
        {
            changed += await ReviewBatchAsync(date, await ReadAsync(found, ct), before: null, flips, ct);
        }

        await WriteCasesAsync(flips, ct);
        return new Result(due.Count, changed, due);
    }

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order, read 2,000 at a time (found and read in one statement: each row visited once). Closed
    /// pregnancies with nothing due are left alone: their state no longer changes.
    /// </summary>
    public async Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var (reviewed, changed, flips, after) = (0, 0, new List<Flip>(), Guid.Empty);
        while (await ReadAfterAsync(after, ct) is { Count: > 0 } batch)
        {
            changed += await ReviewBatchAsync(date, batch, before: null, flips, ct);
            reviewed += batch.Count;
            after = batch[^1].Id;
        }

        await WriteCasesAsync(flips, ct);
        return new Result(reviewed, changed, []);
    }

    /// <summary>
    /// Each woman of the batch reviews herself; what changed is written where she is still as she was read, and the
    /// women whose overdue flag flipped are added to <paramref name="flips"/>. Those changed meanwhile are locked, read
    /// and reviewed again, with the states the first pass found (<paramref name="before"/>). Returns how many changed state.
    /// </summary>
    private async Task<int> ReviewBatchAsync(
        DateOnly date, List<Due> read, IReadOnlyDictionary<Guid, FollowUpState>? before, List<Flip> flips, CancellationToken ct)
    {
        var batch = new List<Reviewed>(read.Count);
        foreach (var due in read)
        {
            var (was, revision) = (due.Schedule.State, due.Schedule.Revision);
            var changed = due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy);
            batch.Add(new Reviewed(due, was, revision, changed));
        }

        var written = await WriteAsync(batch.Where(r => r.Changed).ToList(), ct);
        var statesChanged = 0;
        foreach (var r in batch.Where(r => !r.Changed || written.Contains(r.Due.Id)))
        {
            var now = r.Due.Schedule.State;
            statesChanged += r.Was == now ? 0 : 1;

            // A second pass also compares with the state the first found: that pass may have written her state before
            // finding her review changed. The cases' update sets the flag, so one more row is harmless.
            var first = before?.GetValueOrDefault(r.Due.Id, r.Was) ?? r.Was;
            if (Case.IsOverdue(r.Was) != Case.IsOverdue(now) || Case.IsOverdue(first) != Case.IsOverdue(now))
            {
                flips.Add(new Flip(r.Due.Id, Case.IsOverdue(now), Case.BoardRankOf(r.Due.Grade, Case.IsOverdue(now))));
            }
        }

        var meanwhile = batch.Where(r => r.Changed && !written.Contains(r.Due.Id)).ToList();
        if (meanwhile.Count == 0)
        {
            return statesChanged;
        }

        if (before is not null)
        {
            throw new InvalidOperationException($"{meanwhile.Count} locked pregnancies changed before the daily job wrote them.");
        }

        // Locked, these pregnancies cannot change again before the job commits: the second pass writes them all.
        var ids = meanwhile.Select(r => r.Due.Id).ToArray();
        var again = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM pregnancies WHERE id = ANY({ids}) ORDER BY id FOR UPDATE
            """).ToListAsync(ct);
        return statesChanged + await ReviewBatchAsync(date, await ReadAsync([.. again], ct), meanwhile.ToDictionary(r => r.Due.Id, r => r.Was), flips, ct);
    }

    /// <summary>What the rule reads of the given pregnancies.</summary>
    private Task<List<Due>> ReadAsync(Guid[] ids, CancellationToken ct) =>
        db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
            .ToListAsync(ct);

    /// <summary>
    /// What the rule reads of the next pregnancies of a full run after <paramref name="after"/>, in id order. The batch is
    /// chosen before her review row is joined: joined first, PostgreSQL walked the review rows from the start of their key.
    /// </summary>
    private Task<List<Due>> ReadAfterAsync(Guid after, CancellationToken ct) =>
        db.Pregnancies.FromSql($"""
            SELECT * FROM pregnancies AS p
            WHERE p.id > {after} AND (p.status = {nameof(PregnancyStatus.Open)} OR p.next_due_date IS NOT NULL
                OR EXISTS (SELECT 1 FROM follow_up_reviews AS r WHERE r.pregnancy_id = p.id AND r.review_on IS NOT NULL))
            ORDER BY p.id LIMIT {BatchSize}
            """).IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
            .ToListAsync(ct);

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

    /// <summary>
    /// What each pregnancy decided, written for the batch: the states that changed, then the reviews, only where each is
    /// still the revision read with her. Returns the ids whose review was written; a state written for a woman whose
    /// review was not is written again by the second pass, which reads her as she now is.
    /// </summary>
    private async Task<HashSet<Guid>> WriteAsync(List<Reviewed> reviewed, CancellationToken ct)
    {
        if (reviewed.Count == 0)
        {
            return [];
        }

        var states = reviewed.Where(r => r.Was != r.Due.Schedule.State).ToList();
        if (states.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE pregnancies AS p SET follow_up_state = r.state
                FROM unnest(@ids, @states) AS r(id, state) WHERE p.id = r.id
                """,
                [
                    new NpgsqlParameter<Guid[]>("ids", states.Select(r => r.Due.Id).ToArray()),
                    new NpgsqlParameter<string[]>("states", states.Select(r => r.Due.Schedule.State.ToString()).ToArray()),
                ],
                ct);
        }

        var written = await db.Database.SqlQueryRaw<Guid>(
            """
            UPDATE follow_up_reviews AS f SET review_on = r.review_on, revision = r.revised
            FROM unnest(@ids, @revisions, @revised, @reviews) AS r(id, revision, revised, review_on)
            WHERE f.pregnancy_id = r.id AND f.revision = r.revision
            RETURNING f.pregnancy_id AS "Value"
            """,
            new NpgsqlParameter<Guid[]>("ids", reviewed.Select(r => r.Due.Id).ToArray()),
            new NpgsqlParameter<int[]>("revisions", reviewed.Select(r => r.Revision).ToArray()),
            new NpgsqlParameter<int[]>("revised", reviewed.Select(r => r.Due.Schedule.Revision).ToArray()),
            new NpgsqlParameter("reviews", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = reviewed.Select(r => r.Due.Schedule.ReviewOn).ToArray() })
            .ToListAsync(ct);
        return [.. written];
    }
}
