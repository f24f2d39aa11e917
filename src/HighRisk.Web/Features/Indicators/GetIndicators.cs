using System.Globalization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Divisions;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Indicators;

/// <summary>
/// The case-management indicators of a month (docs/indicators.md), one row per county, so that a city compares its
/// counties side by side (with their total), or one county alone. Only the counties inside the caller's area are
/// counted; a division outside it answers with no rows, as the overdue list does. SQL filters and counts; whether a
/// report or a first plan was in time is the case's own rule (<see cref="Case.ReportInTime"/>,
/// <see cref="Case.FirstPlanInTime"/>), whether a facility was of the level her colour asks is the level rule's
/// (<see cref="CasePolicy.RequirementsFor"/>, <see cref="LevelMismatches.Find"/>).
/// </summary>
public static class GetIndicators
{
    private const string Orange = "orange";
    private const string Red = "red";

    public sealed record Query(string? Division, string? Month, string Format = "json") : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) =>
            new(Format == "json" ? AuditAction.List : AuditAction.Export, "indicators", response.Division, $"GetIndicators {response.Month} {Format} rows={response.Rows.Count}");
    }

    /// <param name="Name">The division's name (null: no such division).</param>
    /// <param name="Total">For a city: the sum of its rows; null for a county, or when there are no rows.</param>
    public sealed record Response(string Division, string? Name, string Month, IReadOnlyList<IndicatorRow> Rows, IndicatorRow? Total);

    /// <summary>Who reads the indicators: county and city MCH staff, administrators (and jobs).</summary>
    public static bool MayRead(CurrentUser user) => user.IsSystem || user.Role is StaffRole.CountyStaff or StaffRole.CityStaff or StaffRole.Administrator;

    /// <summary>The first day of a month written yyyy-MM.</summary>
    public static bool TryParseMonth(string? text, out DateOnly first)
    {
        first = default;
        return text is { Length: 7 } && text[4] == '-'
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(q => q.Division).NotEmpty().Matches("^[0-9]{4}([0-9]{2})?$").WithError(Messages.IndicatorDivision);
            RuleFor(q => q.Month).NotEmpty()
                .Must(m => TryParseMonth(m, out _)).WithError(Messages.IndicatorMonth)
                .Must(m => TryParseMonth(m, out var first) && first <= clock.Today).WithError(Messages.IndicatorMonthInFuture);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, CasePolicy policy, CaseLookups lookups, BusinessClock clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!MayRead(user))
            {
                throw new ForbiddenException(Messages.IndicatorsRole);
            }

            var division = query.Division!;
            TryParseMonth(query.Month, out var first);
            var area = user.DivisionPrefix;
            var name = await db.Divisions.AsNoTracking().Where(d => d.Code == division).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
            var counties = await db.Divisions.AsNoTracking()
                .Where(d => d.Level == DivisionLevel.County && (d.Code == division || d.ParentCode == division))
                .Where(d => area == null || d.Code.StartsWith(area))
                .OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
            var counts = counties.ToDictionary(c => c.Code, _ => new CountyCounts());
            if (counts.Count > 0)
            {
                await CountCasesAsync(division, first, counts, cancellationToken);
                await CountDeliveriesAsync(division, first, counts, cancellationToken);
                await CountEventsAsync(division, first, counts, cancellationToken);
                foreach (var (county, visited) in await Reminders.ReminderIndicators.CountAsync(db, division, first, clock.Today, cancellationToken))
                {
                    counts.GetValueOrDefault(county)?.Reminded.Add(visited);
                }
            }

            var rows = counties.ConvertAll(c => counts[c.Code].Row(c.Code, c.Name));
            var total = division.Length == 4 && rows.Count > 0 ? IndicatorRow.Sum(division, name ?? division, rows) : null;
            return new Response(division, name, query.Month!, rows, total);
        }

        /// <summary>The cases opened in the month: their report, their first plan and (red) the continuation assessment.</summary>
        private async Task CountCasesAsync(string division, DateOnly first, Dictionary<string, CountyCounts> counts, CancellationToken ct)
        {
            var next = first.AddMonths(1);
            var opened = await db.Cases.AsNoTracking().Where(c => c.DivisionCode.StartsWith(division) && c.OpenedOn >= first && c.OpenedOn < next).ToListAsync(ct);
            var ids = opened.ConvertAll(c => c.Id);
            var plans = await db.CasePlans.AsNoTracking().Where(p => ids.Contains(p.CaseId))
                .Select(p => new { p.CaseId, p.Version, p.CreatedAt, p.Continuation }).ToListAsync(ct);
            var facts = await lookups.FactsAsync(plans.Select(p => p.Continuation?.FacilityCode), ct);
            var redNeeds = policy.RequirementsFor(RiskColour.Red, purple: false);
            foreach (var c in opened)
            {
                if (!counts.TryGetValue(c.DivisionCode[..6], out var county))
                {
                    continue;
                }

                var own = plans.Where(p => p.CaseId == c.Id).ToList();
                if (c.OpenedAs is Orange or Red)
                {
                    county.Reported.Add(c.ReportInTime(clock.Now));
                }

                var firstPlan = own.MinBy(p => p.Version);
                county.Planned.Add(c.FirstPlanInTime(firstPlan is null ? null : DateOf(firstPlan.CreatedAt), clock.Today));
                if (c.OpenedAs == Red)
                {
                    county.Assessed.Add(own.Any(p => p.Continuation is { } a && facts.TryGetValue(a.FacilityCode, out var place)
                        && LevelMismatches.Find(redNeeds, care: null, delivery: null, assessment: place).Length == 0));
                }
            }
        }

        /// <summary>
        /// The deliveries in the month of women whose case opened as orange or red before the delivery was recorded, each
        /// against what her colour at the birth asks of the place of delivery (her grade as it stood when the delivery was
        /// recorded: after it, only postpartum exams can change it).
        /// </summary>
        private async Task CountDeliveriesAsync(string division, DateOnly first, Dictionary<string, CountyCounts> counts, CancellationToken ct)
        {
            var next = first.AddMonths(1);
            var deliveries = await (
                from p in db.Pregnancies.AsNoTracking()
                where p.Outcome == PregnancyOutcome.Delivery && p.OutcomeDate >= first && p.OutcomeDate < next && p.DivisionCode.StartsWith(division)
                join c in db.Cases.AsNoTracking() on p.Id equals c.PregnancyId
                where (c.OpenedAs == Orange || c.OpenedAs == Red) && c.OpenedAt <= p.ClosedAt
                select new
                {
                    p.DivisionCode,
                    p.DeliveryFacilityCode,
                    AtBirth = p.GradeHistory.Where(g => g.ChangedAt <= p.ClosedAt).OrderByDescending(g => g.Sequence)
                        .Select(g => new { g.ToColour, g.ToPurple }).FirstOrDefault(),
                }).ToListAsync(ct);
            var facts = await lookups.FactsAsync(deliveries.Select(d => d.DeliveryFacilityCode), ct);
            foreach (var d in deliveries)
            {
                if (!counts.TryGetValue(d.DivisionCode[..6], out var county) || d.AtBirth is null)
                {
                    continue;
                }

                county.Delivered.Add(d.DeliveryFacilityCode is { } code && facts.TryGetValue(code, out var place)
                    ? LevelMismatches.Find(policy.RequirementsFor(d.AtBirth.ToColour, d.AtBirth.ToPurple), care: null, delivery: place, assessment: null).Length == 0
                    : null);
            }
        }

        /// <summary>Women newly lost to follow-up, near misses and maternal deaths in the month: counted in SQL, by county.</summary>
        private async Task CountEventsAsync(string division, DateOnly first, Dictionary<string, CountyCounts> counts, CancellationToken ct)
        {
            var next = first.AddMonths(1);
            var cases = db.Cases.AsNoTracking().Where(c => c.DivisionCode.StartsWith(division));
            var lostSpells = db.OverdueSpells.AsNoTracking().Where(s => s.State == FollowUpState.Lost);
            var lost = await cases
                .Where(c => lostSpells.Any(s => s.PregnancyId == c.PregnancyId && s.FromDate >= first && s.FromDate < next)
                    && !lostSpells.Any(s => s.PregnancyId == c.PregnancyId && s.FromDate < first))
                .GroupBy(c => c.DivisionCode.Substring(0, 6)).Select(g => new { County = g.Key, Count = g.Count() }).ToListAsync(ct);
            var nearMisses = await db.NearMisses.AsNoTracking().Where(n => n.Date >= first && n.Date < next)
                .Join(cases, n => n.CaseId, c => c.Id, (n, c) => new { County = c.DivisionCode.Substring(0, 6) })
                .GroupBy(x => x.County).Select(g => new { County = g.Key, Count = g.Count() }).ToListAsync(ct);
            var deaths = await db.DeathReports.AsNoTracking().Where(r => r.DivisionCode.StartsWith(division) && r.DiedOn >= first && r.DiedOn < next)
                .GroupBy(r => r.DivisionCode.Substring(0, 6)).Select(g => new { County = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var l in lost.Where(l => counts.ContainsKey(l.County)))
            {
                counts[l.County].LostToFollowUp = l.Count;
            }

            foreach (var n in nearMisses.Where(n => counts.ContainsKey(n.County)))
            {
                counts[n.County].NearMisses = n.Count;
            }

            foreach (var d in deaths.Where(d => counts.ContainsKey(d.County)))
            {
                counts[d.County].MaternalDeaths = d.Count;
            }
        }

        private static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BusinessClock.Zone).DateTime);
    }
}
