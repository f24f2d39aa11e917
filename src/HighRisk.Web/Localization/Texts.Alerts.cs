namespace HighRisk.Localization;

/// <summary>The alerts page's texts for alerts with nobody to tell, and the administrators' list of townships without a contact.</summary>
public static partial class Texts
{
    public static readonly Text NoRecipient = new(
        "无人接收：本地及上级均未设置联系人，短信未发出。请电话通知责任人，并在管理中添加联系人。",
        "Nobody to tell: no contact here or above, no text was sent. Phone the people concerned and add a contact.");

    public static readonly Text EscalatedNoRecipient = new("本地无联系人，已直接通知上级", "Nobody to tell locally: sent to the level above");

    public static readonly Text MissingContactsTitle = new("缺少预警联系人", "Alert contacts missing");

    public static readonly Text MissingContactsAlerts = new("{0} 条预警无人接收，尚未确认。", "{0} alert(s) reached nobody and are not acknowledged.");

    public static readonly Text MissingContactsIntro = new(
        "以下乡镇有在管孕产妇，但未设置乡镇妇幼专干或县级值班联系人；红色预警将直接发给上级，或无人接收。",
        "These townships have women under management but no township MCH staff or county on-duty contact: their red alerts go to the level above, or to nobody.");

    public static readonly Text MissingContactsWomen = new("孕产妇", "Women");

    public static readonly Text MissingContactsEscalatedTo = new("预警改发", "Alerts go to");

    public static readonly Text MissingContactsNobody = new("无人", "Nobody");
}
