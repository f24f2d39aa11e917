namespace HighRisk.Localization;

/// <summary>The texts of two-way referral (双向转诊): the inbox, the referral and its forms, the slip, the form on her record.</summary>
public static partial class Texts
{
    public static readonly Text NavReferrals = new("转诊", "Referrals");

    // Inbox
    public static readonly Text ReferralsTitle = new("双向转诊", "Two-way referrals");
    public static readonly Text ReferralsIntro = new(
        "转入：转到本机构的孕产妇，请按时应答、登记到达并发送回执；转出：本辖区转出的孕产妇及接收机构的回执。",
        "Incoming: women referred to your facility — answer in time, record their arrival and send the feedback. Outgoing: your area's women and the feedback that came back.");
    public static readonly Text ReferralDirection = new("转诊方向", "Direction");
    public static readonly Text Incoming = new("转入", "Incoming");
    public static readonly Text Outgoing = new("转出", "Outgoing");
    public static readonly Text NoReferrals = new("没有符合条件的转诊。", "No referrals match.");
    public static readonly Text ColourAtReferral = new("转诊时分级", "Colour at referral");
    public static readonly Text Urgency = new("紧急程度", "Urgency");
    public static readonly Text FromTo = new("转出 → 接收", "From → to");
    public static readonly Text To = new("转至", "to");
    public static readonly Text ToPlace = new("转至{0}", "to {0}");
    public static readonly Text Deadlines = new("时限", "Deadlines");
    public static readonly Text AnswerBy = new("应答截止 {0}", "answer by {0}");
    public static readonly Text OutcomeBy = new("结果反馈截止 {0}", "outcome due {0}");
    public static readonly Text AnswerLate = new("应答逾期", "Answer late");
    public static readonly Text OutcomeLate = new("结果逾期", "Outcome late");
    public static readonly Text FeedbackNew = new("新反馈", "New feedback");
    public static readonly Text FeedbackOn = new("{0} 回执", "feedback {0}");
    public static readonly Text FollowUpOnValue = new("下转随访 {0}", "follow-up {0}");

    // Home
    public static readonly Text OpenIncomingReferrals = new("待处理的转入转诊", "Open incoming referrals");
    public static readonly Text NewReferralFeedback = new("未读的转诊回执", "Unread referral feedback");

    // The referral
    public static readonly Text ReferralOf = new("{0}的转诊", "{0}'s referral");
    public static readonly Text AllReferrals = new("← 转诊列表", "← All referrals");
    public static readonly Text TheReferral = new("转诊信息", "The referral");
    public static readonly Text FromFacility = new("转出单位", "From");
    public static readonly Text ToFacility = new("接收机构", "To");
    public static readonly Text ReferredOn = new("转诊日期", "Referred on");
    public static readonly Text ReferredBy = new("转诊人", "Referred by");
    public static readonly Text ReferralReason = new("转诊原因", "Reason");
    public static readonly Text AnswerDeadline = new("应答时限", "Answer by");
    public static readonly Text OutcomeDeadline = new("结果反馈时限", "Outcome due");
    public static readonly Text ReferralSteps = new("转诊经过", "Steps");
    public static readonly Text StepRequested = new("发出转诊", "Referred");
    public static readonly Text StepAccepted = new("接收", "Accepted");
    public static readonly Text StepDeclined = new("拒收", "Declined");
    public static readonly Text StepArrived = new("到达", "Arrived");
    public static readonly Text StepCompleted = new("回执", "Feedback sent");
    public static readonly Text StepCancelled = new("撤销", "Cancelled");
    public static readonly Text StepBy = new("{0} · {1}", "{0} · by {1}");
    public static readonly Text Feedback = new("回执", "Feedback");
    public static readonly Text Findings = new("检查所见", "Findings");
    public static readonly Text Treatment = new("处理", "Treatment");
    public static readonly Text Advice = new("建议", "Advice");
    public static readonly Text FollowUpOn = new("下转随访日期", "Follow-up by her township on");
    public static readonly Text HerDetails = new("孕产妇信息", "Her details");
    public static readonly Text RecordUntil = new("接收机构可查看她的档案至 {0}", "Your facility may read her record until {0}");
    public static readonly Text SummaryAtReferral = new("转诊时病情摘要", "Summary at referral");
    public static readonly Text NoSlip = new("这条转诊没有病情摘要（系统升级前的记录）。", "This referral has no summary (made before the upgrade).");
    public static readonly Text LatestExam = new("最近一次产检", "Latest exam");
    public static readonly Text NoExamYet = new("转诊时尚无产检记录。", "No exam recorded by then.");
    public static readonly Text PlanAtReferral = new("管理计划（第 {0} 版，{1} 制定）", "Plan (version {0}, by {1})");
    public static readonly Text PrintSlip = new("打印双向转诊单", "Print the referral slip");

    // Its forms
    public static readonly Text ReferralActions = new("转诊操作", "Actions");
    public static readonly Text NoReferralActions = new("这条转诊当前没有您可以进行的操作。", "Nothing for you to do on this referral now.");
    public static readonly Text AcceptReferral = new("接收转诊", "Accept the referral");
    public static readonly Text AcceptHint = new("接收后请安排她就诊；她到达时在此登记。", "Once accepted, arrange her visit; record her arrival here.");
    public static readonly Text DeclineReferral = new("拒收", "Decline");
    public static readonly Text DeclineReason = new("拒收原因", "Reason");
    public static readonly Text DeclineHint = new("转出方会看到原因；请说明建议转往何处。", "The sender sees it: say where she should go instead.");
    public static readonly Text RecordArrival = new("登记到达", "Record her arrival");
    public static readonly Text ArrivedOn = new("到达日期", "Arrived on");
    public static readonly Text SendFeedback = new("回执与下转", "Feedback and referral back");
    public static readonly Text SendFeedbackButton = new("发送回执", "Send the feedback");
    public static readonly Text FollowUpOnHint = new("她所在乡镇在这一天随访她（今天起半年之内）。", "Her township sees her on that day (within six months from today).");
    public static readonly Text CancelReferral = new("撤销转诊", "Cancel the referral");
    public static readonly Text CancelReason = new("撤销原因", "Reason");
    public static readonly Text CancelReferralHint = new("她到达接收机构之前可以撤销。", "Possible until she arrives.");
    public static readonly Text ReferralSent = new("转诊已发出。", "The referral is sent.");
    public static readonly Text ReferralAccepted = new("已接收转诊。", "The referral is accepted.");
    public static readonly Text ReferralDeclined = new("已拒收。", "The referral is declined.");
    public static readonly Text ArrivalRecorded = new("已登记到达。", "Her arrival is recorded.");
    public static readonly Text FeedbackSent = new("回执已发送。", "The feedback is sent.");
    public static readonly Text ReferralCancelled = new("转诊已撤销。", "The referral is cancelled.");

    // The form on her record
    public static readonly Text ReferHer = new("发起转诊", "Refer her");
    public static readonly Text ReferTo = new("接收机构", "Refer to");
    public static readonly Text ReferralReasonHint = new("例如：肺动脉高压，需上级医院评估能否继续妊娠。", "For example: pulmonary hypertension; assessment at a higher level on continuing the pregnancy.");
    public static readonly Text AnswerWithinHours = new("{0} 小时内应答", "answered within {0} hours");
    public static readonly Text AnswerWithinDays = new("{0} 个工作日内应答", "answered within {0} working days");
    public static readonly Text EmergencyHint = new(
        "急诊立即短信通知接收机构值班人员；危重孕产妇救治中心不得拒收。请同时电话联系。",
        "An emergency texts the facility's on-duty number at once; a critical care centre may not decline it. Phone them too.");
    public static readonly Text SmsOnFeedback = new("回执时短信通知我", "Text me when the feedback comes");
    public static readonly Text SmsOnFeedbackHint = new("发送到您账号登记的手机号。", "To the mobile number of your account.");
    public static readonly Text SendReferral = new("发出转诊", "Send the referral");
    public static readonly Text Referrals = new("转诊", "Referrals");
    public static readonly Text NoReferralsYet = new("没有转诊记录。", "No referrals.");

    // The slip
    public static readonly Text SlipTitle = new("高危孕产妇双向转诊单", "Two-way referral slip");
    public static readonly Text SlipOut = new("转出（上转）", "Referral (up)");
    public static readonly Text SlipBack = new("回执（下转）", "Feedback (back down)");
    public static readonly Text SlipCut = new("沿此线裁开，回执由接收机构填写后交回转出单位", "Cut here: the receiving facility fills in the feedback and sends it back");
    public static readonly Text Print = new("打印", "Print");
    public static readonly Text BackToReferral = new("← 返回转诊", "← Back to the referral");
    public static readonly Text Signature = new("签名", "Signature");
    public static readonly Text FilledBy = new("填写人", "Filled in by");

    public static readonly Text ThroughReferral = new(
        "该孕妇不在本辖区，本机构因转诊可查看其档案并录入产检，转诊完成 30 天后自动停止。", "She is outside your area: your facility sees her record and records exams through the referral, until 30 days after it completes.");
}
