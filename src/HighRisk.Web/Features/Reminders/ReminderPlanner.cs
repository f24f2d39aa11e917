using HighRisk.Features.FollowUps;
using HighRisk.Features.Messaging;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>
/// Brings a pregnancy's reminders in line with her schedule and consent, in the caller's transaction (the caller holds the
/// pregnancy's row lock): the reminders that no longer apply are taken back with their SMS, if the SMS is still waiting;
/// the ones her schedule calls for are queued, each with its SMS in the outbox, not before 08:00 on its morning and
/// expiring at that day's 20:00, so that the delivery job never hands one to the gateway outside the window.
/// </summary>
public sealed class ReminderPlanner(HighRiskDb db, ReminderPolicy policy, FollowUpPolicy followUpPolicy, PersonalData personalData, BusinessClock clock)
{
    /// <summary>Her schedule as the reminders read it; when she counts as overdue is the schedule's rule, asked of it.</summary>
    public ScheduleFacts FactsOf(Pregnancy p) => new(
        Pregnancy.IsFollowedUp(p.Status, p.Outcome, p.Schedule),
        p.Schedule.NextDueDate,
        p.Schedule.NextDueKind,
        p.Schedule.NextDueDate is { } due ? p.Schedule.FirstOverdueDay(due, p.Grade, p.Purple, followUpPolicy) : null,
        p.Schedule.LastContactDate);

    /// <summary>Her plan (tracked, with its reminders), or null when no consent was ever recorded for her.</summary>
    public async Task<ReminderPlan?> PlanOfAsync(Guid pregnancyId, CancellationToken ct) =>
        db.Set<ReminderPlan>().Local.FirstOrDefault(p => p.PregnancyId == pregnancyId)
        ?? await db.Set<ReminderPlan>().Include(p => p.Reminders).SingleOrDefaultAsync(p => p.PregnancyId == pregnancyId, ct);

    /// <summary>Takes back what no longer applies, then queues what her schedule calls for. Returns how many of each.</summary>
    public async Task<(int Queued, int Cancelled)> FollowAsync(Pregnancy pregnancy, ReminderPlan plan, CancellationToken ct)
    {
        var (facts, now) = (FactsOf(pregnancy), clock.Now);
        var unsent = await LockUnsentAsync(plan, ct);
        var cancelled = plan.Follow(facts, policy, unsent.Keys.ToHashSet(), now);
        Withdraw(cancelled, unsent);

        var taken = await db.Set<Reminder>()
            .Where(r => r.WomanId == plan.WomanId && r.PregnancyId != plan.PregnancyId && r.Status == ReminderStatus.Queued && r.SendOn >= clock.Today)
            .Select(r => r.SendOn).ToListAsync(ct);
        var wanted = plan.Wanted(facts, policy, taken.ToHashSet(), now);
        if (wanted.Count == 0)
        {
            return (0, cancelled.Count);
        }

        var woman = await db.Women.FindAsync([plan.WomanId], ct) ?? throw new InvalidOperationException($"Woman {plan.WomanId} not found.");
        var mobile = personalData.Unprotect(woman.MobileCipher);
        var facility = await db.Facilities.Where(f => f.Code == pregnancy.FacilityCode).Select(f => f.Name).SingleOrDefaultAsync(ct) ?? pregnancy.FacilityCode;
        foreach (var (moment, due, sendOn) in wanted)
        {
            var (text, templateCode, values) = policy.Fill(moment, facility, due);
            var closes = policy.WindowCloses(sendOn);
            var sms = SmsMessage.Queue($"reminder:{Guid.CreateVersion7(now):N}", SmsKind.Reminder, null, mobile, text, templateCode, values, now, closes - now, policy.SignName);
            var reminder = plan.Queue(moment, due, sendOn, sms.Id, facts, policy, now);
            sms.NextAttemptAt = reminder.NotBefore;
            db.SmsMessages.Add(sms);
        }

        return (wanted.Count, cancelled.Count);
    }

    /// <summary>Her consent given or withdrawn; a withdrawal takes back the SMS still waiting. Then her reminders follow.</summary>
    public async Task RecordConsentAsync(
        Pregnancy pregnancy, ReminderPlan plan, bool given, DateOnly date, string? note, string by, ConsentSource source, CancellationToken ct)
    {
        var unsent = await LockUnsentAsync(plan, ct);
        Withdraw(plan.RecordConsent(given, date, note, by, clock.Now, source, unsent.Keys.ToHashSet()), unsent);
        await FollowAsync(pregnancy, plan, ct);
    }

    /// <summary>The plan's SMS still waiting in the outbox, locked (the delivery job claims with SKIP LOCKED, so it passes them by meanwhile).</summary>
    private async Task<Dictionary<Guid, SmsMessage>> LockUnsentAsync(ReminderPlan plan, CancellationToken ct)
    {
        var ids = plan.Pending(clock.Today).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var messages = await db.SmsMessages.FromSql($"SELECT * FROM sms_messages WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        return messages.Concat(db.SmsMessages.Local.Where(m => ids.Contains(m.Id))) // queued in this unit of work, not saved yet
            .Where(m => m.Status == SmsStatus.Queued).DistinctBy(m => m.Id).ToDictionary(m => m.Id);
    }

    private static void Withdraw(IEnumerable<Reminder> cancelled, Dictionary<Guid, SmsMessage> unsent)
    {
        foreach (var reminder in cancelled)
        {
            unsent[reminder.SmsMessageId].Cancel($"reminder taken back: {reminder.CancelledBecause}");
        }
    }
}
