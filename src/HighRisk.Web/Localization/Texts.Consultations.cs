namespace HighRisk.Localization;

/// <summary>The texts of consultation (会诊): the list, the consultation page, the ask form and her record.</summary>
public static partial class Texts
{
    public static readonly Text NavConsultations = new("会诊", "Consultations");

    // List
    public static readonly Text ConsultationsTitle = new("会诊", "Consultations");
    public static readonly Text ConsultationsIntro = new(
        "向市、县专家组提出的会诊：自提出起 24 小时内答复，逾期未答复的会短信提醒妇幼值班人员和提出人。",
        "Questions to the city and county expert pools, answered within 24 hours; a late one is texted to the MCH contact and the asker.");
    public static readonly Text MineFilter = new("与我的关系", "Mine");
    public static readonly Text MineAsked = new("我提出的", "Asked by me");
    public static readonly Text MineTaken = new("我接诊的", "Taken by me");
    public static readonly Text MinePools = new("我所在专家组的", "In my pools");
    public static readonly Text LateOnly = new("只看逾期未答复", "Late only");
    public static readonly Text NoConsultations = new("没有符合条件的会诊。", "No consultations match.");
    public static readonly Text ExpertPool = new("专家组", "Expert pool");
    public static readonly Text Specialty = new("专科", "Specialty");
    public static readonly Text AnswerDue = new("答复时限", "Answer due");
    public static readonly Text AskedBy = new("提出人", "Asked by");
    public static readonly Text ConsultationLate = new("逾期未答复", "Late");
    public static readonly Text AnsweredLateNote = new("（超过时限答复）", " (after the deadline)");
    public static readonly Text LateEscalated = new("已于 {0} 短信提醒", "texted at {0}");

    // Consultation page
    public static readonly Text ConsultationOf = new("{0}的会诊", "{0}'s consultation");
    public static readonly Text AllConsultations = new("← 会诊列表", "← All consultations");
    public static readonly Text Question = new("会诊问题", "Question");
    public static readonly Text NameAndTime = new("{0}，{1}", "{0}, {1}");
    public static readonly Text TakenBy = new("接诊专家", "Taken by");
    public static readonly Text ExpertAnswer = new("会诊意见", "Answer");
    public static readonly Text RaisedTo = new("上调风险分级", "Raised her colour");
    public static readonly Text NotAnsweredYet = new("尚未答复。", "Not answered yet.");
    public static readonly Text TakeConsultation = new("接诊", "Take it");
    public static readonly Text TakeHint = new("接诊后由您答复；组内其他专家会看到已有人接诊。", "Once you take it, you answer it; the rest of the pool sees it is in hand.");
    public static readonly Text AnswerLegend = new("答复会诊", "Answer it");
    public static readonly Text ConsultationActions = new("操作", "Actions");
    public static readonly Text RaiseOptional = new("同时上调风险分级（可选）", "Raise her colour too (optional)");
    public static readonly Text RaiseHint = new(
        "与医生手动上调相同：只升不降，记入她的分级历史，红色会发出预警。", "As a clinician's raise: it never lowers her colour, goes into her grade history, and red alerts.");
    public static readonly Text RaiseColour = new("上调为", "Raise to");
    public static readonly Text NoRaise = new("不上调", "No raise");
    public static readonly Text RaiseReason = new("上调原因", "Reason");
    public static readonly Text SendAnswer = new("提交会诊意见", "Send the answer");
    public static readonly Text ConsultationMembersOnly = new("只有{0}的成员可以接诊和答复。", "Only the members of {0} take and answer it.");
    public static readonly Text ConsultationTakenByOther = new("{0} 已接诊，由其答复。", "{0} has taken it and answers it.");

    // Ask form
    public static readonly Text AskConsultation = new("申请会诊", "Ask for a consultation");
    public static readonly Text AskHint = new(
        "问题发给负责她所在地区的该专科专家组（本县的优先，其次本市），24 小时内答复。请写明需要专家回答的问题和相关情况。",
        "The question goes to the pool of that specialty for her area (her county's, else her city's), answered within 24 hours. Say what you need the expert to answer.");
    public static readonly Text PoolAuto = new("自动选择", "Choose for me");
    public static readonly Text PoolHint = new("一般不用选：按专科和她的居住地自动选择。", "Usually left alone: chosen by specialty and where she lives.");
    public static readonly Text SendQuestion = new("提交会诊申请", "Send the question");

    // Flash
    public static readonly Text ConsultationAskedFlash = new("会诊申请已提交。", "The question is sent.");
    public static readonly Text ConsultationTakenFlash = new("已接诊，请尽快答复。", "You have taken it; please answer soon.");
    public static readonly Text ConsultationAnsweredFlash = new("会诊意见已提交。", "The answer is sent.");

    // Her record
    public static readonly Text Consultations = new("会诊", "Consultations");
    public static readonly Text NoConsultationsOnRecord = new("没有会诊记录。", "No consultations.");
}
