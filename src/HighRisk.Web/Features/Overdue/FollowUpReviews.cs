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
/// (<see cref="FollowUpSchedule.Review"/>: the overdue and lost rule, written once, in C#); what she decided — her state
/// and her next review date — is written back for the batch in one statement. Nothing here decides a state.
/// </summary>
/// <remarks>
/// The rows are not locked while they are read: each is written back only if it is still the version that was read
/// (its <c>xmin</c>). A woman changed by a request between the read and the write (an exam recorded at 07:00) is read
/// again, locked this time, and reviewed as she now is; so a change is never overwritten, and a request waits on the job
/// only for a woman the job has written. Locking every row read held every open pregnancy until the end of a full run
/// and cost a WAL record per row (docs/adr/0005's amendment; docs/benchmarks.md, session 15).
/// </remarks>
public sealed class FollowUpReviews(HighRiskDb db, FollowUpPolicy policy)
{
    /// <summary>Pregnancies read, reviewed and written per round trip: the job's memory does not grow with the register.</summary>
    public const int BatchSize = 2000;

    public sealed record Result(int Reviewed, int Changed, IReadOnlyList<Guid> ReviewedIds);

    /// <summary>A pregnancy to review, and the version of her row (<c>xmin</c>) it was found at.</summary>
    private sealed record Found(Guid Id, long Version);

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
        var due = await db.Database.SqlQuery<Found>($"""
            SELECT id AS "Id", xmin::text::bigint AS "Version" FROM pregnancies WHERE follow_up_review_on <= {date}
            """).ToListAsync(ct);
        var (changed, flips) = (0, new List<Flip>());
        foreach (var found in due.Chunk(BatchSize))
        {
            changed += await ReviewBatchAsync(date, found, locked: false, flips, ct);
        }

        await WriteCasesAsync(flips, ct);
        return new Result(due.Count, changed, [.. due.Select(f => f.Id)]);
    }

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order, 2,000 at a time: the next ids found, then read by id like a normal morning. Closed
    /// pregnancies with nothing due are left alone: their state no longer changes.
    /// </summary>
    public async Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var (reviewed, changed, flips, after) = (0, 0, new List<Flip>(), Guid.Empty);
        while (await db.Database.SqlQuery<Found>($"""
                   SELECT id AS "Id", xmin::text::bigint AS "Version" FROM pregnancies
                   WHERE id > {after} AND (status = {nameof(PregnancyStatus.Open)} OR next_due_date IS NOT NULL OR follow_up_review_on IS NOT NULL)
                   ORDER BY id LIMIT {BatchSize}
                   """).ToListAsync(ct) is { Count: > 0 } found)
        {
            changed += await ReviewBatchAsync(date, found, locked: false, flips, ct);
            reviewed += found.Count;
            after = found[^1].Id;
        }

        await WriteCasesAsync(flips, ct);
        return new Result(reviewed, changed, []);
    }

    /// <summary>
    /// Each woman of the batch reviews herself; what changed is written where her row is still the version found, and the
    /// women whose overdue flag flipped are added to <paramref name="flips"/>. Those changed meanwhile are locked, read
    /// and reviewed again. Returns how many changed state.
    /// </summary>
    private async Task<int> ReviewBatchAsync(DateOnly date, IReadOnlyCollection<Found> found, bool locked, List<Flip> flips, CancellationToken ct)
    {
        var batch = await ReadAsync(found.Select(f => f.Id).ToArray(), ct);
        var reviewed = new List<(Due Due, FollowUpState Was)>(batch.Count);
        var changed = 0;
        foreach (var due in batch)
        {
            var was = due.Schedule.State;
            if (due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy))
            {
                reviewed.Add((due, was));
            }
        }

        var versions = found.ToDictionary(f => f.Id, f => f.Version);
        var written = await WriteAsync(reviewed.Select(r => r.Due).ToList(), versions, ct);
        foreach (var (due, was) in reviewed.Where(r => written.Contains(r.Due.Id)))
        {
            changed += was == due.Schedule.State ? 0 : 1;
            var overdue = Case.IsOverdue(due.Schedule.State);
            if (Case.IsOverdue(was) != overdue)
            {
                flips.Add(new Flip(due.Id, overdue, Case.BoardRankOf(due.Grade, overdue)));
            }
        }

        var meanwhile = reviewed.Where(r => !written.Contains(r.Due.Id)).Select(r => r.Due.Id).ToArray();
        if (meanwhile.Length == 0)
        {
            return changed;
        }

        if (locked)
        {
            throw new InvalidOperationException($"{meanwhile.Length} locked pregnancies changed before the daily job wrote them.");
        }

        // Locked, these rows cannot change again before the job commits: the second pass writes them all.
        var again = await db.Database.SqlQuery<Found>($"""
            SELECT id AS "Id", xmin::text::bigint AS "Version" FROM pregnancies WHERE id = ANY({meanwhile}) ORDER BY id FOR UPDATE
            """).ToListAsync(ct);
        return changed + await ReviewBatchAsync(date, again, locked: true, flips, ct);
    }

    /// <summary>What the rule reads of the given pregnancies.</summary>
    private Task<List<Due>> ReadAsync(Guid[] ids, CancellationToken ct) =>
        db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
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
    /// What each pregnancy decided, written for the batch in one statement (only her state and review date), to each row
    /// that is still the version she was read at. Returns the ids written.
    /// </summary>
    private async Task<HashSet<Guid>> WriteAsync(List<Due> reviewed, Dictionary<Guid, long> versions, CancellationToken ct)
    {
        if (reviewed.Count == 0)
        {
            return [];
        }

        var written = await db.Database.SqlQueryRaw<Guid>(
            """
            UPDATE pregnancies AS p SET follow_up_state = r.state, follow_up_review_on = r.review_on
            FROM unnest(@ids, @versions, @states, @reviews) AS r(id, version, state, review_on)
            WHERE p.id = r.id AND p.xmin = r.version::text::xid
            RETURNING p.id AS "Value"
            """,
            new NpgsqlParameter<Guid[]>("ids", reviewed.Select(d => d.Id).ToArray()),
            new NpgsqlParameter<long[]>("versions", reviewed.Select(d => versions[d.Id]).ToArray()),
            new NpgsqlParameter<string[]>("states", reviewed.Select(d => d.Schedule.State.ToString()).ToArray()),
            new NpgsqlParameter("reviews", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = reviewed.Select(d => d.Schedule.ReviewOn).ToArray() })
            .ToListAsync(ct);
        return [.. written];
    }
}
