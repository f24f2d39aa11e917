using System.Text.Json;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>Her consent and her reminders as her record shows them; a reminder's status is its SMS's (queued, sent, delivered, failed, expired) or cancelled.</summary>
public static class ReminderViews
{
    /// <param name="Given">Whether she consents now; false when withdrawn or never recorded.</param>
    public sealed record ConsentView(bool Given, DateOnly? Date, string? Note, string? RecordedBy, DateTimeOffset? RecordedAt, ConsentSource? Source);

    /// <param name="Status">queued, sending, sent, delivered, failed, expired, or cancelled (see <paramref name="CancelledBecause"/>).</param>
    public sealed record ReminderView(
        DateOnly DueDate, DateOnly SendOn, string Status, ReminderMoment Moment, DateTimeOffset NotBefore, ReminderCancellation? CancelledBecause,
        DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt);

    public sealed record Response(ConsentView SmsConsent, IReadOnlyList<ReminderView> Reminders);

    public static readonly ConsentView NoConsent = new(false, null, null, null, null, null);

    public static async Task<Response> OfAsync(HighRiskDb db, Guid pregnancyId, CancellationToken ct)
    {
        var plan = await db.Set<ReminderPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.PregnancyId == pregnancyId, ct);
        if (plan is null)
        {
            return new Response(NoConsent, []);
        }

        var reminders = await (
                from r in db.Set<Reminder>().AsNoTracking()
                join m in db.SmsMessages.AsNoTracking() on r.SmsMessageId equals m.Id
                where r.PregnancyId == pregnancyId
                orderby r.SendOn, r.QueuedAt
                select new { r.DueDate, r.SendOn, r.Status, SmsStatus = m.Status, r.Moment, r.NotBefore, r.CancelledBecause, m.SentAt, m.DeliveredAt })
            .ToListAsync(ct);
        return new Response(
            new ConsentView(plan.ConsentGiven, plan.ConsentDate, plan.ConsentNote, plan.ConsentRecordedBy, plan.ConsentRecordedAt, plan.ConsentSource),
            reminders.Select(r => new ReminderView(
                r.DueDate, r.SendOn, r.Status == ReminderStatus.Cancelled ? "cancelled" : JsonNamingPolicy.CamelCase.ConvertName(r.SmsStatus.ToString()),
                r.Moment, r.NotBefore, r.CancelledBecause, r.SentAt, r.DeliveredAt)).ToList());
    }
}
