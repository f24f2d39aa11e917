namespace HighRisk.Localization;

/// <summary>
/// Every fixed text of the web app, Chinese first. Domain words follow shared/domain/glossary.md; labels of colours,
/// statuses and other enum values are in <see cref="Labels"/>, failure messages by their code in <see cref="Messages"/>.
/// </summary>
public static partial class Texts
{
    /// <summary>Between a label and its value: full-width in Chinese.</summary>
    public static readonly Text Colon = new("：", ": ");

    // Layout
    public static readonly Text AppName = new("高危孕产妇五色管理", "HighRisk pregnancy register");
    public static readonly Text SkipToContent = new("跳到正文", "Skip to content");
    public static readonly Text MainNavigation = new("主导航", "Main navigation");
    public static readonly Text NavHome = new("首页", "Home");
    public static readonly Text NavPregnancies = new("孕产妇名单", "Pregnancies");
    public static readonly Text NavBook = new("建册", "Book");
    public static readonly Text NavOverdue = new("逾期名单", "Overdue");
    public static readonly Text NavAlerts = new("预警", "Alerts");
    public static readonly Text SignOut = new("退出", "Sign out");

    /// <summary>The language switch names the other language, in that language.</summary>
    public static readonly Text OtherLanguage = new("English", "中文");
    public static readonly Text OtherLanguageCode = new("en", "zh-CN");

    // Sign in
    public static readonly Text SignInTitle = new("登录", "Sign in");
    public static readonly Text SignInIntro = new("请使用管理员为您开设的账号登录。", "Sign in with the account your administrator set up for you.");
    public static readonly Text UserName = new("用户名", "User name");
    public static readonly Text Password = new("密码", "Password");
    public static readonly Text SignInButton = new("登录", "Sign in");

    // Home
    public static readonly Text HomeTitle = new("首页", "Home");
    public static readonly Text Area = new("管理范围", "Area");
    public static readonly Text AllAreas = new("全部地区", "All areas");
    public static readonly Text OpenPregnancies = new("在册孕产妇", "Open pregnancies");
    public static readonly Text PeopleCount = new("{0} 人", "{0}");
    public static readonly Text OverdueToday = new("今日逾期未随访", "Overdue today");
    public static readonly Text OverdueNotGenerated = new("今日名单尚未生成（每天 7:00 生成）", "Today's list is not made yet (made at 07:00)");
    public static readonly Text OpenRedAlerts = new("未处理的红色预警", "Unacknowledged red alerts");
    public static readonly Text ColourMix = new("近 12 周风险分级构成", "Colour mix over the last 12 weeks");
    public static readonly Text ColourMixDescription = new(
        "每周最后一天在册孕产妇按风险颜色的人数（自下而上：绿、黄、橙、红）。",
        "Open pregnancies on the last day of each week by colour (bottom to top: green, yellow, orange, red).");
    public static readonly Text ColourMixChartLabel = new(
        "近 12 周每周在册孕产妇风险分级构成的堆积柱状图，数据见下方表格。",
        "Stacked bars of the colour mix of open pregnancies over the last 12 weeks; the table below has the numbers.");
    public static readonly Text ShowAsTable = new("以表格查看", "Show as a table");
    public static readonly Text WeekEnding = new("周末日期", "Week ending");
    public static readonly Text Total = new("合计", "Total");

    // Pregnancy list
    public static readonly Text ListTitle = new("孕产妇名单", "Pregnancies");
    public static readonly Text Filters = new("筛选条件", "Filters");
    public static readonly Text MoreFilters = new("更多筛选条件", "More filters");
    public static readonly Text ApplyFilters = new("筛选", "Filter");
    public static readonly Text ClearFilters = new("清除", "Clear");
    public static readonly Text RiskColour = new("风险分级", "Risk colour");
    public static readonly Text Any = new("全部", "All");
    public static readonly Text PurpleOnly = new("仅紫色（传染病）", "Purple (infectious disease) only");
    public static readonly Text OverdueOnly = new("仅逾期未随访", "Overdue only");
    public static readonly Text Village = new("村/社区", "Village or residents' committee");
    public static readonly Text Search = new("搜索", "Search");
    public static readonly Text SearchHint = new("姓名、手机号，或身份证号、手机号的后 4 位", "Name, mobile number, or the last 4 digits of the ID or mobile number");
    public static readonly Text Status = new("状态", "Status");
    public static readonly Text StatusOpen = new("在册", "Open");
    public static readonly Text StatusClosed = new("已结案", "Closed");
    public static readonly Text StatusPostpartum = new("产后管理中（至42天检查）", "After the birth (to the 42-day check)");
    public static readonly Text Name = new("姓名", "Name");
    public static readonly Text GestationalAge = new("孕周", "Gestational age");
    public static readonly Text WeeksDays = new("{0}周+{1}天", "{0}w+{1}d");
    public static readonly Text Weeks = new("{0}周", "{0} weeks");
    public static readonly Text NextDue = new("下次随访", "Next due");
    public static readonly Text DaysOverdue = new("逾期天数", "Days overdue");
    public static readonly Text DaysOverdueValue = new("逾期 {0} 天", "{0} days overdue");
    public static readonly Text NoPregnancies = new("没有符合条件的孕产妇。", "No pregnancies match.");
    public static readonly Text NextPage = new("下一页", "Next page");
    public static readonly Text FirstPage = new("回到第一页", "First page");
    public static readonly Text Results = new("查询结果", "Results");

    // Case
    public static readonly Text ResidentId = new("身份证号", "Resident ID");
    public static readonly Text Mobile = new("手机号", "Mobile");
    public static readonly Text Age = new("年龄", "Age");
    public static readonly Text AgeYears = new("{0} 岁", "{0} years");
    public static readonly Text Lmp = new("末次月经", "LMP");
    public static readonly Text Edd = new("预产期", "EDD");
    public static readonly Text Residence = new("居住地", "Residence");
    public static readonly Text Address = new("详细地址", "Address");
    public static readonly Text BookingFacility = new("建册机构", "Booking facility");
    public static readonly Text HealthWorker = new("责任医生", "Responsible health worker");
    public static readonly Text BookingDate = new("建册日期", "Booked on");
    public static readonly Text CurrentGrade = new("当前风险分级", "Current grade");
    public static readonly Text RiskFactors = new("高危因素", "Risk factors");
    public static readonly Text NoRiskFactors = new("未发现高危因素。", "No risk factors.");
    public static readonly Text EvidenceMeasured = new("{0} {1} {2}（{3} 产检，{4}）", "{0} {1} {2} (exam of {3}, {4})");
    public static readonly Text EvidenceValue = new("{0} {1} {2}", "{0} {1} {2}");
    public static readonly Text EvidenceHistory = new("{0} {1} {2}（建册时记录的孕产史）", "{0} {1} {2} (history taken at booking)");
    public static readonly Text EvidenceCoded = new("{0} 于 {1} 记录", "recorded by {0} on {1}");
    public static readonly Text EvidenceImplied = new("由“{0}”推定", "implied by “{0}”");
    public static readonly Text EvidenceRaise = new("{0} 于 {1} 手动上调：{2}", "raised by {0} on {1}: {2}");
    public static readonly Text GradeHistory = new("评级记录", "Grade history");
    public static readonly Text GradedBy = new("评估人：{0}", "by {0}");
    public static readonly Text CatalogueVersion = new("评估表版本：{0}", "catalogue {0}");
    public static readonly Text Exams = new("产检记录", "Exams");
    public static readonly Text EarlierExams = new("更早的产检（{0} 次）", "Earlier exams ({0})");
    public static readonly Text RecordedAt = new("录入 {0}", "entered {0}");
    public static readonly Text NoExams = new("尚无产检记录。", "No exams yet.");
    public static readonly Text FollowUps = new("随访记录", "Follow-up contacts");
    public static readonly Text NoFollowUps = new("尚无随访记录。", "No follow-up contacts yet.");
    public static readonly Text Alerts = new("预警", "Alerts");
    public static readonly Text NoAlerts = new("没有预警。", "No alerts.");
    public static readonly Text NextDueDate = new("下次随访日期", "Next due date");
    public static readonly Text NothingDue = new("无", "None");
    public static readonly Text RecordExam = new("记录产检", "Record an exam");
    public static readonly Text RecordFollowUp = new("记录随访", "Record a follow-up");
    public static readonly Text ClosePregnancy = new("结案", "Close");
    public static readonly Text ClosedOn = new("已结案：{0}，{1}", "Closed: {0} on {1}");
    public static readonly Text NotFound = new("没有找到这条记录，或它不在您的管理范围内。", "No such record, or it is outside your area.");
    public static readonly Text GradeAfter = new("检查后分级", "Grade after");
    public static readonly Text FindingsResolved = new("已解除：{0}（{1}）", "Resolved: {0} ({1})");
    public static readonly Text ExamSaved = new("产检已保存。", "The exam is saved.");
    public static readonly Text FollowUpSaved = new("随访已保存。", "The follow-up contact is saved.");
    public static readonly Text PregnancyBooked = new("建册成功。", "The pregnancy is booked.");
    public static readonly Text PregnancyClosed = new("已结案。", "The pregnancy is closed.");

    // Booking
    public static readonly Text BookTitle = new("孕产妇建册", "Book a pregnancy");
    public static readonly Text TheWoman = new("孕妇基本信息", "The woman");
    public static readonly Text ThisPregnancy = new("本次妊娠", "This pregnancy");
    public static readonly Text ObstetricHistory = new("孕产史", "Obstetric history");
    public static readonly Text FindingsAtBooking = new("高危因素筛查", "Risk factors found");
    public static readonly Text FullName = new("姓名", "Full name");
    public static readonly Text ResidentIdNumber = new("身份证号码", "Resident ID number");
    public static readonly Text MobileNumber = new("手机号码", "Mobile number");
    public static readonly Text LmpDate = new("末次月经第一天", "First day of the last menstrual period (LMP)");
    public static readonly Text EddDate = new("预产期", "Expected date of delivery (EDD)");
    public static readonly Text EddHint = new("不清楚末次月经时填写预产期，两者填一项即可。", "Give the EDD only when the LMP is unknown; one of the two is enough.");
    public static readonly Text Township = new("乡镇/街道", "Township or sub-district");
    public static readonly Text TownshipOnly = new("（不选村/社区）", "(township only)");
    public static readonly Text UpdateVillages = new("更新村/社区列表", "Update the village list");
    public static readonly Text DivisionCode = new("居住地区划代码", "Residence division code");
    public static readonly Text DivisionCodeHint = new("12 位村/社区代码或 9 位乡镇/街道代码", "The 12-digit village or 9-digit township code");
    public static readonly Text HeightCm = new("身高", "Height");
    public static readonly Text WeightKg = new("体重（孕前或建册时）", "Weight (before pregnancy or at booking)");
    public static readonly Text Gravidity = new("孕次（含本次）", "Gravidity (including this pregnancy)");
    public static readonly Text Parity = new("产次", "Parity");
    public static readonly Text Abortions = new("流产次数", "Abortions");
    public static readonly Text Cesareans = new("剖宫产次数", "Caesareans");
    public static readonly Text UterineSurgeries = new("其他子宫手术次数", "Other uterine operations");
    public static readonly Text LastUterineSurgery = new("末次子宫手术日期", "Last uterine operation");
    public static readonly Text BookingDateLater = new("建册日期（补录纸质记录时填写）", "Booking date (when entering a paper record later)");
    public static readonly Text SearchFactors = new("搜索高危因素", "Search the risk factors");
    public static readonly Text FindingsHint = new("勾选已发现的情况；输入关键字可筛选。", "Tick what was found; type to filter the list.");
    public static readonly Text SaveBooking = new("保存建册", "Book");
    public static readonly Text OpenExisting = new("查看已有的妊娠记录", "Open the existing record");
    public static readonly Text FormHasErrors = new("有 {0} 处需要修改，请查看各项下方的提示。", "{0} fields need correcting; see the messages beside them.");
    public static readonly Text Required = new("（必填）", " (required)");

    // A form field that could not be read as what it must be, before any command is sent
    public static readonly Text NotANumber = new("请填写数字。", "Give a number.");
    public static readonly Text NotAWholeNumber = new("请填写整数。", "Give a whole number.");
    public static readonly Text NotADate = new("请按“年-月-日”填写日期。", "Give the date as yyyy-mm-dd.");

    // Exam
    public static readonly Text ExamTitle = new("记录产检", "Record an exam");
    public static readonly Text ExamDate = new("检查日期", "Exam date");
    public static readonly Text ExamFacility = new("检查机构", "Facility");
    public static readonly Text Examiner = new("检查医生", "Examiner");
    public static readonly Text Measurements = new("检查指标", "Measurements");
    public static readonly Text MoreMeasurements = new("更多指标（心脏、肝肾功能、用药等）", "More measurements (heart, liver, kidney, medication …)");
    public static readonly Text NotTested = new("未查", "not tested");
    public static readonly Text NewFindings = new("本次发现", "Found at this exam");
    public static readonly Text ResolveEarlier = new("解除以前记录的情况", "Resolve earlier findings");
    public static readonly Text Resolve = new("已解除", "Resolved");
    public static readonly Text ResolveReason = new("解除原因", "Why it is resolved");
    public static readonly Text Note = new("备注", "Note");
    public static readonly Text NextAppointment = new("下次预约日期", "Next appointment");
    public static readonly Text Preview = new("预计风险分级", "Expected grade");
    public static readonly Text PreviewHint = new("按已填写的内容即时计算，保存后生效。", "Computed from what you have entered; it takes effect when you save.");
    public static readonly Text PreviewUnavailable = new("暂时无法预览：请检查填写的数值。", "No preview: check the values entered.");
    public static readonly Text PreviewRefused = new("按当前填写，保存时将被拒绝：", "Saving this would be refused:");
    public static readonly Text FindingNotNow = new("本次检查日期不能记录此项", "cannot be recorded on this exam's date");
    public static readonly Text Prompts = new("数值提示（由医生判断）", "The values suggest (the examiner decides)");
    public static readonly Text PromptsHint = new("以下情况只能由医生判断后勾选；提示本身不改变风险分级。", "Only a clinician codes these; a prompt does not change the grade.");
    public static readonly Text CodeFinding = new("勾选为本次发现", "Code as found");
    public static readonly Text SaveExam = new("保存产检", "Save the exam");
    public static readonly Text Cancel = new("返回", "Back");

    // Follow-up
    public static readonly Text FollowUpTitle = new("记录随访", "Record a follow-up contact");
    public static readonly Text ContactDate = new("随访日期", "Date");
    public static readonly Text ContactKind = new("随访方式", "How");
    public static readonly Text Reached = new("已联系上", "reached");
    public static readonly Text NotReached = new("未联系上", "not reached");
    public static readonly Text MovedAway = new("已迁出，去向不明", "moved away, no receiving facility");
    public static readonly Text ReceivingFacility = new("转出至", "Handed over to");
    public static readonly Text ReceivingFacilityHint = new(
        "接收她的机构（如外省某妇幼保健院）。迁出但没有接收机构时不要结案：请记录一次未联系上的随访并勾选“已迁出，去向不明”，她会列为失访。",
        "The facility that took her on. If she moved away and no facility has, do not close: " +
            "record a failed follow-up with \"moved away\"; she is listed as lost.");
    public static readonly Text PostpartumExam = new("产后风险评估", "Postpartum assessment");
    public static readonly Text PostpartumDay = new("产后第{0}天", "postpartum day {0}");
    public static readonly Text PostpartumExamHint = new(
        "产后风险评估（产后访视、产后42天检查）：产后第28天前的检查计为产后访视，第28天起计为产后42天检查，随后结束产后管理。产褥期疾病（如产褥感染、产后抑郁）或红色疾病产后尚未稳定，请在“本次发现”中勾选。",
        "Postpartum re-assessment (the postpartum visit, the 42-day check): an exam before day 28 counts as the postpartum visit, " +
            "from day 28 as the 42-day check, which ends the episode. " +
            "Code puerperal disease (infection, depression) or a red condition not yet stable after the birth under this exam's findings.");
    public static readonly Text PostpartumKindHint = new(
        "产后：入户或门诊随访计为产后访视；产后第28天起的门诊随访计为产后42天检查，随后结束随访。电话随访只计为联系，访视仍然到期。",
        "After the birth: a home or clinic visit is the postpartum visit; a clinic visit from day 28 is the 42-day check, which ends follow-up. " +
            "A phone call counts only as a contact: the visit stays due.");

    public static readonly Text MovedAwayHint = new(
        "未联系上且已迁出、没有接收机构时勾选：立即记为失访，找到本人前一直留在逾期名单上。",
        "Tick when she was not reached because she moved away and no facility has taken her on: " +
            "she is lost to follow-up at once and stays on the overdue list until found.");
    public static readonly Text ReachedQuestion = new("是否联系上本人", "Did you reach her?");
    public static readonly Text Yes = new("是", "Yes");
    public static readonly Text No = new("否", "No");
    public static readonly Text SaveFollowUp = new("保存随访", "Save the contact");

    // Close
    public static readonly Text CloseTitle = new("结案", "Close the pregnancy");
    public static readonly Text CloseWarning = new("结案后不能再记录产检。", "A closed pregnancy takes no more exams.");
    public static readonly Text Outcome = new("妊娠结局", "Outcome");
    public static readonly Text OutcomeDate = new("日期（分娩、流产、迁出等）", "Date (of the delivery, miscarriage, move …)");
    public static readonly Text DeliveryMode = new("分娩方式", "Delivery mode");
    public static readonly Text DischargeDate = new("出院日期", "Discharge date");
    public static readonly Text DeliveryOnly = new("（仅分娩时填写）", " (for a delivery only)");
    public static readonly Text ConfirmClose = new("确认结案", "Close the pregnancy");

    // Overdue list
    public static readonly Text OverdueTitle = new("逾期随访名单", "Overdue follow-up list");
    public static readonly Text Date = new("日期", "Date");
    public static readonly Text Show = new("查看", "Show");
    public static readonly Text DownloadXlsx = new("下载 Excel 表格（.xlsx）", "Download as .xlsx");
    public static readonly Text ListNotGenerated = new("{0} 的名单尚未生成（每天 7:00 生成）。", "The list for {0} is not made yet (lists are made at 07:00).");
    public static readonly Text NoOverdue = new("没有逾期未随访的孕产妇。", "Nobody is overdue.");
    public static readonly Text Rank = new("序号", "No.");
    public static readonly Text DueDate = new("应随访日期", "Due date");
    public static readonly Text DueKind = new("随访事项", "Due for");
    public static readonly Text LastContact = new("末次联系", "Last contact");
    public static readonly Text FailedAttempts = new("未联系上次数", "Failed attempts");
    public static readonly Text Lost = new("失访", "Lost");
    public static readonly Text ListMadeAt = new("生成时间：{0}", "Made at {0}");
    public static readonly Text ByTownship = new("各乡镇/街道逾期人数", "Overdue by township");
    public static readonly Text Names = new("逐人名单", "Names");
    public static readonly Text WholeArea = new("← 返回全部乡镇/街道", "← All townships");
    public static readonly Text UndeliveredAlerts = new("预警短信未送达", "Alert texts that did not arrive");
    public static readonly Text UndeliveredAlertsHint = new("以下预警短信发送失败或未送达（近 7 天），请电话通知责任人。", "These alert texts failed or did not arrive (last 7 days): phone the people concerned.");

    // Alerts
    public static readonly Text AlertsTitle = new("预警", "Alerts");
    public static readonly Text AlertsPending = new("待处理", "Waiting");
    public static readonly Text AlertRaised = new("发出时间", "Raised");
    public static readonly Text Messages = new("短信通知", "Text messages");
    public static readonly Text Attempts = new("尝试 {0} 次", "{0} attempts");
    public static readonly Text ActionTaken = new("采取的措施", "Action taken");
    public static readonly Text ActionHint = new("例如：已电话联系本人，明日转诊市妇幼保健院。", "For example: phoned her; referred to the city MCH hospital tomorrow.");
    public static readonly Text Acknowledge = new("确认已处理", "Acknowledge");
    public static readonly Text AcknowledgedBy = new("{0} 于 {1} 确认", "acknowledged by {0} at {1}");
    public static readonly Text Escalated = new("已于 {0} 上报上级", "escalated at {0}");
    public static readonly Text AlertAcknowledged = new("预警已确认。", "The alert is acknowledged.");
}
