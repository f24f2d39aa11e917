namespace HighRisk.Features.Reminders;

public enum ReminderMoment
{
    /// <summary>Some days before her due date (<see cref="ReminderPolicy.DaysBeforeDue"/>).</summary>
    BeforeDue,

    /// <summary>The morning she first counts as overdue.</summary>
    FirstOverdueMorning,
}

public enum ReminderStatus
{
    /// <summary>In the SMS outbox: its message's status says whether it was sent and delivered.</summary>
    Queued,

    /// <summary>Taken back before the gateway had it.</summary>
    Cancelled,
}

public enum ReminderCancellation
{
    /// <summary>A contact (an exam, a reached follow-up) was recorded after it was queued.</summary>
    Seen,

    /// <summary>Her due date moved (or her colour changed the day she counts as overdue): reminders for the new date replace it.</summary>
    DueDateMoved,

    /// <summary>Her follow-up ended (closed, or nothing more due).</summary>
    FollowUpEnded,

    ConsentWithdrawn,
}

/// <summary>
/// One reminder to the woman: for which due date, on which morning, and its SMS in the outbox (written with it, sent by the
/// delivery job from <see cref="NotBefore"/>, 08:00 on <see cref="SendOn"/>, and never after that day's send window).
/// Part of the <see cref="ReminderPlan"/>, its only writer.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    /// <summary>Hers across pregnancies: at most one reminder a day reaches her (a unique index on woman and day).</summary>
    public Guid WomanId { get; init; }

    public DateOnly DueDate { get; init; }

    public ReminderMoment Moment { get; init; }

    public DateOnly SendOn { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public Guid SmsMessageId { get; init; }

    /// <summary>Her last contact when it was queued: a later one means she has been seen, and it is not sent.</summary>
    public DateOnly? LastContactWhenQueued { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public ReminderStatus Status { get; private set; }

    public ReminderCancellation? CancelledBecause { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    internal void Cancel(ReminderCancellation because, DateTimeOffset at)
    {
        Status = ReminderStatus.Cancelled;
        CancelledBecause = because;
        CancelledAt = at;
    }
}

/// <summary>A consent given or withdrawn, kept for the record (PIPL: when, by whom, how).</summary>
public sealed record ConsentEntry(bool Given, DateOnly Date, string? Note, string RecordedBy, DateTimeOffset RecordedAt, ConsentSource Source);

public enum ConsentSource
{
    /// <summary>Recorded with the booking (建册).</summary>
    Booking,

    /// <summary>Recorded later by the staff on her record.</summary>
    Staff,

    /// <summary>Withdrawn by her own SMS reply (TD, 退订).</summary>
    Reply,
}
