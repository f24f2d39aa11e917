using HighRisk.Features.Accounts;
using HighRisk.Features.Alerts;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Dashboard;

/// <summary>
/// The home page of the web app: the user's area at a glance. Open pregnancies by colour and purple, today's overdue
/// list, red alerts nobody has acknowledged, and the colour mix at the end of each of the last 12 weeks as the grade
/// history records it. Counts only, no personal data; the region scope filters every query as usual.
/// </summary>
public static class GetDashboard
{
    public const int Weeks = 12;

    public sealed record Query : IQuery<Response>;

    public sealed record ColourCounts(int Green, int Yellow, int Orange, int Red, int Purple)
    {
        public int Total => Green + Yellow + Orange + Red;

        public int Of(string colour) => colour switch
        {
            "green" => Green,
            "yellow" => Yellow,
            "orange" => Orange,
            "red" => Red,
            _ => Purple,
        };
    }

    /// <summary>The open pregnancies on the last day of a week (the last week ends today).</summary>
    public sealed record WeekMix(DateOnly Ending, ColourCounts Counts);

    public sealed record Response(
        string? AreaCode, string? AreaName, ColourCounts Open, bool OverdueListMade, int OverdueToday, int OpenRedAlerts, IReadOnlyList<WeekMix> Mix);

    public sealed class Handler(HighRiskDb db, BusinessClock clock, CurrentUser user, Overdue.OverdueRows rows) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var area = user.DivisionPrefix;
            var areaName = area is null ? null : await db.Divisions.Where(d => d.Code == area).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);

            var open = await db.Pregnancies.AsNoTracking().Where(p => p.Status == PregnancyStatus.Open)
                .GroupBy(p => new { p.Grade, p.Purple })
                .Select(g => new Tally(g.Key.Grade, g.Key.Purple, g.Count()))
                .ToListAsync(cancellationToken);

            // Today's overdue list as GET /api/overdue reads it by default: the user's own area, within the user's scope.
            var listMade = await db.DailyOverdueRuns.AnyAsync(r => r.BusinessDate == today, cancellationToken);
            var listDivision = area ?? "43";
            var overdue = await rows.On(today, listDivision).CountAsync(cancellationToken);
            var redAlerts = await db.Alerts.AsNoTracking().CountAsync(a => a.Colour == "red" && a.Status != AlertStatus.Acknowledged, cancellationToken);

            var mix = new List<WeekMix>(Weeks);
            for (var week = Weeks - 1; week >= 0; week--)
            {
                var ending = today.AddDays(-7 * week);
                mix.Add(new WeekMix(ending, Count(await MixAtEndOfAsync(ending, cancellationToken))));
            }

            return new Response(area, areaName, Count(open), listMade, overdue, redAlerts, mix);
        }

        /// <summary>
        /// Each pregnancy open at the end of the day, with the colour and purple flag of its last grade change in force
        /// by then. Clinical dates decide, so that records entered afterwards (补录) count where they belong: a change
        /// made by an exam counts from the exam date, the booking grade from the booking date, any other change
        /// (a manual raise, a catalogue upgrade) from when it was made.
        /// </summary>
        private Task<List<Tally>> MixAtEndOfAsync(DateOnly day, CancellationToken cancellationToken)
        {
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessClock.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            return db.Pregnancies.AsNoTracking()
                .Where(p => p.BookingDate <= day && (p.OutcomeDate == null || p.OutcomeDate > day))
                .Select(p => p.GradeHistory
                    .Where(g => g.ExamId != null
                        ? db.Exams.Any(e => e.Id == g.ExamId && e.ExamDate <= day)
                        : g.Cause == GradeCause.Booking || g.ChangedAt < end)
                    .OrderByDescending(g => g.Sequence)
                    .Select(g => new { g.ToColour, g.ToPurple })
                    .FirstOrDefault())
                .Where(g => g != null)
                .GroupBy(g => new { g!.ToColour, g.ToPurple })
                .Select(g => new Tally(g.Key.ToColour, g.Key.ToPurple, g.Count()))
                .ToListAsync(cancellationToken);
        }

        private static ColourCounts Count(List<Tally> tallies)
        {
            int Sum(RiskColour colour) => tallies.Where(t => t.Colour == colour).Sum(t => t.Count);
            return new ColourCounts(Sum(RiskColour.Green), Sum(RiskColour.Yellow), Sum(RiskColour.Orange), Sum(RiskColour.Red), tallies.Where(t => t.Purple).Sum(t => t.Count));
        }
    }

    private sealed record Tally(RiskColour Colour, bool Purple, int Count);
}
