namespace HighRisk.Rules;

/// <summary>How well a catalogue row is supported by the published text (reference section 1.4).</summary>
public enum CatalogueStatus
{
    /// <summary>Confirmed: the line was seen in a published source.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("C")]
    C,

    /// <summary>Partial: seen, but a number or comparison sign was lost in the published copy.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("P")]
    P,

    /// <summary>As commonly cited, not seen in a published copy: UNCONFIRMED.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("R")]
    R,
}

/// <summary>One row of the grading table, as loaded from the catalogue file.</summary>
/// <param name="When">Alternatives: the factor is active when any one of them holds (or when it is coded).</param>
/// <param name="Coded">A clinician may send this id as a finding or history flag.</param>
/// <param name="Implies">Factor ids that are active whenever this one is (HBsAg carrier → p_infectious).</param>
/// <param name="ShowsObservations">Observations shown as supporting evidence when active; they never activate it.</param>
/// <param name="Line">Line of the factor's object in the catalogue file, for error messages and review.</param>
/// <param name="Persists">A diagnosis for the rest of the pregnancy (GDM, hypertensive disorder, severe pre-eclampsia):
/// once an exam's values meet its condition the host records it as a finding of that exam, so a later normal reading
/// (diet-controlled glucose, blood pressure on drugs) does not lower the colour; a clinician resolves it.</param>
/// <param name="FromWeeks">A coded finding that is a risk factor only from this gestational age (≥36周胎位不正): the
/// host refuses it at an earlier exam rather than grade it.</param>
/// <param name="Postpartum">A coded finding of the time after the birth (产褥感染, a red condition not yet stable after the
/// birth): the host refuses it at booking and at antenatal exams, and takes it at the postpartum visit and the 42-day check.</param>
/// <param name="WhenCoded">Alternatives made only of coded ids: the factor is active when every id of one alternative is
/// coded and unresolved (双胎 coded with 心肺功能减退, with no fetus count measured). Each holds two or more factor or
/// qualifier ids.</param>
public sealed record RiskFactorDefinition(
    string Id,
    FactorColour Colour,
    string Category,
    CatalogueStatus Status,
    string Source,
    string NameZh,
    string NameEn,
    IReadOnlyList<FactorCondition> When,
    bool Coded,
    IReadOnlyList<string> Implies,
    IReadOnlyList<Observation> ShowsObservations,
    string? Note,
    int Line,
    bool Persists = false,
    int? FromWeeks = null,
    bool Postpartum = false,
    IReadOnlyList<IReadOnlyList<string>>? WhenCoded = null);

/// <summary>
/// A clinical qualifier that numeric conditions combine with (bleeding tendency, inactive disease on steroids). A
/// qualifier on its own grades nothing.
/// </summary>
public sealed record QualifierDefinition(string Id, string NameZh, string NameEn, string? Note, int Line)
{
    public string Kind => "qualifier";
}

/// <summary>
/// One alternative of a factor: every range and every qualifier test must hold. When it names two or more exam
/// observations (BP and urine protein, glucose and gestational age) they are read from the same exam: the latest exam
/// that recorded all of them.
/// </summary>
public sealed record FactorCondition(IReadOnlyList<ObservationRange> Ranges, IReadOnlyList<QualifierTest> Qualifiers);

public sealed record ObservationRange(Observation Observation, NumericRange Range, string Unit);

/// <summary>The qualifier must be active (<paramref name="Present"/> true) or must not be.</summary>
public sealed record QualifierTest(string QualifierId, bool Present);
