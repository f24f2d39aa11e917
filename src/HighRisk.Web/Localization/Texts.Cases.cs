namespace HighRisk.Localization;

/// <summary>The texts of case management (专案管理): the board, the case page, its forms.</summary>
public static partial class Texts
{
    public static readonly Text NavCases = new("专案", "Cases");

    // Board
    public static readonly Text CasesTitle = new("专案管理", "Case management");
    public static readonly Text CasesIntro = new(
        "橙色、红色、紫色孕产妇逐一追踪、动态管理：红色在前，其次逾期未随访，再按预产期先后。",
        "Every orange, red and purple woman, one by one: red first, then the overdue, then by EDD.");
    public static readonly Text CaseStatusOpen = new("管理中", "Open");
    public static readonly Text CaseStatusClosed = new("已结案", "Closed");
    public static readonly Text CaseManager = new("专案负责人", "Case manager");
    public static readonly Text MineOnly = new("我负责的", "Mine");
    public static readonly Text Unassigned = new("未指定", "Unassigned");
    public static readonly Text CaseFlags = new("需要处理", "Needs action");
    public static readonly Text NoCases = new("没有符合条件的专案。", "No cases match.");
    public static readonly Text GestationAndEdd = new("孕周 / 预产期", "Gestation / EDD");
    public static readonly Text DaysToEdd = new("距预产期 {0} 天", "EDD in {0} days");
    public static readonly Text DaysPastEdd = new("超过预产期 {0} 天", "{0} days past the EDD");
    public static readonly Text CaseReport = new("报告", "Report");
    public static readonly Text CasePlan = new("管理计划", "Plan");
    public static readonly Text FacilityLevelCheck = new("机构级别", "Facility level");
    public static readonly Text LevelMatches = new("相符", "Matches");
    public static readonly Text OpenReferral = new("转诊", "Referral");
    public static readonly Text ReferralTo = new("转至{0}，{1} 前反馈结果", "to {0}; outcome due {1}");
    public static readonly Text ReferralLate = new("转诊逾期", "Referral late");

    // Report and plan states
    public static readonly Text ReportDueAt = new("截止 {0}", "due {0}");
    public static readonly Text ReportAcknowledgedByAt = new("{0}，{1}", "by {0} at {1}");
    public static readonly Text ReportAcknowledgedLate = new("（超过时限确认）", " (after the deadline)");
    public static readonly Text ReportEscalated = new("已于 {0} 短信通知县级值班人员", "texted to the county on-duty contact at {0}");
    public static readonly Text PlanDueOn = new("应于 {0} 前制定", "due by {0}");
    public static readonly Text PlanVersionAge = new("第 {0} 版（{1} 天前），下次评估 {2}", "version {0} ({1} days old); next review {2}");
    public static readonly Text PlanVersionToday = new("第 {0} 版（今天），下次评估 {1}", "version {0} (today); next review {1}");

    // Case page
    public static readonly Text CaseOf = new("{0}的专案", "{0}'s case");
    public static readonly Text AllCases = new("← 专案列表", "← All cases");
    public static readonly Text PregnancyRecord = new("孕产妇档案", "Her record");
    public static readonly Text CaseState = new("专案状态", "Case state");
    public static readonly Text OpenedAs = new("开案", "Opened");
    public static readonly Text OpenedOnAs = new("{0}，开案时为", "{0}, as");
    public static readonly Text CaseClosedBy = new("{0} 由 {1} 结案：{2}", "closed {0} by {1}: {2}");
    public static readonly Text ManagerSince = new("{0}（{1} 起）", "{0} (since {1})");
    public static readonly Text CaseActions = new("专案操作", "Actions");
    public static readonly Text CaseClosedNoActions = new(
        "专案已结案；本次妊娠中她再次评为橙色、红色或紫色时将重新开案。", "The case is closed; it reopens if she is graded orange, red or purple again in this pregnancy.");
    public static readonly Text CaseActionsStaffOnly = new("只有县级、市级妇幼保健机构人员可以操作专案。", "Only county and city MCH staff act on cases.");
    public static readonly Text AcknowledgeReport = new("确认收到报告", "Acknowledge the report");
    public static readonly Text ReassignManager = new("改派负责人", "Reassign the case");
    public static readonly Text Reassign = new("改派", "Reassign");
    public static readonly Text NoEligibleManagers = new("没有负责该地区的县/市妇幼人员账号。", "No county or city MCH staff account covers her area.");
    public static readonly Text ReportAcknowledged = new("报告已确认。", "The report is acknowledged.");
    public static readonly Text ManagerAssigned = new("专案负责人已改派。", "The case has a new manager.");
    public static readonly Text PlanSaved = new("管理计划已保存。", "The plan is saved.");
    public static readonly Text PlanSavedMismatch = new("管理计划已保存，但机构级别低于她的风险分级的要求，请查看提示。", "The plan is saved, but a place is below what her colour asks: see the case state.");
    public static readonly Text CaseClosedFlash = new("专案已结案。", "The case is closed.");

    // Plans
    public static readonly Text Plans = new("管理计划", "Management plans");
    public static readonly Text NoPlans = new("尚未制定管理计划。", "No plan yet.");
    public static readonly Text PlanVersion = new("第 {0} 版", "Version {0}");
    public static readonly Text CurrentPlan = new("（现行）", " (current)");
    public static readonly Text WithNote = new("{0}（{1}）", "{0} ({1})");
    public static readonly Text PlanAuthor = new("{0} 于 {1} 制定", "by {0} at {1}");
    public static readonly Text EarlierPlans = new("以前的版本（{0}）", "Earlier versions ({0})");
    public static readonly Text CareFacility = new("产前保健机构", "Antenatal care at");
    public static readonly Text DeliveryFacility = new("计划分娩机构", "Delivery planned at");
    public static readonly Text TreatmentPlan = new("治疗方案", "Treatment plan");
    public static readonly Text EmergencyPlan = new("应急预案", "Emergency plan");
    public static readonly Text NextReviewDate = new("下次专案评估日期", "Next case review");

    // Plan form
    public static readonly Text AddPlan = new("新增管理计划（第 {0} 版）", "New plan (version {0})");
    public static readonly Text AddPlanHint = new(
        "与上级危重孕产妇救治中心共同制定。每次保存为新的一版，以前的版本保留。",
        "Made with the higher-level critical care centre. Each save is a new version; earlier ones are kept.");
    public static readonly Text PlanPlacesHint = new(
        "黄色：二级以上医院；橙色：县级及以上危重孕产妇救治中心产检，原则上三级医院分娩；红色：尽快到三级医院评估是否继续妊娠，继续者同橙色；紫色：按传染病管理。低于要求的机构会标为“机构级别不符”，仍可保存。",
        "Yellow: level 2 or above; orange: antenatal care at a county-level or higher critical care centre, delivery at level 3 where possible; " +
            "red: assessment at level 3 on continuing the pregnancy, then as orange; purple: infectious-disease rules. A place below that is saved, flagged as a level mismatch.");
    public static readonly Text ChooseFacility = new("请选择", "Choose");
    public static readonly Text SavePlan = new("保存管理计划", "Save the plan");
    public static readonly Text Continuation = new("是否继续妊娠的评估（红色）", "Whether to continue the pregnancy (red)");
    public static readonly Text ContinuationHint = new(
        "在三级医院评估。建议终止妊娠须由副主任医师及以上职称的医师评估确认，并告知本人风险。未评估时不填。",
        "Assessed at a level 3 hospital. Termination advice needs an associate chief physician or above, who tells her the risk. Leave empty until assessed.");
    public static readonly Text AssessmentDate = new("评估日期", "Assessed on");
    public static readonly Text AssessmentFacility = new("评估机构", "Assessed at");
    public static readonly Text Assessor = new("评估医师", "Assessor");
    public static readonly Text AssessorTitle = new("职称", "Title");
    public static readonly Text AssessmentOutcome = new("评估结论", "Outcome");
    public static readonly Text Pmtct = new("预防艾滋病、梅毒和乙肝母婴传播（紫色）", "PMTCT of HIV, syphilis and hepatitis B (purple)");
    public static readonly Text PmtctHint = new("勾选计划落实的项目；已完成的填写完成日期。", "Tick the items planned; give the date of those done.");
    public static readonly Text DoneOn = new("完成日期", "Done on");
    public static readonly Text NotDoneYet = new("未完成", "not done yet");

    // Close
    public static readonly Text CloseCase = new("结束专案", "Close the case");
    public static readonly Text CloseReason = new("结案原因", "Reason");
    public static readonly Text CloseCaseHint = new(
        "降级后（如连续两次评估为黄色）可结束专案；妊娠结案或产后42天检查后专案自动结束。",
        "Once she has come down (say, yellow at two assessments in a row); the case also ends with her pregnancy or the 42-day check.");
    public static readonly Text CloseCaseNotYet = new("她仍为{0}，降级后才能结束专案；妊娠结案时专案自动结束。", "She is still {0}: the case closes once she has come down, or with her pregnancy.");

    // Home and record
    public static readonly Text MyCases = new("我负责的专案", "My cases");
    public static readonly Text AllMyCases = new("查看我负责的全部专案", "All my cases");
    public static readonly Text CaseManagement = new("专案管理", "Case management");
}
