using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The daily job's writes, as set-based SQL: (a) the overdue and lost state of the women whose review date has come
/// (or of everyone, on a full run), (b) the day's changes to the lists as spells, and the day's list of each township.
/// Nothing here reads the whole register on a normal morning: see docs/adr/0004.
/// </summary>
public sealed class OverdueSnapshot(HighRiskDb db, FollowUpPolicy policy)
{
    public sealed record Counts(int Reviewed, int Changed, int Opened, int Closed);

    private const string Shown = "pregnancy_id, township_code, village_code, facility_code, colour, purple, lmp, delivered_on, due_date, due_kind, state, last_contact_date, failed_attempts, health_worker";

    /// <summary>A pregnancy row as a spell shows her, and whether she is on the lists at all.</summary>
    private const string AsShown = """
        id AS pregnancy_id, township_code, division_code AS village_code, facility_code, grade AS colour, purple, lmp,
        CASE WHEN outcome = 'Delivery' THEN outcome_date END AS delivered_on, next_due_date AS due_date, next_due_kind AS due_kind,
        follow_up_state AS state, last_contact_date, failed_attempts, health_worker,
        follow_up_state IN ('Overdue', 'Lost') AND (status = 'Open' OR outcome = 'Delivery') AS listed
        """;

    private readonly FollowUpStateSql _rules = new(policy);

    private string NewState => $"CASE WHEN {FollowUpStateSql.InScope} THEN {_rules.State} ELSE follow_up_state END";

    private string NewReviewOn => $"CASE WHEN {FollowUpStateSql.InScope} THEN {_rules.ReviewOn} END";

    /// <summary>
    /// A normal morning: the women whose review date has come get their state and next review date, and their spells
    /// are compared with how they are now — closed where she left the list or anything shown changed, opened where she is
    /// on it as she was not. Every change to a listed woman asks for a review (FollowUpSchedule.PlanReview), so no other
    /// spell can be out of date.
    /// </summary>
    public Task<Counts> ReviewDueAsync(DateOnly date, CancellationToken ct) =>
        CountsAsync($"""
            WITH {DueReviewed}, shown AS MATERIALIZED (
                SELECT id, {Shown} FROM overdue_spells
                WHERE until_date = 'infinity' AND pregnancy_id IN (SELECT pregnancy_id FROM reviewed)
            ), {SpellChanges("reviewed")}
            SELECT (SELECT count(*) FROM reviewed)::int AS reviewed,
                (SELECT count(*) FROM reviewed r JOIN was w USING (pregnancy_id) WHERE r.state <> w.state)::int AS changed,
                (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM closed)::int AS closed
            """, date, ct);

    /// <summary>
    /// The first run, or the first under a changed policy: every woman's state and review date worked out again, and the
    /// day's whole overdue set compared with the open spells.
    /// </summary>
    public async Task<Counts> ReviewEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var (reviewed, changed) = await UpdateEveryoneAsync(date, ct);
        var spells = await CountsAsync($"""
            WITH overdue AS MATERIALIZED (
                SELECT {AsShown} FROM pregnancies WHERE follow_up_state IN ('Overdue', 'Lost') AND (status = 'Open' OR outcome = 'Delivery')
            ), shown AS MATERIALIZED (
                SELECT id, {Shown} FROM overdue_spells WHERE until_date = 'infinity'
            ), {SpellChanges("overdue")}
            SELECT 0 AS reviewed, 0 AS changed, (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM closed)::int AS closed
            """, date, ct);
        return spells with { Reviewed = reviewed, Changed = changed };
    }

    /// <summary>
    /// A missed date made good after a later one was done: the states as for any run, then the spells that run across the
    /// date split around it and the day's overdue set as spells of this date alone, so no other date's list changes.
    /// </summary>
    public async Task<Counts> MakeGoodAsync(DateOnly date, bool full, CancellationToken ct)
    {
        var (reviewed, changed) = full ? await UpdateEveryoneAsync(date, ct) : await UpdateDueAsync(date, ct);
        var split = await db.Database.ExecuteSqlRawAsync($"""
            WITH after AS (
                INSERT INTO overdue_spells ({Shown}, from_date, until_date)
                SELECT {Shown}, @date + 1, until_date FROM overdue_spells WHERE from_date < @date AND until_date > @date + 1
            )
            UPDATE overdue_spells SET until_date = @date WHERE from_date < @date AND until_date > @date
            """, [new NpgsqlParameter<DateOnly>("date", date)], ct);
        var opened = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO overdue_spells ({Shown}, from_date, until_date)
            SELECT {Shown}, @date, @date + 1 FROM (SELECT {AsShown} FROM pregnancies WHERE follow_up_state IN ('Overdue', 'Lost')) o WHERE listed
            """, [new NpgsqlParameter<DateOnly>("date", date)], ct);
        return new Counts(reviewed, changed, opened, split);
    }

    /// <summary>
    /// Each township's list for the date, from the spells that cover it, with its counts in the list's order (so they add
    /// up to the total: purple counts the purple women who are not red or orange). Returns the women listed.
    /// </summary>
    public async Task<int> WriteListsAsync(DateOnly date, bool missedDate, DateTimeOffset now, CancellationToken ct)
    {
        var covering = missedDate ? "from_date <= @date AND until_date > @date" : "until_date = 'infinity'";
        var sql = $"""
            INSERT INTO overdue_lists (id, business_date, township_code, created_at, red, orange, purple, yellow, green, lost, total)
            SELECT gen_random_uuid(), @date, township_code, @now,
                count(*) FILTER (WHERE colour = 'Red'), count(*) FILTER (WHERE colour = 'Orange'),
                count(*) FILTER (WHERE purple AND colour NOT IN ('Red', 'Orange')),
                count(*) FILTER (WHERE colour = 'Yellow' AND NOT purple), count(*) FILTER (WHERE colour = 'Green' AND NOT purple),
                count(*) FILTER (WHERE state = 'Lost'), count(*)
            FROM overdue_spells WHERE {covering} GROUP BY township_code
            ON CONFLICT (business_date, township_code) DO NOTHING
            RETURNING total AS "Value"
            """;
        var totals = await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter<DateOnly>("date", date), new NpgsqlParameter<DateTimeOffset>("now", now)).ToListAsync(ct);
        return totals.Sum();
    }

    private async Task<(int Reviewed, int Changed)> UpdateDueAsync(DateOnly date, CancellationToken ct)
    {
        var counts = await CountsAsync($"""
            WITH {DueReviewed}
            SELECT count(*)::int AS reviewed, count(*) FILTER (WHERE r.state <> w.state)::int AS changed, 0 AS opened, 0 AS closed
            FROM reviewed r JOIN was w USING (pregnancy_id)
            """, date, ct);
        return (counts.Reviewed, counts.Changed);
    }

    /// <summary>
    /// The women whose review date has come, rewritten with their state and next review date (<c>reviewed</c>, as spells
    /// show them), and their states before (<c>was</c>: the same snapshot, read before the update).
    /// </summary>
    private string DueReviewed => $"""
        was AS MATERIALIZED (
            SELECT id AS pregnancy_id, follow_up_state AS state FROM pregnancies WHERE follow_up_review_on <= @date
        ), reviewed AS (
            UPDATE pregnancies SET follow_up_state = {NewState}, follow_up_review_on = {NewReviewOn}
            WHERE follow_up_review_on <= @date
            RETURNING {AsShown}
        )
        """;

    /// <summary>
    /// The spells to change, given the women as they are now (<paramref name="source"/>, with <c>listed</c>) and their open
    /// spells (<c>shown</c>): a spell whose woman is gone from the source, no longer listed or shown otherwise is closed on
    /// the date; a listed woman not shown as she is gets a spell from it.
    /// </summary>
    private static string SpellChanges(string source) => $"""
        closed AS (
            UPDATE overdue_spells SET until_date = @date WHERE id IN (
                SELECT s.id FROM shown s LEFT JOIN {source} r USING (pregnancy_id)
                WHERE r.pregnancy_id IS NULL OR NOT r.listed OR ({Prefixed("r")}) IS DISTINCT FROM ({Prefixed("s")}))
            RETURNING 1
        ), opened AS (
            INSERT INTO overdue_spells ({Shown}, from_date, until_date)
            SELECT {Prefixed("r")}, @date, 'infinity' FROM {source} r
            WHERE r.listed AND NOT EXISTS (SELECT FROM shown s WHERE s.pregnancy_id = r.pregnancy_id AND ({Prefixed("r")}) IS NOT DISTINCT FROM ({Prefixed("s")}))
            RETURNING 1
        )
        """;

    /// <summary>Every row read; only those whose state or review date differs are written.</summary>
    private async Task<(int Reviewed, int Changed)> UpdateEveryoneAsync(DateOnly date, CancellationToken ct)
    {
        var counts = await CountsAsync($"""
            WITH due AS (
                SELECT id, follow_up_state AS was FROM pregnancies WHERE {FollowUpStateSql.InScope} OR follow_up_review_on IS NOT NULL
            ), changed AS (
                UPDATE pregnancies p SET follow_up_state = {NewState}, follow_up_review_on = {NewReviewOn}
                FROM due WHERE p.id = due.id AND (p.follow_up_state <> {NewState} OR p.follow_up_review_on IS DISTINCT FROM {NewReviewOn})
                RETURNING p.follow_up_state <> due.was AS moved
            )
            SELECT count(*)::int AS reviewed, count(*) FILTER (WHERE moved)::int AS changed, 0 AS opened, 0 AS closed FROM changed
            """, date, ct);
        return (counts.Reviewed, counts.Changed);
    }

    // Not composed by EF (a data-modifying WITH must stay at the top level): the one row is read as a list.
    private async Task<Counts> CountsAsync(string sql, DateOnly date, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<Counts>(sql, new NpgsqlParameter<DateOnly>("date", date)).ToListAsync(ct)).Single();

    private static string Prefixed(string alias) => string.Join(", ", Shown.Split(", ").Select(c => $"{alias}.{c}"));
}
