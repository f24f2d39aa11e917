namespace HighRisk.Features.FollowUps;

public enum ContactKind
{
    Phone,
    HomeVisit,
    ClinicVisit,
}

/// <summary>What a due date is for.</summary>
public enum DueKind
{
    /// <summary>The next antenatal contact by the schedule or the examiner's appointment.</summary>
    Antenatal,

    /// <summary>Contact within 24 hours of turning red.</summary>
    RedContact,

    /// <summary>产后访视: within 7 days of discharge.</summary>
    PostpartumVisit,

    /// <summary>产后42天健康检查: closes the episode.</summary>
    PostpartumCheck42,

    /// <summary>The outcome of a referral must be recorded within 14 days.</summary>
    ReferralOutcome,
}

public enum FollowUpState
{
    /// <summary>Nothing due (closed, or the postpartum episode is complete).</summary>
    None,
    OnTrack,
    Overdue,

    /// <summary>失访: long overdue, repeated failed tracing, or moved away with no receiving facility; stays on the county's list until found or closed.</summary>
    Lost,
}

/// <summary>A follow-up contact (随访): a phone call or visit that did or did not reach the woman.</summary>
public sealed class FollowUp
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public DateOnly Date { get; init; }

    public ContactKind Kind { get; init; }

    public bool Reached { get; init; }

    public string? Note { get; init; }

    public DateOnly? NextAppointment { get; init; }

    /// <summary>Not reached: she has moved away and no receiving facility is known.</summary>
    public bool MovedAway { get; init; }

    /// <summary>What the contact counted as: an antenatal contact, the postpartum visit or the 42-day check.</summary>
    public DueKind? CountedAs { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
