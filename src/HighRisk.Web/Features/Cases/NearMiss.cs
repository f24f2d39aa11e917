namespace HighRisk.Features.Cases;

/// <summary>危重孕产妇: a maternal near-miss event recorded on a case, with the criteria she met (WHO 2011, as China's surveillance uses them).</summary>
public sealed class NearMiss
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public DateOnly Date { get; init; }

    public required string FacilityCode { get; init; }

    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>survived, transferred or died.</summary>
    public required string Outcome { get; init; }

    public string? Note { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// The near-miss criteria (WHO, Evaluating the quality of care for severe pregnancy complications: the WHO near-miss
/// approach for maternal health, 2011), by code: clinical signs, laboratory findings and management.
/// </summary>
public static class NearMissCriteria
{
    public static readonly (string Code, string Zh)[] All =
    [
        ("clinical.cyanosis", "急性发绀"),
        ("clinical.gasping", "喘息样呼吸"),
        ("clinical.respiratoryRate", "呼吸频率>40次/分或<6次/分"),
        ("clinical.shock", "休克"),
        ("clinical.oliguria", "少尿（对液体或利尿剂无反应）"),
        ("clinical.clottingFailure", "凝血功能障碍"),
        ("clinical.unconsciousness", "意识丧失≥12小时"),
        ("clinical.cardiacArrest", "心跳骤停"),
        ("clinical.stroke", "脑卒中"),
        ("clinical.uncontrollableFits", "无法控制的抽搐/全身瘫痪"),
        ("clinical.jaundicePreeclampsia", "子痫前期伴黄疸"),
        ("lab.oxygenSaturation", "血氧饱和度<90%持续≥60分钟"),
        ("lab.pao2Fio2", "PaO2/FiO2<200 mmHg"),
        ("lab.creatinine", "肌酐≥300 μmol/L"),
        ("lab.bilirubin", "胆红素>100 μmol/L"),
        ("lab.ph", "pH<7.1"),
        ("lab.lactate", "乳酸>5 mmol/L"),
        ("lab.platelets", "急性血小板减少<50×10⁹/L"),
        ("lab.ketoacidosis", "意识丧失且尿中有葡萄糖和酮体"),
        ("management.vasoactiveDrugs", "持续使用血管活性药物"),
        ("management.hysterectomy", "因感染或出血切除子宫"),
        ("management.transfusion", "输注红细胞≥5单位"),
        ("management.ventilation", "与麻醉无关的气管插管通气≥60分钟"),
        ("management.dialysis", "急性肾衰竭透析"),
        ("management.cpr", "心肺复苏"),
    ];

    public static readonly string[] Outcomes = ["survived", "transferred", "died"];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
}
