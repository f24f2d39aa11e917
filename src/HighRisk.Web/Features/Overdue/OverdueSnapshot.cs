using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The daily job's derived data, as set-based SQL over the states the pregnancies decided (<see cref="FollowUpReviews"/>):
/// the day's changes to the lists as spells, and the day's list of each township with its counts. Nothing here decides
/// a state, and nothing reads the whole register on a normal morning: see docs/adr/0005.
/// </summary>
public sealed class OverdueSnapshot(HighRiskDb db)
{
    public sealed record Counts(int Opened, int Closed);

    private const string Shown = "pregnancy_id, township_code, village_code, facility_code, colour, purple, lmp, " +
        "delivered_on, due_date, due_kind, state, last_contact_date, failed_attempts, health_worker";

    /// <summary>A pregnancy row as a spell shows her, and whether she is on the lists at all.</summary>
    private const string AsShown = $"""
        id AS pregnancy_id, township_code, division_code AS village_code, facility_code, grade AS colour, purple, lmp,
        CASE WHEN outcome = '{nameof(PregnancyOutcome.Delivery)}' THEN outcome_date END AS delivered_on, next_due_date AS due_date,
        next_due_kind AS due_kind, follow_up_state AS state, last_contact_date, failed_attempts, health_worker, {Listed} AS listed
        """;

    /// <summary>On the lists: overdue or lost (as she decided), and open or delivered.</summary>
    private const string Listed = $"""
        follow_up_state IN ('{nameof(FollowUpState.Overdue)}', '{nameof(FollowUpState.Lost)}')
        AND (status = '{nameof(PregnancyStatus.Open)}' OR outcome = '{nameof(PregnancyOutcome.Delivery)}')
        """;

    /// <summary>
    /// A normal morning: the spells of the women just reviewed are compared with how they are now — closed where she left
    /// the list or anything shown changed, opened where she is on it as she was not. Every change to a listed woman asks
    /// for a review (FollowUpSchedule.PlanReview), so no other spell can be out of date.
    /// </summary>
    public Task<Counts> ReviewedAsync(DateOnly date, IReadOnlyList<Guid> reviewed, CancellationToken ct) =>
        CountsAsync($"""
            WITH reviewed AS MATERIALIZED (
                SELECT {AsShown} FROM pregnancies WHERE id = ANY(@reviewed)
            ), shown AS MATERIALIZED (
                SELECT id, {Shown} FROM overdue_spells WHERE until_date = 'infinity' AND pregnancy_id = ANY(@reviewed)
            ), {SpellChanges("reviewed")}
            SELECT (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM closed)::int AS closed
            """, date, ct, new NpgsqlParameter<Guid[]>("reviewed", [.. reviewed]));

    /// <summary>After a full run: the day's whole overdue set compared with the open spells.</summary>
    public Task<Counts> EveryoneAsync(DateOnly date, CancellationToken ct) =>
        CountsAsync($"""
            WITH overdue AS MATERIALIZED (
                SELECT {AsShown} FROM pregnancies WHERE {Listed}
            ), shown AS MATERIALIZED (
                SELECT id, {Shown} FROM overdue_spells WHERE until_date = 'infinity'
            ), {SpellChanges("overdue")}
            SELECT (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM closed)::int AS closed
            """, date, ct);

    /// <summary>
    /// A missed date made good after a later one was done: the spells that run across the date split around it, and the
    /// day's overdue set as spells of this date alone, so no other date's list changes.
    /// </summary>
    public async Task<Counts> MadeGoodAsync(DateOnly date, CancellationToken ct)
    {
        var split = await db.Database.ExecuteSqlRawAsync($"""
            WITH after AS (
                INSERT INTO overdue_spells ({Shown}, from_date, until_date)
                SELECT {Shown}, @date + 1, until_date FROM overdue_spells WHERE from_date < @date AND until_date > @date + 1
            )
            UPDATE overdue_spells SET until_date = @date WHERE from_date < @date AND until_date > @date
            """, [new NpgsqlParameter<DateOnly>("date", date)], ct);
        var opened = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO overdue_spells ({Shown}, from_date, until_date)
            SELECT {Shown}, @date, @date + 1 FROM (SELECT {AsShown} FROM pregnancies WHERE {Listed}) o
            """, [new NpgsqlParameter<DateOnly>("date", date)], ct);
        return new Counts(opened, split);
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
                count(*) FILTER (WHERE state = '{nameof(FollowUpState.Lost)}'), count(*)
            FROM overdue_spells WHERE {covering} GROUP BY township_code
            ON CONFLICT (business_date, township_code) DO NOTHING
            RETURNING total AS "Value"
            """;
        var totals = await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter<DateOnly>("date", date), new NpgsqlParameter<DateTimeOffset>("now", now)).ToListAsync(ct);
        return totals.Sum();
    }

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

    // Not composed by EF (a data-modifying WITH must stay at the top level): the one row is read as a list.
    private async Task<Counts> CountsAsync(string sql, DateOnly date, CancellationToken ct, params NpgsqlParameter[] more) =>
        (await db.Database.SqlQueryRaw<Counts>(sql, [new NpgsqlParameter<DateOnly>("date", date), .. more]).ToListAsync(ct)).Single();

    private static string Prefixed(string alias) => string.Join(", ", Shown.Split(", ").Select(c => $"{alias}.{c}"));
}
