namespace HighRisk.Rules;

/// <summary>
/// A grade: the colour, the purple flag beside it, every active factor with its evidence, and the catalogue that
/// produced it; beside it, the prompts (rows the values suggest, which grade nothing until a clinician codes them).
/// Equality compares the contents, so a host can tell whether a regrade changed anything.
/// </summary>
public sealed record RiskAssessment(
    RiskColour Colour,
    bool Purple,
    IReadOnlyList<ActiveFactor> Factors,
    string CatalogueId,
    string CatalogueVersion)
{
    /// <summary>Coded rows the measured values suggest and that are not active, in output order.</summary>
    public IReadOnlyList<RiskPrompt> Prompts { get; init; } = [];

    public bool Equals(RiskAssessment? other) =>
        other is not null
        && Colour == other.Colour
        && Purple == other.Purple
        && CatalogueId == other.CatalogueId
        && CatalogueVersion == other.CatalogueVersion
        && Factors.SequenceEqual(other.Factors)
        && Prompts.SequenceEqual(other.Prompts);

    public override int GetHashCode() => HashCode.Combine(Colour, Purple, CatalogueId, CatalogueVersion, Factors.Count);
}

/// <summary>A catalogue factor (or a manual raise) that is active, and why.</summary>
public sealed record ActiveFactor(
    string Id,
    FactorColour Colour,
    string NameZh,
    string NameEn,
    IReadOnlyList<FactorEvidence> Evidence)
{
    public bool Equals(ActiveFactor? other) =>
        other is not null
        && Id == other.Id
        && Colour == other.Colour
        && NameZh == other.NameZh
        && NameEn == other.NameEn
        && Evidence.SequenceEqual(other.Evidence);

    public override int GetHashCode() => HashCode.Combine(Id, Colour, Evidence.Count);
}

/// <summary>
/// A row only a clinician may code whose measured values suggest it (the catalogue's <c>prompt</c>): the row, the values
/// that met the prompt's condition (as measurement evidence) and why. It changes no grade; coding the finding does.
/// </summary>
public sealed record RiskPrompt(
    string Id,
    FactorColour Colour,
    string NameZh,
    string NameEn,
    IReadOnlyList<FactorEvidence> Values,
    string WhyZh,
    string WhyEn)
{
    public bool Equals(RiskPrompt? other) =>
        other is not null
        && Id == other.Id
        && Colour == other.Colour
        && NameZh == other.NameZh
        && NameEn == other.NameEn
        && WhyZh == other.WhyZh
        && WhyEn == other.WhyEn
        && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Id, Colour, Values.Count);
}

/// <summary>
/// One piece of evidence. <see cref="Kind"/> is one of <see cref="EvidenceKinds"/>. <see cref="Finding"/> names the
/// coded id behind coded, history, qualifier, implied and raise evidence.
/// </summary>
public sealed record FactorEvidence(
    string Kind,
    string? Observation,
    decimal? Value,
    string? Unit,
    string? ExamId,
    DateOnly? Date,
    string? CodedBy,
    string? Note,
    string? Finding = null);

public static class EvidenceKinds
{
    /// <summary>A value measured at an exam (observation, value, unit, exam id, date, examiner).</summary>
    public const string Measurement = "measurement";

    /// <summary>A value the engine computed: age, BMI, gestational age (the note says from what).</summary>
    public const string Derived = "derived";

    /// <summary>Booking history: a count, the surgery interval, or a history flag (coded by the booking clinician).</summary>
    public const string History = "history";

    /// <summary>A finding or qualifier a clinician coded at booking or at an exam.</summary>
    public const string Coded = "coded";

    /// <summary>The factor is active because another active factor implies it (HBsAg carrier → purple).</summary>
    public const string Implied = "implied";

    /// <summary>A manual raise by a clinician.</summary>
    public const string Raise = "raise";
}
