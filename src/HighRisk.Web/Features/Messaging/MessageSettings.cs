namespace HighRisk.Features.Messaging;

/// <summary>
/// How HighRisk signs and times the messages it sends, read once at start-up: the SMS signature (Sms:SignName), how long
/// an alert and a digest may wait before they are no longer worth sending (Sms:TimeToLiveHours, Sms:DigestTimeToLiveHours),
/// and the address links point to (App:PublicUrl). docs/operations.md lists them.
/// </summary>
public sealed record MessageSettings(string SignName, TimeSpan TimeToLive, TimeSpan DigestTimeToLive, string PublicUrl)
{
    public static MessageSettings From(IConfiguration configuration) => new(
        configuration["Sms:SignName"] ?? "高危孕产妇管理",
        TimeSpan.FromHours(configuration.GetValue("Sms:TimeToLiveHours", 72)),
        TimeSpan.FromHours(configuration.GetValue("Sms:DigestTimeToLiveHours", 12)),
        (configuration["App:PublicUrl"] ?? "http://localhost:5080").TrimEnd('/'));
}
