namespace HighRisk.Features.Cases;

/// <summary>
/// One version of a case's management plan (个案管理计划): where she now has antenatal care, where she should deliver, the
/// treatment and emergency plans, when the case is next reviewed; for red, the continuation assessment; for purple, the
/// PMTCT items. A new plan is a new version: earlier versions are kept as written, with their author and time.
/// </summary>
public sealed class CasePlan
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public int Version { get; init; }

    public required string CareFacilityCode { get; init; }

    public required string DeliveryFacilityCode { get; init; }

    public required string TreatmentPlan { get; init; }

    public required string EmergencyPlan { get; init; }

    public DateOnly NextReviewDate { get; init; }

    public ContinuationAssessment? Continuation { get; init; }

    public IReadOnlyList<PmtctItem> Pmtct { get; init; } = [];

    /// <summary>The level mismatches of this version when it was written (the case keeps the current ones).</summary>
    public IReadOnlyList<string> LevelMismatches { get; init; } = [];

    public required string Author { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// 妊娠风险评估（是否继续妊娠）: a red woman's assessment at a 三级 facility. Termination advice must come from a doctor of
/// 副主任医师 rank or above (<see cref="AssessorTitles"/>).
/// </summary>
public sealed record ContinuationAssessment(DateOnly Date, string FacilityCode, string Assessor, string AssessorTitle, string Outcome)
{
    public const string Continue = "continue";
    public const string TerminationAdvised = "terminationAdvised";
    public const string Declined = "declined";

    public static readonly string[] Outcomes = [Continue, TerminationAdvised, Declined];
}

/// <summary>A PMTCT item (预防艾滋病、梅毒和乙肝母婴传播) of the plan, with the date it was done (null: planned, not yet done).</summary>
public sealed record PmtctItem(string Item, DateOnly? DoneOn);

/// <summary>Professional titles (卫生专业技术职称) of the assessor, by rank; the API takes the code or the Chinese title.</summary>
public static class AssessorTitles
{
    public static readonly (string Code, string Zh, int Rank)[] All =
    [
        ("chiefPhysician", "主任医师", 4),
        ("associateChiefPhysician", "副主任医师", 3),
        ("attendingPhysician", "主治医师", 2),
        ("residentPhysician", "住院医师", 1),
    ];

    /// <summary>The lowest rank that may advise termination: 副主任医师.</summary>
    public const int TerminationRank = 3;

    public static string? Normalize(string? title) =>
        All.Where(t => string.Equals(t.Code, title?.Trim(), StringComparison.OrdinalIgnoreCase) || t.Zh == title?.Trim()).Select(t => t.Code).FirstOrDefault();

    public static int RankOf(string? title) => All.Where(t => t.Code == Normalize(title)).Select(t => t.Rank).FirstOrDefault();
}

/// <summary>The PMTCT items by infection (HIV, syphilis, hepatitis B), as the national integrated PMTCT programme lists them.</summary>
public static class PmtctItems
{
    public static readonly (string Code, string Infection, string Zh)[] All =
    [
        ("hiv.maternalArt", "hiv", "孕产妇抗病毒治疗"),
        ("hiv.infantProphylaxis", "hiv", "婴儿预防性抗病毒用药"),
        ("hiv.feedingCounselling", "hiv", "婴儿喂养咨询与指导"),
        ("syphilis.maternalTreatment", "syphilis", "孕期规范抗梅毒治疗"),
        ("syphilis.infantTreatment", "syphilis", "所生儿童预防性治疗"),
        ("hepatitisB.viralLoad", "hepatitisB", "孕期HBV DNA检测与抗病毒评估"),
        ("hepatitisB.newbornImmunisation", "hepatitisB", "新生儿12小时内注射乙肝免疫球蛋白和乙肝疫苗"),
    ];

    public static bool IsKnown(string? item) => All.Any(i => i.Code == item);
}
