using System.Globalization;
using System.Net;
using System.Text.Json;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// Alibaba Cloud's SendSms is not idempotent: OutId is only echoed back (in receipts and send details), so sending again
/// after an attempt whose answer was lost — a timeout, a connection broken after the request went out, a worker that
/// died before recording the answer — could put the SMS on the handset twice. Before such a message is sent again, the
/// gateway asks QuerySendDetails (2017-05-25) for the messages sent to its number on each day since it was queued and
/// looks for its OutId:
/// found → accepted, nothing sent (the send details carry no BizId; receipts match on OutId);
/// not found → sent, once the unanswered attempt is at least Sms:Aliyun:ListedWithinSeconds old (Alibaba lists a message
/// a little after taking it; before that the message waits for its next attempt);
/// the look-up unanswered or refused for a passing reason (5xx, throttled) → nothing sent, retried later;
/// the look-up refused for good (e.g. the RAM user lacks dysms:QuerySendDetails) → sent anyway and logged: a duplicate
/// is better than a lost alert.
/// </summary>
public sealed partial class AliyunSmsGateway
{
    /// <summary>QuerySendDetails takes at most 50 a page; more than 10 pages (500 SMS to one number in a day) are not read.</summary>
    private const int PageSize = 50;

    private const int MaxPages = 10;

    /// <summary>QuerySendDetails answers for the last 30 days only.</summary>
    private static readonly TimeSpan QueryableDays = TimeSpan.FromDays(29);

    /// <summary>
    /// What to record instead of sending the message, or null to send it. <paramref name="unansweredAt"/> is when the
    /// last attempt whose outcome is unknown went out (business clock).
    /// </summary>
    private async Task<SmsSendResult?> LookUpAsync(SmsMessage message, DateTimeOffset unansweredAt, CancellationToken cancellationToken)
    {
        var outId = message.Id.ToString("N");
        foreach (var day in SendDates(message))
        {
            for (var page = 1; page <= MaxPages; page++)
            {
                var parameters = new Dictionary<string, string>
                {
                    ["Action"] = "QuerySendDetails",
                    ["CurrentPage"] = page.ToString(CultureInfo.InvariantCulture),
                    ["PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
                    ["PhoneNumber"] = message.Recipient,
                    ["SendDate"] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                };
                var reply = await CallAsync(Signed(parameters, Guid.NewGuid().ToString(), TimeProvider.System.GetUtcNow()), cancellationToken);
                if (reply.Failure is { } failure)
                {
                    return SmsSendResult.StillUnknown("an earlier attempt went unanswered and the look-up failed: " + failure.Error);
                }

                var details = ReadSendDetails(reply.Status, reply.Body);
                if (details.Refusal is { } refusal)
                {
                    if (refusal.Outcome == SmsSendOutcome.Transient)
                    {
                        return SmsSendResult.StillUnknown("an earlier attempt went unanswered and the look-up was refused: " + refusal.Error);
                    }

                    LogLookUpRefused(log, message.Id, refusal.Error);
                    return null;
                }

                if (details.OutIds.Contains(outId))
                {
                    LogFound(log, message.Id, day);
                    return SmsSendResult.Accepted(null);
                }

                if (page * PageSize >= details.TotalCount)
                {
                    break;
                }
            }
        }

        var age = clock.Now - unansweredAt;
        return age < _settings.ListedWithin
            ? SmsSendResult.StillUnknown(string.Create(CultureInfo.InvariantCulture, $"an earlier attempt went unanswered {age.TotalSeconds:0} s ago and is not listed yet; looked up again later"))
            : null;
    }

    /// <summary>
    /// The days (Beijing) on which an attempt can have been made, newest first: from the day the message was queued to
    /// today. Alibaba dates its records by the real clock, so the message's age (business clock) is counted back from it.
    /// </summary>
    private IEnumerable<DateOnly> SendDates(SmsMessage message)
    {
        var age = clock.Now - message.CreatedAt;
        age = age < TimeSpan.Zero ? TimeSpan.Zero : age > QueryableDays ? QueryableDays : age;
        var now = TimeProvider.System.GetUtcNow();
        var today = Beijing(now);
        for (var day = today; day >= Beijing(now - age); day = day.AddDays(-1))
        {
            yield return day;
        }
    }

    private static DateOnly Beijing(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>
    /// A QuerySendDetails answer: <c>{"Code": "OK", "TotalCount": …, "SmsSendDetailDTOs": {"SmsSendDetailDTO": [{"OutId": …,
    /// "SendStatus": 1 waiting for the receipt | 2 failed | 3 delivered, …}]}}</c>. Any other answer is a refusal, read as
    /// a SendSms answer would be (<see cref="Interpret"/>).
    /// </summary>
    public static (HashSet<string> OutIds, int TotalCount, SmsSendResult? Refusal) ReadSendDetails(HttpStatusCode status, string body)
    {
        var outIds = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if ((int)status is >= 200 and < 300 && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == "OK")
            {
                if (root.TryGetProperty("SmsSendDetailDTOs", out var dtos) && dtos.ValueKind == JsonValueKind.Object
                    && dtos.TryGetProperty("SmsSendDetailDTO", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var detail in list.EnumerateArray())
                    {
                        if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("OutId", out var id) && id.ValueKind == JsonValueKind.String)
                        {
                            outIds.Add(id.GetString()!);
                        }
                    }
                }

                return (outIds, TotalCount(root), null);
            }
        }
        catch (JsonException)
        {
            // read below as a refusal
        }

        var refusal = Interpret(status, body);
        return (outIds, 0, refusal.Outcome == SmsSendOutcome.Accepted ? SmsSendResult.Transient("QuerySendDetails answered without its details") : refusal);
    }

    /// <summary>TotalCount comes as a string in Alibaba's SDK models and as a number in its examples; either is read.</summary>
    private static int TotalCount(JsonElement root) =>
        !root.TryGetProperty("TotalCount", out var total) ? 0
        : total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var number) ? number
        : total.ValueKind == JsonValueKind.String && int.TryParse(total.GetString(), CultureInfo.InvariantCulture, out var text) ? text
        : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId}: an earlier unanswered attempt was taken by aliyun (listed on {Day}); not sent again")]
    private static partial void LogFound(ILogger logger, Guid messageId, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SMS {MessageId}: an earlier attempt went unanswered and QuerySendDetails refused the look-up ({Error}); sent again, which may deliver it twice")]
    private static partial void LogLookUpRefused(ILogger logger, Guid messageId, string? error);
}
