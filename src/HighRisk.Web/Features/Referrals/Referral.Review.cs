using HighRisk.Infrastructure;

namespace HighRisk.Features.Referrals;

/// <summary>What a review found newly late and not yet escalated.</summary>
[Flags]
public enum ReferralEscalation
{
    None = 0,

    /// <summary>No answer from the receiving facility by <see cref="Referral.AcceptBy"/>.</summary>
    Answer = 1,

    /// <summary>No outcome by <see cref="Referral.OutcomeDue"/>.</summary>
    Outcome = 2,
}

/// <summary>The referral's deadlines: its late flags, decided here and only here, and when they can next change.</summary>
public sealed partial class Referral
{
    /// <summary>Still waiting for the receiving facility's answer after its deadline.</summary>
    public bool AnswerLate { get; private set; }

    /// <summary>Still open after the outcome's last day.</summary>
    public bool OutcomeLate { get; private set; }

    /// <summary>When the receiving facility's on-duty contact and the sender were told of the late answer (once).</summary>
    public DateTimeOffset? AnswerEscalatedAt { get; private set; }

    /// <summary>When they were told of the late outcome (once).</summary>
    public DateTimeOffset? OutcomeEscalatedAt { get; private set; }

    /// <summary>When a flag can next change; the review job looks at the referral then. Null: only a command can change one.</summary>
    public DateTimeOffset? ReviewAt { get; private set; }

    /// <summary>Answered after its deadline (or not yet, and the deadline has passed): the indicators count it as late.</summary>
    public bool AnsweredLate(DateTimeOffset now) => (AcceptedAt ?? DeclinedAt ?? CancelledAt ?? CompletedAt ?? now) > AcceptBy;

    /// <summary>
    /// Whether the outcome came in time: completed by <see cref="OutcomeDue"/> (true); completed after it, or still open
    /// after it (false); still open within it, or never due (declined, cancelled: null). The indicators read it.
    /// </summary>
    public bool? OutcomeInTime(DateOnly today) => Status switch
    {
        ReferralStatus.Completed => CompletedOn <= OutcomeDue,
        ReferralStatus.Declined or ReferralStatus.Cancelled => null,
        _ => today > OutcomeDue ? false : null,
    };

    /// <summary>
    /// The late flags: the answer is late while she is still only requested after <see cref="AcceptBy"/>; the outcome is
    /// late while the referral is open after <see cref="OutcomeDue"/>. Each lateness is escalated once.
    /// </summary>
    /// <returns>The escalations that have just become due (and are now marked as made).</returns>
    public ReferralEscalation Review(DateTimeOffset now, DateOnly today)
    {
        AnswerLate = Status == ReferralStatus.Requested && now >= AcceptBy;
        OutcomeLate = IsOpen && today > OutcomeDue;

        var next = new List<DateTimeOffset>();
        if (Status == ReferralStatus.Requested && !AnswerLate)
        {
            next.Add(AcceptBy);
        }

        if (IsOpen && !OutcomeLate)
        {
            next.Add(StartOf(OutcomeDue.AddDays(1)));
        }

        ReviewAt = next.Count == 0 ? null : next.Min();

        var escalate = ReferralEscalation.None;
        if (AnswerLate && AnswerEscalatedAt is null)
        {
            AnswerEscalatedAt = now;
            escalate |= ReferralEscalation.Answer;
        }

        if (OutcomeLate && OutcomeEscalatedAt is null)
        {
            OutcomeEscalatedAt = now;
            escalate |= ReferralEscalation.Outcome;
        }

        return escalate;
    }

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, BusinessClock.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
