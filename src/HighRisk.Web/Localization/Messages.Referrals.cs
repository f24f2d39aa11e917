namespace HighRisk.Localization;

/// <summary>Two-way referral's entries (双向转诊).</summary>
public static partial class Messages
{
    public static readonly Message ReferralState = new("ReferralState", "The referral is {State}: that cannot be done now.", "该转诊当前为「{State}」状态，不能进行此操作。");
    public static readonly Message ReferralEmergencyNotDeclinable = new(
        "ReferralEmergencyNotDeclinable", "A critical maternal care centre may not decline an emergency referral (green channel).",
        "危重孕产妇救治中心不得拒收急诊（绿色通道）转诊。");
    public static readonly Message ReferralDateBeforeReferral = new("ReferralDateBeforeReferral", "The date cannot be before the referral ({Date}).", "日期不能早于转诊日期（{Date}）。");
    public static readonly Message ReferralAlreadyOpen = new(
        "ReferralAlreadyOpen", "She already has an open referral to this facility; follow it instead of sending another.", "该孕妇已有转往此机构且尚未完成的转诊。");
    public static readonly Message ReferralToOwnFacility = new("ReferralToOwnFacility", "A referral goes to another facility than the sender's own.", "不能转诊到本机构。");
    public static readonly Message ReferralNotReceiver = new(
        "ReferralNotReceiver", "Only the staff of the facility the referral was sent to can answer it.", "只有接收转诊机构的人员可以进行此操作。");
    public static readonly Message ReferralNotSender = new("ReferralNotSender", "Only the sending side can cancel a referral or record its outcome.", "只有转出方可以取消转诊或登记转诊结果。");
    public static readonly Message ReferralFollowUpInPast = new("ReferralFollowUpInPast", "The follow-up date cannot be in the past.", "回访日期不能早于今天。");
    public static readonly Message ReferralFollowUpTooFar = new("ReferralFollowUpTooFar", "The follow-up date must be within 6 months.", "回访日期应在半年之内。");
    public static readonly Message ReferralDirection = new("ReferralDirection", "The direction must be incoming or outgoing.", "方向应为转入或转出。");
    public static readonly Message ReferralStatusFilter = new(
        "ReferralStatusFilter", "The status must be open, requested, accepted, declined, arrived, completed, cancelled or late.", "状态筛选不正确。");
    public static readonly Message ReferralNoFacility = new(
        "ReferralNoFacility", "Your account is not tied to a facility: give the facility whose incoming referrals to list.", "您的账号未关联机构，请指定要查看的接收机构。");
    public static readonly Message ContactFacilityOnlyOnDuty = new("ContactFacilityOnlyOnDuty", "A facility is given only for a facility's on-duty contact.", "只有机构转诊值班联系人需要填写机构。");
}
