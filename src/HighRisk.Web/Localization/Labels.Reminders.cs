namespace HighRisk.Localization;

/// <summary>Labels of reminders' values: a reminder's status as the API names it (its SMS's, or cancelled).</summary>
public static partial class Labels
{
    public static Text ReminderStatus(string status) => status switch
    {
        "queued" or "sending" => new("待发送", "Waiting"),
        "sent" => new("已发送", "Sent"),
        "delivered" => new("已送达", "Delivered"),
        "failed" => new("发送失败", "Not delivered"),
        "expired" => new("未能发送", "Not sent in time"),
        "cancelled" => new("已取消", "Cancelled"),
        _ => Text.Same(status),
    };
}
