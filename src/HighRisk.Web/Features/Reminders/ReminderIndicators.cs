using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>
/// The reminders' indicators of a month (docs/indicators.md), by county: reminders sent in the month (their SMS sent or
/// delivered), and of those whether she was seen (an exam, or a reached follow-up) within 7 days of the morning it went:
/// yes, no, or not known yet while the 7 days have not passed.
/// </summary>
public static class ReminderIndicators
{
    public const int VisitWithinDays = 7;

    /// <returns>For each reminder sent, its county and whether a visit followed within 7 days (null: not yet, and the 7 days are not over).</returns>
    public static async Task<List<(string County, bool? Visited)>> CountAsync(HighRiskDb db, string division, DateOnly first, DateOnly today, CancellationToken ct)
    {
        var next = first.AddMonths(1);
        var sent = await (
                from r in db.Set<Reminder>().AsNoTracking()
                join m in db.SmsMessages.AsNoTracking() on r.SmsMessageId equals m.Id
                join p in db.Pregnancies.AsNoTracking() on r.PregnancyId equals p.Id
                where r.Status == ReminderStatus.Queued && (m.Status == SmsStatus.Sent || m.Status == SmsStatus.Delivered)
                      && r.SendOn >= first && r.SendOn < next && p.DivisionCode.StartsWith(division)
                select new
                {
                    County = p.DivisionCode.Substring(0, 6),
                    r.SendOn,
                    Visited = db.Exams.Any(e => e.PregnancyId == r.PregnancyId && e.ExamDate >= r.SendOn && e.ExamDate <= r.SendOn.AddDays(VisitWithinDays))
                        || db.FollowUps.Any(f => f.PregnancyId == r.PregnancyId && f.Reached && f.Date >= r.SendOn && f.Date <= r.SendOn.AddDays(VisitWithinDays)),
                })
            .ToListAsync(ct);
        return sent.ConvertAll(s => (s.County, s.Visited ? true : s.SendOn.AddDays(VisitWithinDays) < today ? false : (bool?)null));
    }
}
