using System.Text.Json;
using HighRisk.Infrastructure.Data;

namespace HighRisk.Features.Reminders;

/// <summary>
/// The last reminder that was due to reach a woman by a date, and what became of its SMS: on the overdue list, a woman who
/// never got the reminder (failed, expired) is a different call from one who got it and did not come (sent, delivered).
/// </summary>
public static class LastReminders
{
    /// <param name="Status">The SMS's status: queued, sending, sent, delivered, failed, expired.</param>
    public sealed record LastReminder(DateOnly SendOn, string Status);

    /// <summary>A reminder due by the date, as the list's query reads it (<see cref="DueBy"/>; set by name, so that EF can compose on it).</summary>
    public sealed record Due
    {
        public required Guid PregnancyId { get; init; }

        public required DateOnly SendOn { get; init; }

        public required Messaging.SmsStatus Status { get; init; }
    }

    /// <summary>
    /// The reminders due to reach a woman by <paramref name="date"/>, each with its SMS's status, to be composed into a list's own
    /// query: the last of them (<c>due.Where(r => r.PregnancyId == …).OrderByDescending(r => r.SendOn).FirstOrDefault()</c>) is hers.
    /// </summary>
    public static IQueryable<Due> DueBy(HighRiskDb db, DateOnly date) =>
        from r in db.Set<Reminder>()
        join m in db.SmsMessages on r.SmsMessageId equals m.Id
        where r.Status == ReminderStatus.Queued && r.SendOn <= date
        select new Due { PregnancyId = r.PregnancyId, SendOn = r.SendOn, Status = m.Status };

    /// <summary>What the list shows of the last reminder read by <see cref="DueBy"/> (null: none was due).</summary>
    public static LastReminder? Shown(Due? last) =>
        last is null ? null : new LastReminder(last.SendOn, JsonNamingPolicy.CamelCase.ConvertName(last.Status.ToString()));
}
