namespace HighRisk.Localization;

/// <summary>The texts of the indicators page (/indicators); the definitions behind them are docs/indicators.md.</summary>
public static partial class Texts
{
    public static readonly Text NavIndicators = new("指标统计", "Indicators");
    public static readonly Text IndicatorsTitle = new("专案管理指标", "Case-management indicators");
    public static readonly Text IndicatorsIntro = new(
        "按县（市、区）统计所选月份的专案管理指标（日期按北京时间）；本月的数字会随报告和计划的录入而变化。",
        "The month's case-management figures by county (dates in Beijing time); the current month's figures change as reports and plans come in.");
    public static readonly Text Month = new("月份", "Month");
    public static readonly Text MonthHint = new("如 2026-03", "e.g. 2026-03");
    public static readonly Text AreaChooser = new("地区", "Area");
    public static readonly Text NoIndicatorRows = new("该地区不在您的管理范围内，或其下没有县（市、区）。", "The area is outside yours, or has no counties.");
    public static readonly Text IndicatorChartLabel = new("{0}：每个县（市、区）一条，数字见上方表格。", "{0}: a bar per county; the table above has the numbers.");
    public static readonly Text NoDenominator = new("无", "none");
    public static readonly Text StillDue = new("未到期 {0}", "{0} not yet due");
    public static readonly Text NotRecorded = new("未记录机构 {0}", "{0} with no facility");

    public static readonly Text ReportedInTime = new("橙色、红色专案及时报告率", "Orange and red cases reported in time");
    public static readonly Text ReportedInTimeShort = new("及时报告", "Reported in time");
    public static readonly Text ReportedInTimeHint = new(
        "当月新建的橙色、红色专案中，在时限内（红色 24 小时、橙色 72 小时）确认报告的比例。",
        "Of the orange and red cases opened in the month, the share whose report was acknowledged within its deadline (red 24 h, orange 72 h).");
    public static readonly Text PlannedInTime = new("专案管理计划及时制定率", "First plans made in time");
    public static readonly Text PlannedInTimeShort = new("计划及时", "Planned in time");
    public static readonly Text PlannedInTimeHint = new(
        "当月新建的专案中，在时限内（红色 3 天，橙色、紫色 7 天）制定首份管理计划的比例。",
        "Of the cases opened in the month, the share whose first plan was made in time (red 3 days, orange and purple 7).");
    public static readonly Text RedAssessed = new("红色孕产妇三级机构评估率", "Red women assessed at a 三级 (tertiary) facility");
    public static readonly Text RedAssessedShort = new("三级评估", "Assessed at 三级");
    public static readonly Text RedAssessedHint = new(
        "当月新建的红色专案中，在三级医疗机构完成是否继续妊娠评估的比例。",
        "Of the red cases opened in the month, the share assessed at a tertiary facility on whether to continue the pregnancy.");
    public static readonly Text DeliveredAtLevel = new("橙色、红色孕产妇分娩机构符合率", "Orange and red women delivered at the required level");
    public static readonly Text DeliveredAtLevelShort = new("分娩机构符合", "Delivered at level");
    public static readonly Text DeliveredAtLevelHint = new(
        "当月分娩的橙色、红色专案孕产妇中，分娩机构符合其分娩时风险颜色要求（橙色、红色为三级）的比例。",
        "Of the month's deliveries of women with an orange or red case, the share at a facility of the level her colour at the birth asks (三级 for orange and red).");
    public static readonly Text LostToFollowUp = new("新增失访人数", "Newly lost to follow-up");
    public static readonly Text LostToFollowUpHint = new("专案孕产妇中，当月首次在逾期名单上列为失访的人数。", "Women with a case first listed as lost to follow-up in the month.");
    public static readonly Text NearMissesInMonth = new("危重孕产妇例数", "Maternal near misses");
    public static readonly Text NearMissesShort = new("危重", "Near misses");
    public static readonly Text NearMissesHint = new("当月发生的危重孕产妇事件数（按事件日期）。", "Near-miss events dated in the month.");
    public static readonly Text MaternalDeaths = new("孕产妇死亡数", "Maternal deaths");
    public static readonly Text MaternalDeathsShort = new("死亡", "Deaths");
    public static readonly Text MaternalDeathsHint = new("死亡日期在当月的孕产妇死亡报告数。", "Maternal death reports with the date of death in the month.");

    // Referral and consultation indicators (双向转诊、会诊)
    public static readonly Text ReferralIndicators = new("双向转诊与会诊", "Referral and consultation");
    public static readonly Text NoReferralsInMonth = new("本月没有转诊。", "No referrals this month.");
    public static readonly Text ByCountyOfResidence = new("按孕妇居住县（区）", "By her county of residence");
    public static readonly Text ByReceivingFacility = new("按接收机构", "By receiving facility");
    public static readonly Text Referred = new("转出", "Referred");
    public static readonly Text EmergencyShort = new("急诊", "Emergency");
    public static readonly Text AcceptedShort = new("接收", "Accepted");
    public static readonly Text DeclinedShort = new("拒收", "Declined");
    public static readonly Text ReferredBackDown = new("下转", "Back down");
    public static readonly Text ClosedLoop = new("闭环率", "Closed loop");
    public static readonly Text ClosedLoopHint = new("接收机构已反馈的转诊 ÷ 未拒收、未撤销的转诊", "Completed with feedback over those neither declined nor cancelled");
    public static readonly Text AnsweredLateShort = new("应答逾期", "Answer late");
    public static readonly Text OutcomeLateShort = new("结果逾期", "Outcome late");
    public static readonly Text ConsultationIndicators = new("会诊（按孕妇居住县区）", "Consultations, by her county");
    public static readonly Text ConsultationsAsked = new("申请", "Asked");
    public static readonly Text AnsweredIn24Hours = new("24小时内答复", "Answered within 24 h");
}
