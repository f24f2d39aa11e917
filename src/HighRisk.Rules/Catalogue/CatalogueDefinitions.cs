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
/// <param name="Prompt">Measured values that suggest this coded row to the examiner; they never activate it.</param>
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
    IReadOnlyList<IReadOnlyList<string>>? WhenCoded = null,
    FactorPrompt? Prompt = null)
{
    /// <summary>
    /// The timing rule of a coded finding, the one every host applies to booking findings, history flags, exam findings and
    /// prompts: a <c>fromWeeks</c> row only from that gestational age and only in the pregnancy (a pregnancy not dated
    /// cannot tell), a <c>postpartum</c> row only after the birth; every other row at any time.
    /// </summary>
    public CodingTime CodingTimeAt(ClinicalTime time)
    {
        if (Postpartum)
        {
            return time.AfterBirth ? CodingTime.Fits : CodingTime.OnlyAfterBirth;
        }

        if (FromWeeks is not { } weeks)
        {
            return CodingTime.Fits;
        }

        return time.AfterBirth ? CodingTime.OnlyInPregnancy
            : time.Age is not { } age ? CodingTime.Undated
            : age.Weeks < weeks ? CodingTime.TooEarly
            : CodingTime.Fits;
    }
}

/// <summary>
/// Measured values that point at a row only a clinician may code (ALT far above the upper limit → 原因不明的肝功能异常): the
/// engine lists the row among the assessment's prompts while a condition holds and the row is not active. A prompt
/// never changes the grade; the examiner decides and codes the finding.
/// </summary>
/// <param name="When">Alternatives written like a factor's <c>when</c>: the prompt holds when any one does.</param>
/// <param name="WhyZh">Why the values suggest the row, shown to the examiner.</param>
/// <param name="UnlessActive">Factors that explain the values (ICP for a raised ALT): while one is active, no prompt.</param>
public sealed record FactorPrompt(IReadOnlyList<FactorCondition> When, string WhyZh, string WhyEn, IReadOnlyList<string> UnlessActive);

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
