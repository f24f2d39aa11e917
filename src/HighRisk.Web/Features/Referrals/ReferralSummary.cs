namespace HighRisk.Features.Referrals;

/// <summary>A referral as her record and the inboxes list it: where, how urgent, its state, deadlines, flags and the feedback.</summary>
/// <param name="Outcome">The findings, under the name the first version of the API gave them.</param>
/// <param name="OutcomeDate">The day of the outcome, likewise.</param>
public sealed record ReferralSummary(
    Guid Id, Guid PregnancyId, string? FromFacilityCode, string ToFacilityCode, ReferralUrgency Urgency, ReferralStatus Status, string Reason, string? Note,
    DateOnly ReferredOn, DateTimeOffset RequestedAt, string ReferredBy, DateTimeOffset AcceptBy, DateOnly OutcomeDue, DateTimeOffset? AcceptedAt,
    string? DeclineReason, DateOnly? ArrivedOn, DateOnly? CompletedOn, string? Findings, string? Treatment, string? Advice, DateOnly? FollowUpOn,
    string? CancelReason, bool AnswerLate, bool OutcomeLate, bool FeedbackNew, string? Outcome, DateOnly? OutcomeDate)
{
    public static ReferralSummary Of(Referral r) => new(
        r.Id, r.PregnancyId, r.FromFacilityCode, r.ToFacilityCode, r.Urgency, r.Status, r.Reason, r.Note, r.ReferredOn, r.RequestedAt, r.ReferredBy,
        r.AcceptBy, r.OutcomeDue, r.AcceptedAt, r.DeclineReason, r.ArrivedOn, r.CompletedOn, r.Findings, r.Treatment, r.Advice, r.FollowUpOn,
        r.CancelReason, r.AnswerLate, r.OutcomeLate, r.Status == ReferralStatus.Completed && r.FeedbackSeenAt is null, r.Findings, r.CompletedOn);
}
