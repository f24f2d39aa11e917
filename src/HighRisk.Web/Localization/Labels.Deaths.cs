using HighRisk.Features.Cases;

namespace HighRisk.Localization;

/// <summary>Labels of maternal deaths and near misses: the report's state, the rows of the chain of causes, the near-miss criteria and outcomes.</summary>
public static partial class Labels
{
    /// <summary>The report's state: due, late (past its deadline, not submitted) or submitted.</summary>
    public static Text DeathReportStatus(string status, bool late) => (status, late) switch
    {
        ("submitted", _) => new("已提交", "Submitted"),
        (_, true) => new("逾期未报告", "Late"),
        _ => new("待报告", "Due"),
    };

    /// <summary>A row of the chain of causes (a → d): the immediate cause first, each next row what led to the one above.</summary>
    public static Text CauseRow(int row) => row switch
    {
        0 => new("(a) 直接死因", "(a) Immediate cause"),
        1 => new("(b) 引起 (a) 的疾病或情况", "(b) Due to (a)"),
        2 => new("(c) 引起 (b) 的疾病或情况", "(c) Due to (b)"),
        _ => new("(d) 引起 (c) 的疾病或情况", "(d) Due to (c)"),
    };

    /// <summary>The letter of a row of the chain of causes.</summary>
    public static string CauseLetter(int row) => "abcd"[row..(row + 1)];

    /// <summary>The groups of the near-miss criteria, by the prefix of their codes.</summary>
    public static Text NearMissGroup(string group) => group switch
    {
        "clinical" => new("临床表现", "Clinical criteria"),
        "lab" => new("实验室检查", "Laboratory criteria"),
        "management" => new("治疗措施", "Management criteria"),
        _ => Text.Same(group),
    };

    public static Text NearMissCriterion(string code) => new(
        NearMissCriteria.All.FirstOrDefault(c => c.Code == code).Zh ?? code,
        code switch
        {
            "clinical.cyanosis" => "Acute cyanosis",
            "clinical.gasping" => "Gasping",
            "clinical.respiratoryRate" => "Respiratory rate >40 or <6 per minute",
            "clinical.shock" => "Shock",
            "clinical.oliguria" => "Oliguria non-responsive to fluids or diuretics",
            "clinical.clottingFailure" => "Clotting failure",
            "clinical.unconsciousness" => "Loss of consciousness lasting 12 hours or more",
            "clinical.cardiacArrest" => "Cardiac arrest",
            "clinical.stroke" => "Stroke",
            "clinical.uncontrollableFits" => "Uncontrollable fit or total paralysis",
            "clinical.jaundicePreeclampsia" => "Jaundice in the presence of pre-eclampsia",
            "lab.oxygenSaturation" => "Oxygen saturation <90% for 60 minutes or more",
            "lab.pao2Fio2" => "PaO2/FiO2 <200 mmHg",
            "lab.creatinine" => "Creatinine ≥300 μmol/L",
            "lab.bilirubin" => "Bilirubin >100 μmol/L",
            "lab.ph" => "pH <7.1",
            "lab.lactate" => "Lactate >5 mmol/L",
            "lab.platelets" => "Acute thrombocytopenia <50×10⁹/L",
            "lab.ketoacidosis" => "Loss of consciousness with glucose and ketoacids in urine",
            "management.vasoactiveDrugs" => "Continuous use of vasoactive drugs",
            "management.hysterectomy" => "Hysterectomy following infection or haemorrhage",
            "management.transfusion" => "Transfusion of 5 or more units of red cells",
            "management.ventilation" => "Intubation and ventilation for 60 minutes or more, not related to anaesthesia",
            "management.dialysis" => "Dialysis for acute renal failure",
            "management.cpr" => "Cardiopulmonary resuscitation",
            _ => code,
        });

    public static Text NearMissOutcome(string outcome) => outcome switch
    {
        "survived" => new("好转", "Survived"),
        "transferred" => new("转院", "Transferred"),
        "died" => new("死亡", "Died"),
        _ => Text.Same(outcome),
    };
}
