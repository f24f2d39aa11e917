namespace HighRisk.Features.Referrals;

/// <summary>转诊: a referral to another facility, whose outcome must be recorded within 14 days.</summary>
public sealed class Referral
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public DateOnly ReferredOn { get; init; }

    public required string ToFacilityCode { get; init; }

    public required string Reason { get; init; }

    public DateOnly OutcomeDue { get; init; }

    public DateOnly? OutcomeDate { get; private set; }

    public string? Outcome { get; private set; }

    public required string ReferredBy { get; init; }

    public string? OutcomeRecordedBy { get; private set; }

    public void RecordOutcome(DateOnly date, string outcome, string by)
    {
        if (OutcomeDate is not null)
        {
            throw new Infrastructure.ConflictException(Localization.Messages.ReferralOutcomeRecorded);
        }

        OutcomeDate = date;
        Outcome = outcome;
        OutcomeRecordedBy = by;
    }
}
