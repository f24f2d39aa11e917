namespace HighRisk.Localization;

/// <summary>The texts of reminders to the woman herself: her consent and the reminders on her record (短信提醒).</summary>
public static partial class Texts
{
    public static readonly Text Reminders = new("短信提醒", "SMS reminders");
    public static readonly Text SmsConsentTitle = new("短信提醒同意", "Consent to SMS reminders");
    public static readonly Text SmsConsentGiven = new("已同意接收短信提醒（{0}）", "She agreed to SMS reminders ({0})");
    public static readonly Text SmsConsentWithdrawn = new("已拒绝或撤回短信提醒（{0}）", "She declined or withdrew SMS reminders ({0})");
    public static readonly Text SmsConsentNone = new("尚未记录是否同意短信提醒，不发送提醒。", "No consent recorded: no reminders are sent.");
    public static readonly Text SmsConsentRecordedBy = new("记录人：{0}", "Recorded by {0}");
    public static readonly Text SmsConsentByReply = new("本人回复退订", "by her SMS reply");
    public static readonly Text SmsConsentQuestion = new("是否同意接收短信提醒", "Does she agree to SMS reminders?");
    public static readonly Text SmsConsentYes = new("同意", "She agrees");
    public static readonly Text SmsConsentNo = new("不同意 / 撤回", "She declines or withdraws");
    public static readonly Text SmsConsentDate = new("表示日期", "Date she said so");
    public static readonly Text SmsConsentNote = new("方式说明", "How (form signed, by phone…)");
    public static readonly Text SmsConsentHint = new(
        "提醒只写机构名称和日期，不含风险颜色或诊断；每天最多一条，仅在 8:00–20:00 发送。撤回后未发出的提醒即取消；本人回复 TD 或“退订”也可撤回。",
        "A reminder names the facility and the date only, never her colour or a diagnosis; at most one a day, only 08:00–20:00. "
        + "Withdrawing cancels the reminders not yet sent; she can also withdraw by replying TD.");
    public static readonly Text SaveSmsConsent = new("保存", "Save");
    public static readonly Text SmsConsentSaved = new("短信提醒同意已保存。", "Her consent to SMS reminders is saved.");
    public static readonly Text NoReminders = new("暂无提醒。", "No reminders.");
    public static readonly Text ReminderFor = new("{0} 发送 · 提醒 {1} 的随访", "Sent on {0} · for the visit due {1}");
    public static readonly Text LastReminder = new("最近提醒", "Last reminder");
    public static readonly Text RemindersSent = new("当月发送给孕产妇本人的短信提醒数", "SMS reminders sent to the women in the month");
    public static readonly Text RemindersSentShort = new("提醒", "Reminders");
    public static readonly Text VisitedAfterReminder = new("提醒后7天内就诊或随访的比例", "Reminders followed by a visit within 7 days");
    public static readonly Text VisitedAfterReminderShort = new("7天内就诊", "Seen ≤7 d");
    public static readonly Text WithinWeek = new("未满7天 {0}", "{0} within 7 days");
}
