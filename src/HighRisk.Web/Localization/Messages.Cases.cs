namespace HighRisk.Localization;

/// <summary>Case management's entries (专案: plans, areas, near misses, death reports, indicators).</summary>
public static partial class Messages
{
    // Case management (专案)
    public static readonly Message CaseClosed = new("CaseClosed", "The case is closed ({Reason}); reopen it by a new grade of orange, red or purple.", "该专案已结案（{Reason}）。");
    public static readonly Message CaseStillHighRisk = new(
        "CaseStillHighRisk", "She is still {Colour}: the case closes when she has come down, or with her episode.", "孕妇仍为{Colour}，降级后才能结案（或随妊娠结案自动结束）。");
    public static readonly Message CaseReportAcknowledged = new("CaseReportAcknowledged", "The report was already acknowledged by {By}.", "该报告已由 {By} 确认。");
    public static readonly Message CaseActionRole = new("CaseActionRole", "Only county or city MCH staff manage cases.", "只有县级或市级妇幼保健机构人员可以进行专案管理操作。");
    public static readonly Message ManagerUnknown = new("ManagerUnknown", "No such active county or city MCH staff account covering the case's area.", "没有负责该地区的县/市妇幼人员账号。");
    public static readonly Message CaseFacilityUnknown = new("CaseFacilityUnknown", "No such facility.", "没有这个机构，请重新选择。");
    public static readonly Message ReviewDateInPast = new("ReviewDateInPast", "The next review date cannot be in the past.", "下次评估日期不能早于今天。");
    public static readonly Message ReviewDateTooFar = new("ReviewDateTooFar", "The next review date must be within a year.", "下次评估日期应在一年之内。");
    public static readonly Message AssessorTitleUnknown = new(
        "AssessorTitleUnknown", "The title must be chiefPhysician (主任医师), associateChiefPhysician (副主任医师), attendingPhysician (主治医师) or residentPhysician (住院医师).",
        "请选择职称：主任医师、副主任医师、主治医师或住院医师。", "Choose the title: chief, associate chief, attending or resident physician.");
    public static readonly Message TerminationNeedsSeniorAssessor = new(
        "TerminationNeedsSeniorAssessor", "Termination advice needs an assessor of 副主任医师 (associateChiefPhysician) rank or above.", "建议终止妊娠须由副主任医师及以上职称的医师评估确认。",
        "Termination advice needs an associate chief physician or above.");
    public static readonly Message ContinuationOutcomeUnknown = new("ContinuationOutcomeUnknown", "The outcome must be continue, terminationAdvised or declined.", "评估结论应为继续妊娠、建议终止妊娠或孕妇拒绝。");
    public static readonly Message PmtctItemUnknown = new("PmtctItemUnknown", "Not a PMTCT item: {Items}.", "不是可选的母婴阻断项目。");
    public static readonly Message PmtctNotPurple = new("PmtctNotPurple", "PMTCT items are planned for a purple (infectious disease) case only.", "只有紫色（传染病）专案才填写母婴阻断项目。");
    public static readonly Message NearMissCriteriaRequired = new("NearMissCriteriaRequired", "Give at least one near-miss criterion.", "请至少选择一项危重孕产妇判定标准。");
    public static readonly Message NearMissCriterionUnknown = new("NearMissCriterionUnknown", "Not a near-miss criterion (see the API description).", "不是可选的危重孕产妇判定标准。");
    public static readonly Message NearMissOutcomeUnknown = new("NearMissOutcomeUnknown", "The outcome must be survived, transferred or died.", "转归应为好转、转院或死亡。");
    public static readonly Message DeathReportSubmitted = new("DeathReportSubmitted", "The death report was already submitted by {By}.", "该死亡报告已由 {By} 提交。");
    public static readonly Message Icd10Format = new("Icd10Format", "An ICD-10 code: a letter, two digits, and optionally a point and one or two digits (O72.1).", "ICD-10 编码格式应如 O72.1。");
    public static readonly Message CausesRequired = new("CausesRequired", "Give the chain of causes: one to four, the underlying cause last.", "请填写死因链（1–4 条，根本死因在最后）。");
    public static readonly Message TransferredFromRequired = new("TransferredFromRequired", "Say where she was transferred from.", "请填写从何处转来。");
    public static readonly Message DeathReportStatusFilter = new("DeathReportStatusFilter", "The status must be due or submitted.", "状态应为待报告或已提交。");
    public static readonly Message CaseFlagUnknown = new("CaseFlagUnknown", "The flag must be lateReport, noPlan, planOverdue or levelMismatch.", "标记应为报告逾期、无管理计划、计划逾期或机构级别不符。");
    public static readonly Message CaseStatusFilter = new("CaseStatusFilter", "The status must be open, closed or all.", "状态应为管理中、已结案或全部。");
    public static readonly Message CaseColourFilter = new("CaseColourFilter", "The colour must be green, yellow, orange, red or purple.", "颜色应为绿、黄、橙、红或紫。");
    public static readonly Message IndicatorDivision = new("IndicatorDivision", "The division must be a city (4 digits) or county (6 digits) code.", "地区应为市（4 位）或县（6 位）区划代码。");
    public static readonly Message IndicatorMonth = new("IndicatorMonth", "The month must be written yyyy-MM (2026-03).", "月份格式应如 2026-03。");
    public static readonly Message IndicatorMonthInFuture = new("IndicatorMonthInFuture", "There are no figures for a future month.", "不能查询未来月份的指标。");
    public static readonly Message IndicatorsRole = new("IndicatorsRole", "Only county or city MCH staff read the indicators.", "只有县级或市级妇幼保健机构人员可以查看指标统计。");
}
