namespace HighRisk.Rules;

/// <summary>
/// Where a clinical date falls: in the pregnancy at a gestational age, in a pregnancy not dated (neither an LMP nor
/// gestational weeks), or after the birth, when there is no gestational age any more.
/// </summary>
public readonly record struct ClinicalTime
{
    private ClinicalTime(GestationalAge? age, bool afterBirth)
    {
        Age = age;
        AfterBirth = afterBirth;
    }

    /// <summary>The gestational age on the date; null after the birth and in an undated pregnancy.</summary>
    public GestationalAge? Age { get; }

    public bool AfterBirth { get; }

    public static ClinicalTime Undated { get; } = new(null, afterBirth: false);

    public static ClinicalTime Postpartum { get; } = new(null, afterBirth: true);

    public static ClinicalTime Pregnant(GestationalAge age) => new(age, afterBirth: false);

    /// <summary>
    /// The time of <paramref name="date"/>: from the day of the birth on, after the birth; before it, the gestational age
    /// from the LMP; undated without an LMP or before it.
    /// </summary>
    public static ClinicalTime On(DateOnly date, DateOnly? lmp, DateOnly? delivered) =>
        delivered is { } birth && date >= birth ? Postpartum
        : lmp is { } dated && date >= dated ? Pregnant(GestationalAge.FromLmp(dated, date))
        : Undated;
}

/// <summary>Whether a coded finding may be recorded at a <see cref="ClinicalTime"/> (<see cref="RiskFactorDefinition.CodingTimeAt"/>).</summary>
public enum CodingTime
{
    Fits,

    /// <summary>A finding of a gestational age (the catalogue's <c>fromWeeks</c>) coded before it.</summary>
    TooEarly,

    /// <summary>A finding of a gestational age coded in a pregnancy that is not dated.</summary>
    Undated,

    /// <summary>A finding of the pregnancy (<c>fromWeeks</c>) coded after the birth.</summary>
    OnlyInPregnancy,

    /// <summary>A finding of the time after the birth (the catalogue's <c>postpartum</c>) coded before it.</summary>
    OnlyAfterBirth,
}
