using HighRisk.Features.Cases;

namespace HighRisk.Localization;

/// <summary>Labels of case management's values: report and plan states, flags, level mismatches, titles, PMTCT items.</summary>
public static partial class Labels
{
    public static Text CaseStatus(CaseStatus status) => status == Features.Cases.CaseStatus.Open ? Texts.CaseStatusOpen : Texts.CaseStatusClosed;

    /// <summary>The report's state (<see cref="CaseState.ReportView.Status"/>).</summary>
    public static Text CaseReport(string status) => status switch
    {
        "due" => new("待确认", "Awaiting acknowledgement"),
        "late" => new("逾期未确认", "Late"),
        "acknowledged" => new("已确认", "Acknowledged"),
        _ => Text.Same(status),
    };

    /// <summary>The plan's state (<see cref="CaseState.PlanView.Status"/>).</summary>
    public static Text CasePlan(string status) => status switch
    {
        "due" => new("待制定", "To be made"),
        "missing" => new("逾期未制定", "Missing"),
        "current" => new("有效", "Current"),
        "overdue" => new("评估逾期", "Review overdue"),
        _ => Text.Same(status),
    };

    public static Text CaseFlag(string flag) => flag switch
    {
        Features.Cases.CaseState.LateReport => new("报告逾期", "Late report"),
        Features.Cases.CaseState.NoPlan => new("无管理计划", "No plan"),
        Features.Cases.CaseState.PlanOverdue => new("计划逾期", "Plan overdue"),
        Features.Cases.CaseState.LevelMismatch => new("机构级别不符", "Level mismatch"),
        _ => Text.Same(flag),
    };

    /// <summary>Why a place is below what her colour asks (<see cref="LevelMismatches"/>), in words.</summary>
    public static Text LevelMismatch(string code) => code switch
    {
        LevelMismatches.CareBelowLevel => new("产前保健机构级别低于要求", "Antenatal care below the level her colour asks"),
        LevelMismatches.CareNotCriticalCareCentre => new("产前保健机构不是危重孕产妇救治中心", "Antenatal care not at a critical care centre"),
        LevelMismatches.DeliveryBelowLevel => new("分娩机构级别低于要求", "Delivery below the level her colour asks"),
        LevelMismatches.DeliveryNotCriticalCareCentre => new("分娩机构不是危重孕产妇救治中心", "Delivery not at a critical care centre"),
        LevelMismatches.DeliveryWithoutMidwifery => new("分娩机构没有助产资质", "Delivery where there is no midwifery licence"),
        LevelMismatches.AssessmentBelowLevel => new("继续妊娠评估机构级别低于要求", "Assessment below the level her colour asks"),
        _ => Text.Same(code),
    };

    /// <summary>A facility's hospital level (1 一级, 2 二级, 3 三级).</summary>
    public static Text FacilityLevel(int level) => level switch
    {
        3 => new("三级", "level 3"),
        2 => new("二级", "level 2"),
        _ => new("一级", "level 1"),
    };

    public static readonly Text CriticalCareCentre = new("危重孕产妇救治中心", "critical care centre");

    public static readonly Text NoMidwifery = new("无助产资质", "no midwifery");

    /// <summary>A place with its level and flags: 湘潭市妇幼保健院（三级，危重孕产妇救治中心）.</summary>
    public static Text Facility(string name, int level, bool criticalCareCentre, bool midwifery)
    {
        var facts = new List<Text> { FacilityLevel(level) };
        if (criticalCareCentre)
        {
            facts.Add(CriticalCareCentre);
        }

        if (!midwifery)
        {
            facts.Add(NoMidwifery);
        }

        return new($"{name}（{string.Join("，", facts.Select(f => f.Zh))}）", $"{name} ({string.Join(", ", facts.Select(f => f.En))})");
    }

    public static Text AssessorTitle(string code) => new(
        AssessorTitles.All.FirstOrDefault(t => t.Code == code).Zh ?? code,
        code switch
        {
            "chiefPhysician" => "Chief physician",
            "associateChiefPhysician" => "Associate chief physician",
            "attendingPhysician" => "Attending physician",
            "residentPhysician" => "Resident physician",
            _ => code,
        });

    public static Text ContinuationOutcome(string outcome) => outcome switch
    {
        ContinuationAssessment.Continue => new("继续妊娠", "Continue the pregnancy"),
        ContinuationAssessment.TerminationAdvised => new("建议终止妊娠", "Termination advised"),
        ContinuationAssessment.Declined => new("孕妇拒绝", "She declined"),
        _ => Text.Same(outcome),
    };

    public static Text Infection(string infection) => infection switch
    {
        "hiv" => new("艾滋病", "HIV"),
        "syphilis" => new("梅毒", "Syphilis"),
        "hepatitisB" => new("乙肝", "Hepatitis B"),
        _ => Text.Same(infection),
    };

    public static Text PmtctItem(string code) => new(
        PmtctItems.All.FirstOrDefault(i => i.Code == code).Zh ?? code,
        code switch
        {
            "hiv.maternalArt" => "Antiretroviral treatment of the mother",
            "hiv.infantProphylaxis" => "Antiretroviral prophylaxis of the infant",
            "hiv.feedingCounselling" => "Infant feeding counselling",
            "syphilis.maternalTreatment" => "Standard syphilis treatment in pregnancy",
            "syphilis.infantTreatment" => "Preventive treatment of the child",
            "hepatitisB.viralLoad" => "HBV DNA test and antiviral assessment in pregnancy",
            "hepatitisB.newbornImmunisation" => "Hepatitis B immunoglobulin and vaccine for the newborn within 12 hours",
            _ => code,
        });
}
