using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>A case as the board shows it: the case's state beside her pregnancy's — gestation, EDD, last contact, overdue state, open referral.</summary>
public sealed record CaseRow(
    Guid Id, Guid PregnancyId, CaseStatus Status, string FullName, string DivisionCode, string? TownshipName, string Colour, bool Purple,
    GestationalAge GestationalAge, DateOnly Edd, int DaysToEdd, CaseRow.ManagerView? Manager, CaseState.ReportView Report, CaseState.PlanView Plan,
    int? PlanAgeDays, IReadOnlyList<string> LevelMismatches, IReadOnlyList<string> Flags, DateOnly? LastContactDate, FollowUpState FollowUpState,
    int DaysOverdue, CaseRow.ReferralView? OpenReferral, string OpenedAs, DateTimeOffset OpenedAt)
{
    public sealed record ManagerView(Guid Id, string Name);

    /// <summary>Her open referral with the earliest outcome due: where, its state and urgency, and whether a deadline was missed.</summary>
    public sealed record ReferralView(
        Guid Id, string ToFacilityCode, DateOnly ReferredOn, DateOnly OutcomeDue, Referrals.ReferralStatus Status, Referrals.ReferralUrgency Urgency, bool Late);
}

/// <summary>The board's rows: the query (with its order keys, in SQL) and their shaping into <see cref="CaseRow"/>.</summary>
public static class CaseRows
{
    public sealed class Row
    {
        public required Case Case { get; init; }

        public Guid Id { get; init; }

        public int BoardRank { get; init; }

        public DateOnly Edd { get; init; }

        public DateOnly Lmp { get; init; }

        public PregnancyStatus PregnancyStatus { get; init; }

        public DateOnly? OutcomeDate { get; init; }

        public required string FullName { get; init; }

        public DateOnly? LastContactDate { get; init; }

        public FollowUpState State { get; init; }

        public DateOnly? NextDueDate { get; init; }
    }

    /// <summary>The board's order, kept on the case: <see cref="Case.BoardRank"/>, EDD, id.</summary>
    public static IOrderedQueryable<Case> InBoardOrder(this IQueryable<Case> cases) => cases.OrderBy(c => c.BoardRank).ThenBy(c => c.Edd).ThenBy(c => c.Id);

    /// <summary>
    /// A page of cases in the board's order with what the board shows of their pregnancies, in one statement: the page is cut
    /// first and joined after, since joining first would have PostgreSQL read every pregnancy of a county to sort its cases
    /// (measured: 50 ms). A case whose pregnancy the reader cannot see is left out by the pregnancies' scope filter.
    /// </summary>
    public static async Task<List<Row>> PageAsync(HighRiskDb db, IQueryable<Case> cases, int take, CancellationToken ct) =>
        await cases.InBoardOrder().Take(take)
            .Join(db.Pregnancies.AsNoTracking(), c => c.PregnancyId, p => p.Id, (c, p) => new Row
            {
                Case = c, Id = c.Id, BoardRank = c.BoardRank, Edd = c.Edd, Lmp = p.Lmp, PregnancyStatus = p.Status, OutcomeDate = p.OutcomeDate,
                FullName = p.Woman.FullName, LastContactDate = p.Schedule.LastContactDate, State = p.Schedule.State, NextDueDate = p.Schedule.NextDueDate,
            })
            .OrderBy(r => r.BoardRank).ThenBy(r => r.Edd).ThenBy(r => r.Id)
            .ToListAsync(ct);

    public static async Task<IReadOnlyList<CaseRow>> ShapeAsync(HighRiskDb db, Divisions.DivisionNames divisions, IReadOnlyList<Row> rows, DateOnly today, CancellationToken ct)
    {
        var managerIds = rows.Select(r => r.Case.ManagerId).OfType<Guid>().Distinct().ToList();
        var managers = managerIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var townships = rows.Select(r => r.Case.TownshipCode).Distinct().ToList();
        var names = await divisions.OfAsync(db, townships, ct);
        var pregnancyIds = rows.Select(r => r.Case.PregnancyId).ToList();
        var referrals = (await db.Referrals.AsNoTracking().IgnoreQueryFilters()
                .Where(r => pregnancyIds.Contains(r.PregnancyId)
                    && (r.Status == Referrals.ReferralStatus.Requested || r.Status == Referrals.ReferralStatus.Accepted || r.Status == Referrals.ReferralStatus.Arrived))
                .OrderBy(r => r.OutcomeDue).ToListAsync(ct))
            .GroupBy(r => r.PregnancyId).ToDictionary(g => g.Key, g => g.First());
        return [.. rows.Select(r =>
        {
            var c = r.Case;
            var asOf = r.PregnancyStatus == PregnancyStatus.Open || r.OutcomeDate is null ? today : r.OutcomeDate.Value;
            var referral = referrals.GetValueOrDefault(c.PregnancyId);
            return new CaseRow(
                c.Id, c.PregnancyId, c.Status, r.FullName, c.DivisionCode, names.GetValueOrDefault(c.TownshipCode), c.Colour.ToApiName(), c.Purple,
                GestationalAge.FromLmp(r.Lmp, asOf < r.Lmp ? r.Lmp : asOf), r.Edd, r.Edd.DayNumber - today.DayNumber,
                c.ManagerId is { } m ? new CaseRow.ManagerView(m, managers.GetValueOrDefault(m, "?")) : null,
                CaseState.ReportOf(c), CaseState.PlanOf(c),
                c.PlannedAt is { } planned ? today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(planned, Infrastructure.BusinessClock.Zone).DateTime).DayNumber : null,
                c.LevelMismatches, CaseState.FlagsOf(c.ReportLate, c.NoPlan, c.PlanOverdue, c.LevelMismatch), r.LastContactDate, r.State,
                FollowUpSchedule.DaysOverdue(r.State, r.NextDueDate, today),
                referral is null ? null : new CaseRow.ReferralView(
                    referral.Id, referral.ToFacilityCode, referral.ReferredOn, referral.OutcomeDue, referral.Status, referral.Urgency, referral.AnswerLate || referral.OutcomeLate),
                c.OpenedAs, c.OpenedAt);
        })];
    }
}
