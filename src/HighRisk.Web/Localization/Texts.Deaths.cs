namespace HighRisk.Localization;

/// <summary>The texts of maternal deaths (孕产妇死亡个案报告) and near misses (危重孕产妇): the board's block, the report page, the case's near-miss form.</summary>
public static partial class Texts
{
    // Board and list
    public static readonly Text DeathReportsDue = new("待报告的孕产妇死亡", "Maternal deaths to report");
    public static readonly Text DeathReportsDueHint = new("死亡个案报告卡提交前一直列在这里。", "Each stays here until its report card is submitted.");
    public static readonly Text DeathOn = new("{0} 死亡", "died {0}");
    public static readonly Text AllDeathReports = new("全部死亡报告", "All death reports");
    public static readonly Text DeathReportsTitle = new("孕产妇死亡个案报告", "Maternal death reports");
    public static readonly Text NoDeathReports = new("没有孕产妇死亡报告。", "No maternal death reports.");
    public static readonly Text DiedOn = new("死亡日期", "Died on");
    public static readonly Text ReportDeadline = new("报告时限", "Due by");
    public static readonly Text Submitted = new("提交", "Submitted");

    // Report page
    public static readonly Text DeathReportTitle = new("孕产妇死亡个案报告", "Maternal death report");
    public static readonly Text Woman = new("孕产妇", "Woman");
    public static readonly Text DeathReportState = new("报告状态", "Report");
    public static readonly Text DeathReportSubmittedByAt = new("{0} 于 {1} 提交", "by {0} at {1}");
    public static readonly Text DeathReportFillHint = new(
        "请在时限内填写并提交报告卡。档案中的现住址、产检次数和初检孕周已预先填入，请核对。",
        "Fill in and submit the card before it is due. Her current address, antenatal visits and first-visit week are filled in from the register: check them.");
    public static readonly Text DeathCard = new("报告卡", "Report card");
    public static readonly Text UsualAddress = new("户籍地址", "Usual address");
    public static readonly Text CurrentAddress = new("现住址", "Current address");
    public static readonly Text DeliveryPlace = new("分娩地点", "Place of delivery");
    public static readonly Text DeliveryPlaceHint = new("未分娩者不填。", "Leave empty if she did not deliver.");
    public static readonly Text DeathPlace = new("死亡地点", "Place of death");
    public static readonly Text DeathPlaceHint = new("医院名称，或家中、途中等。", "The hospital's name, or at home, on the way …");
    public static readonly Text Transferred = new("是否转诊", "Transferred");
    public static readonly Text TransferredFrom = new("从何处转来", "Transferred from");
    public static readonly Text AntenatalVisits = new("产前检查次数", "Antenatal visits");
    public static readonly Text FirstVisitWeek = new("初次产前检查孕周", "Week of the first visit");
    public static readonly Text TimesUnit = new("次", "");
    public static readonly Text CauseChain = new("死因链（ICD-10）", "Chain of causes (ICD-10)");
    public static readonly Text CauseChainHint = new(
        "从直接死因写起，下一行写引起上一行的疾病或情况；最后填写的一行为根本死因。不用的行留空。",
        "Start with the immediate cause; each row is what led to the row above; the last row filled in is the underlying cause. Leave unused rows empty.");
    public static readonly Text CauseDescription = new("疾病或情况", "Disease or condition");
    public static readonly Text Icd10 = new("ICD-10 编码", "ICD-10 code");
    public static readonly Text Icd10Hint = new("如 O72.1", "as O72.1");
    public static readonly Text UnderlyingCause = new("（根本死因）", " (the underlying cause)");
    public static readonly Text SubmitDeathReport = new("提交报告卡", "Submit the report card");
    public static readonly Text DeathReportSubmittedFlash = new("死亡个案报告已提交。", "The death report is submitted.");

    // Near misses on the case page
    public static readonly Text NearMisses = new("危重孕产妇事件", "Near misses");
    public static readonly Text NearMissCount = new("{0} 次", "{0}");
    public static readonly Text RecordNearMiss = new("登记危重孕产妇事件", "Record a near miss");
    public static readonly Text NearMissHint = new(
        "按世界卫生组织危重孕产妇判定标准（2011），勾选她符合的各项；计入危重孕产妇监测指标。",
        "Tick each WHO near-miss criterion (2011) she met; counted in the near-miss indicators.");
    public static readonly Text NearMissDate = new("发生日期", "Date");
    public static readonly Text NearMissFacility = new("救治机构", "Treated at");
    public static readonly Text CriteriaMet = new("判定标准", "Criteria");
    public static readonly Text NearMissOutcome = new("转归", "Outcome");
    public static readonly Text SaveNearMiss = new("登记", "Record");
    public static readonly Text NearMissRecordedFlash = new("危重孕产妇事件已登记。", "The near miss is recorded.");
    public static readonly Text NearMissRecordedBy = new("{0} 于 {1} 登记", "recorded by {0} at {1}");

    // Close page
    public static readonly Text DeliveredAt = new("分娩机构", "Delivered at");
}
