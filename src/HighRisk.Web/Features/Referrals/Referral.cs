using System.Text.Json;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Referrals;

public enum ReferralStatus
{
    Requested,
    Accepted,
    Declined,
    Arrived,
    Completed,
    Cancelled,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,

    /// <summary>绿色通道: a critical maternal care centre may not decline it.</summary>
    Emergency,
}

/// <summary>
/// 双向转诊: a woman sent from her area to another facility, and the answer sent back. Requested → accepted or declined →
/// arrived → completed (findings, treatment, advice, the date her township follows her up next), or cancelled by the
/// sender before she arrives. It carries the slip made when it was requested, its deadlines and late flags
/// (<see cref="Review"/>), and it is their only writer.
/// </summary>
public sealed partial class Referral
{
    private string _divisionCode = null!;
    private string _facilityCode = null!;

    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    /// <summary>Her residence and booking facility when referred: the sending side sees the referral as it sees her.</summary>
    public required string DivisionCode { get => _divisionCode; init => _divisionCode = value; }

    public required string FacilityCode { get => _facilityCode; init => _facilityCode = value; }

    /// <summary>The sender's facility, when the sender's account has one.</summary>
    public string? FromFacilityCode { get; init; }

    public required string ToFacilityCode { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public required string Reason { get; init; }

    public string? Note { get; init; }

    public DateOnly ReferredOn { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string ReferredBy { get; init; }

    public Guid? ReferredById { get; init; }

    /// <summary>The sender asked to be told of the feedback by SMS too.</summary>
    public bool SmsOnFeedback { get; init; }

    public DateTimeOffset AcceptBy { get; init; }

    public DateOnly OutcomeDue { get; init; }

    public ReferralStatus Status { get; private set; }

    /// <summary>The clinical summary at the moment of referral (双向转诊单).</summary>
    public ReferralSlip? Slip { get; init; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    public string? DeclinedBy { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateOnly? ArrivedOn { get; private set; }

    public string? ArrivalRecordedBy { get; private set; }

    /// <summary>The clinical date of the outcome (the day she was seen to the end, or the day the sender heard back).</summary>
    public DateOnly? CompletedOn { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public string? Findings { get; private set; }

    public string? Treatment { get; private set; }

    public string? Advice { get; private set; }

    /// <summary>下转: the date her township must see her next.</summary>
    public DateOnly? FollowUpOn { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelledBy { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>When the sender first read the feedback (the sender's inbox shows it as new until then).</summary>
    public DateTimeOffset? FeedbackSeenAt { get; private set; }

    /// <summary>The receiving facility's access to her record ends then (null while open; none after a decline or cancel).</summary>
    public DateTimeOffset? AccessUntil { get; private set; }

    public bool IsOpen => Status is ReferralStatus.Requested or ReferralStatus.Accepted or ReferralStatus.Arrived;

    public static Referral Request(Referral draft, ReferralPolicy policy, DateTimeOffset now)
    {
        var referral = new Referral
        {
            Id = draft.Id, PregnancyId = draft.PregnancyId, DivisionCode = draft.DivisionCode, FacilityCode = draft.FacilityCode,
            FromFacilityCode = draft.FromFacilityCode, ToFacilityCode = draft.ToFacilityCode, Urgency = draft.Urgency, Reason = draft.Reason,
            Note = draft.Note, ReferredOn = draft.ReferredOn, RequestedAt = now, ReferredBy = draft.ReferredBy, ReferredById = draft.ReferredById,
            SmsOnFeedback = draft.SmsOnFeedback, AcceptBy = policy.AcceptBy(draft.Urgency, now), OutcomeDue = draft.OutcomeDue, Slip = draft.Slip,
            Status = ReferralStatus.Requested,
        };
        referral.Review(now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, BusinessClock.Zone).DateTime));
        return referral;
    }

    public void Accept(string by, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Requested);
        Status = ReferralStatus.Accepted;
        AcceptedAt = now;
        AcceptedBy = by;
        Review(now, today);
    }

    /// <summary>A critical maternal care centre may not decline an emergency (不得拒收).</summary>
    public void Decline(string reason, bool criticalCareCentre, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Requested);
        if (criticalCareCentre && Urgency == ReferralUrgency.Emergency)
        {
            throw new ConflictException(Messages.ReferralEmergencyNotDeclinable) { Extensions = StateOf() };
        }

        Status = ReferralStatus.Declined;
        DeclinedAt = now;
        DeclinedBy = by;
        DeclineReason = reason;
        Review(now, today);
    }

    /// <summary>She came: the follow-up schedule counts it as a contact (the pregnancy records it).</summary>
    public void Arrive(DateOnly date, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Accepted);
        if (date < ReferredOn)
        {
            throw new FluentValidation.ValidationException([Messages.ReferralDateBeforeReferral.At("date", ("Date", ReferredOn))]);
        }

        Status = ReferralStatus.Arrived;
        ArrivedOn = date;
        ArrivalRecordedBy = by;
        Review(now, today);
    }

    /// <summary>The receiving facility's feedback (回执): what was found and done, the advice, when her township sees her next.</summary>
    public void Complete(string findings, string? treatment, string advice, DateOnly followUpOn, string by, ReferralPolicy policy, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Arrived);
        Finish(today, findings, treatment, advice, followUpOn, by, now);
        AccessUntil = now.AddDays(policy.AccessDaysAfterCompletion);
        Review(now, today);
    }

    /// <summary>
    /// The sender records the outcome from the paper slip that came back, when the receiving facility does not answer in
    /// HighRisk: the referral completes without the receiving facility's access.
    /// </summary>
    public void RecordOutcome(DateOnly date, string outcome, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.Arrived);
        if (date < ReferredOn)
        {
            throw new FluentValidation.ValidationException([Messages.ReferralOutcomeBeforeReferral.At("date")]);
        }

        Finish(date, outcome, null, null, null, by, now);
        AccessUntil = now;
        Review(now, today);
    }

    public void Cancel(string reason, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureIn(ReferralStatus.Requested, ReferralStatus.Accepted);
        Status = ReferralStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        CancelReason = reason;
        Review(now, today);
    }

    /// <summary>She moved to another area (转入 accepted): her referrals are the new area's to follow, and no longer the old one's to see.</summary>
    public void FollowMove(string divisionCode, string facilityCode)
    {
        _divisionCode = divisionCode;
        _facilityCode = facilityCode;
    }

    /// <summary>The sender read the feedback.</summary>
    public void FeedbackSeen(DateTimeOffset now)
    {
        if (Status == ReferralStatus.Completed && FeedbackSeenAt is null)
        {
            FeedbackSeenAt = now;
        }
    }

    /// <summary>Whether the receiving facility may read and add to her record at this moment.</summary>
    public bool GrantsAccessAt(DateTimeOffset now) => IsOpen || (Status == ReferralStatus.Completed && AccessUntil > now);

    private void Finish(DateOnly on, string findings, string? treatment, string? advice, DateOnly? followUpOn, string by, DateTimeOffset now)
    {
        Status = ReferralStatus.Completed;
        CompletedOn = on;
        CompletedAt = now;
        CompletedBy = by;
        Findings = findings;
        Treatment = treatment;
        Advice = advice;
        FollowUpOn = followUpOn;
    }

    private void EnsureIn(params ReferralStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new ConflictException(Messages.ReferralState, ("State", StateName)) { Extensions = StateOf() };
        }
    }

    public string StateName => JsonNamingPolicy.CamelCase.ConvertName(Status.ToString());

    private Dictionary<string, object?> StateOf() => new() { ["state"] = StateName };
}
