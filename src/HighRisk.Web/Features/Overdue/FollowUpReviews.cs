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
        var (reviewed, changed) = (0, 0);
        foreach (var ids in due.Chunk(BatchSize))
        {
            var batch = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
                .ToListAsync(ct);
            changed += await ReviewBatchAsync(date, batch, ct);
            reviewed += batch.Count;
        }

        return new Result(reviewed, changed, due);
    }

    /// <summary>
    /// A full run (the first, or the first under a changed policy): every pregnancy that is open, has something due or a
    /// review pending, in id order. Closed pregnancies with nothing due are left alone: their state no longer changes.
    /// </summary>
    public Task<Result> ReviewEveryoneAsync(DateOnly date, CancellationToken ct) =>
        ReviewInIdOrderAsync(date, after => db.Pregnancies.FromSql($"""
            SELECT * FROM pregnancies
            WHERE id > {after} AND (status = {nameof(PregnancyStatus.Open)} OR next_due_date IS NOT NULL OR follow_up_review_on IS NOT NULL)
            ORDER BY id LIMIT {BatchSize} FOR UPDATE
            """), ct);

    private async Task<Result> ReviewInIdOrderAsync(DateOnly date, Func<Guid, IQueryable<Pregnancy>> batchAfter, CancellationToken ct)
    {
        var (reviewed, changed, after) = (0, 0, Guid.Empty);
        while (await batchAfter(after).IgnoreQueryFilters().AsNoTracking()
                   .Select(p => new Due(p.Id, p.Grade, p.Purple, p.Status, p.Outcome, p.Schedule))
                   .ToListAsync(ct) is { Count: > 0 } batch)
        {
            changed += await ReviewBatchAsync(date, batch, ct);
            reviewed += batch.Count;
            after = batch[^1].Id;
        }

        return new Result(reviewed, changed, []);
    }

    /// <summary>Each woman of the batch reviews herself; what changed is written. Returns how many changed state.</summary>
    private async Task<int> ReviewBatchAsync(DateOnly date, List<Due> batch, CancellationToken ct)
    {
        var (written, flipped, changed) = (new List<Due>(batch.Count), new List<Due>(), 0);
        foreach (var due in batch)
        {
            var state = due.Schedule.State;
            if (due.Schedule.Review(date, due.Grade, due.Purple, Pregnancy.IsFollowedUp(due.Status, due.Outcome, due.Schedule), policy))
            {
                written.Add(due);
            }

            changed += state == due.Schedule.State ? 0 : 1;
            if (Case.IsOverdue(state) != Case.IsOverdue(due.Schedule.State))
            {
                flipped.Add(due);
            }
        }

        await WriteAsync(written, ct);
        await WriteCasesAsync(flipped, ct);
        return changed;
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
