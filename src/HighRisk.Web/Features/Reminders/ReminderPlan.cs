using HighRisk.Features.FollowUps;

namespace HighRisk.Features.Reminders;

/// <summary>What of her follow-up schedule the reminders follow, read from the pregnancy (the schedule owns these rules).</summary>
/// <param name="FollowedUp">Whether the schedule applies to her (open, or delivered with a visit still due).</param>
/// <param name="FirstOverdueDay">The morning she first counts as overdue for <paramref name="NextDueDate"/> (the schedule's rule).</param>
public sealed record ScheduleFacts(bool FollowedUp, DateOnly? NextDueDate, DueKind? NextDueKind, DateOnly? FirstOverdueDay, DateOnly? LastContactDate);

/// <summary>
/// A pregnancy's SMS reminders to the woman herself: her consent (given or withdrawn, when, by whom, how) and the reminders
/// queued for her next due date. The only writer of both. No consent, no reminder; a withdrawn consent, a contact after a
/// reminder was queued, a moved due date or the end of her follow-up take queued reminders back (<see cref="Follow"/>).
/// </summary>
public sealed class ReminderPlan
{
    private readonly List<Reminder> _reminders = [];

    public Guid PregnancyId { get; init; }

    public Guid WomanId { get; init; }

    public bool ConsentGiven { get; private set; }

    /// <summary>The day she gave (or withdrew) the consent in force.</summary>
    public DateOnly? ConsentDate { get; private set; }

    public string? ConsentNote { get; private set; }

    public string? ConsentRecordedBy { get; private set; }

    public DateTimeOffset? ConsentRecordedAt { get; private set; }

    public ConsentSource? ConsentSource { get; private set; }

    /// <summary>Every consent given or withdrawn, oldest first.</summary>
    public IReadOnlyList<ConsentEntry> ConsentHistory { get; private set; } = [];

    public IReadOnlyList<Reminder> Reminders => _reminders;

    public static ReminderPlan For(Guid pregnancyId, Guid womanId) => new() { PregnancyId = pregnancyId, WomanId = womanId };

    /// <summary>
    /// Her consent given or withdrawn. A withdrawal takes back every reminder whose SMS is still waiting in the outbox
    /// (<paramref name="unsent"/>: their message ids). Returns the reminders taken back (their SMS are to be cancelled).
    /// </summary>
    public IReadOnlyList<Reminder> RecordConsent(
        bool given, DateOnly date, string? note, string by, DateTimeOffset at, ConsentSource source, IReadOnlySet<Guid> unsent)
    {
        (ConsentGiven, ConsentDate, ConsentNote, ConsentRecordedBy, ConsentRecordedAt, ConsentSource) = (given, date, note, by, at, source);
        ConsentHistory = [.. ConsentHistory, new ConsentEntry(given, date, note, by, at, source)];
        return given ? [] : CancelWhere(unsent, _ => ReminderCancellation.ConsentWithdrawn, at);
    }

    /// <summary>
    /// Follows her schedule: takes back the reminders still waiting in the outbox (<paramref name="unsent"/>) that no
    /// longer apply (seen since, due date moved, follow-up ended, no consent). Returns those taken back.
    /// </summary>
    public IReadOnlyList<Reminder> Follow(ScheduleFacts facts, ReminderPolicy policy, IReadOnlySet<Guid> unsent, DateTimeOffset now)
    {
        var wanted = Moments(facts, policy).ToList();
        return CancelWhere(
            unsent,
            r => !ConsentGiven ? ReminderCancellation.ConsentWithdrawn
                : !facts.FollowedUp || facts.NextDueDate is null ? ReminderCancellation.FollowUpEnded
                : facts.LastContactDate != r.LastContactWhenQueued ? ReminderCancellation.Seen
                : !wanted.Contains((r.Moment, r.DueDate, r.SendOn)) ? ReminderCancellation.DueDateMoved
                : null,
            now);
    }

    /// <summary>
    /// The reminders her schedule calls for that are not queued yet: with her consent, for a due date of a kind reminded
    /// of, on a morning after her last contact and from her consent on, whose send window has not closed; not on a day
    /// she already has one (<paramref name="takenDays"/>: her reminders of any pregnancy), one a day, within the bound.
    /// </summary>
    public IReadOnlyList<(ReminderMoment Moment, DateOnly DueDate, DateOnly SendOn)> Wanted(
        ScheduleFacts facts, ReminderPolicy policy, IReadOnlySet<DateOnly> takenDays, DateTimeOffset now)
    {
        if (!ConsentGiven)
        {
            return [];
        }

        var taken = new HashSet<DateOnly>(takenDays);
        taken.UnionWith(_reminders.Where(r => r.Status == ReminderStatus.Queued).Select(r => r.SendOn));
        var room = policy.MaxPerPregnancy - _reminders.Count(r => r.Status == ReminderStatus.Queued);
        var wanted = new List<(ReminderMoment, DateOnly, DateOnly)>();
        foreach (var (moment, due, sendOn) in Moments(facts, policy).OrderBy(m => m.SendOn))
        {
            var queued = _reminders.Any(r => r.Status == ReminderStatus.Queued && r.Moment == moment && r.DueDate == due && r.SendOn == sendOn);
            var takenBack = _reminders.Any(r => r.Status == ReminderStatus.Cancelled && r.CancelledBecause != ReminderCancellation.ConsentWithdrawn
                && r.Moment == moment && r.DueDate == due && r.SendOn == sendOn);
            if (queued || takenBack || sendOn < ConsentDate || now >= policy.WindowCloses(sendOn) || room <= wanted.Count || !taken.Add(sendOn))
            {
                continue;
            }

            wanted.Add((moment, due, sendOn));
        }

        return wanted;
    }

    /// <summary>A reminder queued, with its SMS already in the outbox.</summary>
    public Reminder Queue(ReminderMoment moment, DateOnly due, DateOnly sendOn, Guid smsMessageId, ScheduleFacts facts, ReminderPolicy policy, DateTimeOffset now)
    {
        var opens = policy.WindowOpens(sendOn);
        var reminder = new Reminder
        {
            Id = Guid.CreateVersion7(now),
            PregnancyId = PregnancyId,
            WomanId = WomanId,
            DueDate = due,
            Moment = moment,
            SendOn = sendOn,
            NotBefore = opens > now ? opens : now,
            SmsMessageId = smsMessageId,
            LastContactWhenQueued = facts.LastContactDate,
            QueuedAt = now,
        };
        _reminders.Add(reminder);
        return reminder;
    }

    /// <summary>The mornings her next due date calls for, after her last contact (never on the day she was seen).</summary>
    private static IEnumerable<(ReminderMoment Moment, DateOnly DueDate, DateOnly SendOn)> Moments(ScheduleFacts facts, ReminderPolicy policy)
    {
        if (!facts.FollowedUp || facts.NextDueDate is not { } due || !policy.Reminds(facts.NextDueKind))
        {
            yield break;
        }

        var mornings = policy.DaysBeforeDue.Select(days => (ReminderMoment.BeforeDue, due, due.AddDays(-days)));
        if (policy.OnFirstOverdueMorning && facts.FirstOverdueDay is { } overdue)
        {
            mornings = mornings.Append((ReminderMoment.FirstOverdueMorning, due, overdue));
        }

        foreach (var morning in mornings.Where(m => facts.LastContactDate is not { } seen || m.Item3 > seen))
        {
            yield return morning;
        }
    }

    /// <summary>The reminders whose SMS has not left yet, as the outbox holds them (a message being sent, or sent, is past recall).</summary>
    public IEnumerable<Guid> Pending(DateOnly today) =>
        _reminders.Where(r => r.Status == ReminderStatus.Queued && r.SendOn >= today).Select(r => r.SmsMessageId);

    private List<Reminder> CancelWhere(IReadOnlySet<Guid> unsent, Func<Reminder, ReminderCancellation?> because, DateTimeOffset at)
    {
        var cancelled = new List<Reminder>();
        foreach (var reminder in _reminders.Where(r => r.Status == ReminderStatus.Queued && unsent.Contains(r.SmsMessageId)))
        {
            if (because(reminder) is { } reason)
            {
                reminder.Cancel(reason, at);
                cancelled.Add(reminder);
            }
        }

        return cancelled;
    }
}
