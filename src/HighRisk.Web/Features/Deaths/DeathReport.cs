using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Deaths;

/// <summary>
/// 孕产妇死亡个案报告: opened when a pregnancy is closed with a maternal death, due within 24 hours (policy data), and
/// shown on the case board until it is submitted. The card's fields follow the national maternal death report card:
/// usual and current address, where she delivered and died, whether and from where she was transferred, how many
/// antenatal visits she had and in which week the first, and the chain of causes with ICD-10 codes (a → d, the last
/// the underlying cause). The register's figures are filled in when it opens; the reporter confirms or corrects them.
/// </summary>
public sealed class DeathReport
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public required string DivisionCode { get; init; }

    public required string TownshipCode { get; init; }

    public required string FacilityCode { get; init; }

    public DateOnly DiedOn { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? UsualAddress { get; private set; }

    public string? CurrentAddress { get; private set; }

    public string? DeliveryPlace { get; private set; }

    public string? DeathPlace { get; private set; }

    public bool? Transferred { get; private set; }

    public string? TransferredFrom { get; private set; }

    public int? AntenatalVisits { get; private set; }

    public int? FirstVisitWeek { get; private set; }

    public IReadOnlyList<DeathCause> Causes { get; private set; } = [];

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    /// <summary>Past its deadline and not submitted.</summary>
    public bool IsLate(DateTimeOffset now) => SubmittedAt is null && now > DueAt;

    public static DeathReport Open(
        Guid id, Guid pregnancyId, string divisionCode, string townshipCode, string facilityCode, DateOnly diedOn, string address, int visits, int? firstVisitWeek,
        TimeSpan within, DateTimeOffset now) => new()
        {
            Id = id,
            PregnancyId = pregnancyId,
            DivisionCode = divisionCode,
            TownshipCode = townshipCode,
            FacilityCode = facilityCode,
            DiedOn = diedOn,
            OpenedAt = now,
            DueAt = now + within,
            CurrentAddress = address,
            AntenatalVisits = visits,
            FirstVisitWeek = firstVisitWeek,
        };

    public void Submit(DeathCard card, string by, DateTimeOffset now)
    {
        if (SubmittedAt is not null)
        {
            throw new ConflictException(Messages.DeathReportSubmitted, ("By", SubmittedBy));
        }

        UsualAddress = card.UsualAddress;
        CurrentAddress = card.CurrentAddress;
        DeliveryPlace = card.DeliveryPlace;
        DeathPlace = card.DeathPlace;
        Transferred = card.Transferred;
        TransferredFrom = card.Transferred ? card.TransferredFrom : null;
        AntenatalVisits = card.AntenatalVisits;
        FirstVisitWeek = card.FirstVisitWeek;
        Causes = card.Causes;
        SubmittedAt = now;
        SubmittedBy = by;
    }
}

/// <summary>One link of the chain of causes: what it was and its ICD-10 code.</summary>
public sealed record DeathCause(string Description, string Icd10);

/// <summary>The card's fields as submitted.</summary>
public sealed record DeathCard(
    string UsualAddress, string CurrentAddress, string? DeliveryPlace, string DeathPlace, bool Transferred, string? TransferredFrom, int AntenatalVisits,
    int? FirstVisitWeek, IReadOnlyList<DeathCause> Causes);
