using System.Text.Json;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>
/// The last reminder that was due to reach a woman by a date, and what became of its SMS: on the overdue list, a woman who
/// never got the reminder (failed, expired) is a different call from one who got it and did not come (sent, delivered).
/// </summary>
public static class LastReminders
{
    /// <param name="Status">The SMS's status: queued, sending, sent, delivered, failed, expired.</param>
    public sealed record LastReminder(DateOnly SendOn, string Status);

    public static async Task<Dictionary<Guid, LastReminder>> OfAsync(HighRiskDb db, IReadOnlyCollection<Guid> pregnancyIds, DateOnly date, CancellationToken ct)
    {
        var sent = await (
                from r in db.Set<Reminder>().AsNoTracking()
                join m in db.SmsMessages.AsNoTracking() on r.SmsMessageId equals m.Id
                where pregnancyIds.Contains(r.PregnancyId) && r.Status == ReminderStatus.Queued && r.SendOn <= date
                select new { r.PregnancyId, r.SendOn, m.Status })
            .ToListAsync(ct);
        return sent.GroupBy(r => r.PregnancyId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(r => r.SendOn).Select(r => new LastReminder(r.SendOn, JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()))).First());
    }
}
