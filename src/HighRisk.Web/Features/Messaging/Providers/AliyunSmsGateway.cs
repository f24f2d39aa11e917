using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HighRisk.Infrastructure;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// Alibaba Cloud SMS (阿里云短信服务) SendSms, API version 2017-05-25, spoken over HTTPS without the vendor SDK: one
/// POST per message whose application/x-www-form-urlencoded body holds every parameter plus the RPC signature
/// (<see cref="AliyunSignature"/>). POST, not GET, so that the number and the text never appear in a URL that
/// HttpClient logs or tracing record. OutId is the outbox id in its 32-digit form ("N"): a retry carries the same one,
/// but Alibaba does not de-duplicate on it, so a message whose earlier attempt went unanswered is looked up first
/// (AliyunSmsGateway.LookUp.cs).
/// </summary>
public sealed partial class AliyunSmsGateway(HttpClient http, IConfiguration configuration, BusinessClock clock, ILogger<AliyunSmsGateway> log) : ISmsGateway
{
    public const string ApiVersion = "2017-05-25";

    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Worth retrying: throttled, quota for the day reached, trouble on Alibaba's side, a reused nonce (a retry makes a new one).</summary>
    private static readonly HashSet<string> TransientCodes =
    [
        "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR",
        "ServiceUnavailable", "InternalError", "SignatureNonceUsed",
    ];

    /// <summary>Retrying will not help: the number, the template, the signature, the account or the credentials are wrong.</summary>
    private static readonly HashSet<string> PermanentCodes =
    [
        "isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.AMOUNT_NOT_ENOUGH",
        "isv.OUT_OF_SERVICE", "isv.ACCOUNT_NOT_EXISTS", "isp.RAM_PERMISSION_DENY", "InvalidAccessKeyId.NotFound",
        "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch",
    ];

    private readonly AliyunSmsSettings _settings = AliyunSmsSettings.Read(configuration);

    public string Name => "aliyun";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var templateCode = message.TemplateCode ?? _settings.DefaultTemplateCode;
        if (templateCode is null)
        {
            return ProviderCall.Logged(log, Name, message, SmsSendResult.Permanent("the message has no template code and Sms:Aliyun:DefaultTemplateCode is not set"));
        }

        if (message.UnansweredAttemptAt is { } unansweredAt && await LookUpAsync(message, unansweredAt, cancellationToken) is { } found)
        {
            return ProviderCall.Logged(log, Name, message, found);
        }

        // The wall clock, not the business clock: Alibaba refuses a Timestamp more than 15 minutes from real time.
        var body = SignedBody(message, templateCode, Guid.NewGuid().ToString(), TimeProvider.System.GetUtcNow());
        var reply = await CallAsync(body, cancellationToken);
        return ProviderCall.Logged(log, Name, message, reply.Failure ?? Interpret(reply.Status, reply.Body));
    }

    /// <summary>The request body: the canonical query of every parameter, then the signature for POST.</summary>
    public string SignedBody(SmsMessage message, string templateCode, string nonce, DateTimeOffset timestamp) =>
        Signed(SendSmsParameters(message, templateCode), nonce, timestamp);

    /// <summary>One POST of a signed body to the endpoint, under Sms:TimeoutSeconds.</summary>
    private async Task<ProviderReply> CallAsync(string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return await ProviderCall.SendAsync(http, request, _settings.Timeout, cancellationToken);
    }

    /// <summary>The action's own parameters with the common ones added, as a form body with its signature.</summary>
    private string Signed(Dictionary<string, string> parameters, string nonce, DateTimeOffset timestamp)
    {
        parameters["AccessKeyId"] = _settings.AccessKeyId;
        parameters["Format"] = "JSON";
        parameters["RegionId"] = _settings.RegionId;
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureNonce"] = nonce;
        parameters["SignatureVersion"] = "1.0";
        parameters["Timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        parameters["Version"] = ApiVersion;
        var signature = AliyunSignature.Sign("POST", parameters, _settings.AccessKeySecret);
        return AliyunSignature.CanonicalQuery(parameters) + "&Signature=" + AliyunSignature.PercentEncode(signature);
    }

    private Dictionary<string, string> SendSmsParameters(SmsMessage message, string templateCode)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "SendSms",
            ["OutId"] = message.Id.ToString("N"),
            ["PhoneNumbers"] = message.Recipient,
            ["SignName"] = message.SignName ?? _settings.SignName,
            ["TemplateCode"] = templateCode,
        };
        var templateParam = message.TemplateCode is null ? JsonSerializer.Serialize(new Dictionary<string, string> { ["content"] = message.Text }, TemplateJson) : message.TemplateParams;
        if (templateParam is not null)
        {
            parameters["TemplateParam"] = templateParam;
        }

        return parameters;
    }

    /// <summary>
    /// Code OK → accepted with the BizId. A known code decides; otherwise the HTTP status does (5xx, 408, 429:
    /// transient; other 4xx: permanent); a 2xx with an isv.* code is a problem on our side (permanent); anything else,
    /// including an answer that cannot be read, is transient with an unknown outcome (Alibaba may have taken it).
    /// </summary>
    public static SmsSendResult Interpret(HttpStatusCode status, string body)
    {
        var (code, text, bizId, requestId) = Read(body);
        var http = (int)status;
        if (code == "OK" && http is >= 200 and < 300)
        {
            return SmsSendResult.Accepted(bizId);
        }

        var error = SmsPrivacy.Scrub($"{code ?? "no code"}: {text ?? "no message"} (HTTP {http}{(requestId is null ? "" : ", RequestId " + requestId)})");
        if (code is not null && (TransientCodes.Contains(code) || code.StartsWith("Throttling", StringComparison.Ordinal)))
        {
            return SmsSendResult.Transient(error);
        }

        if (code is not null && PermanentCodes.Contains(code))
        {
            return SmsSendResult.Permanent(error);
        }

        return http switch
        {
            >= 500 or 408 or 429 => SmsSendResult.Transient(error),
            >= 400 => SmsSendResult.Permanent(error),
            >= 300 and < 400 => SmsSendResult.Permanent(error),
            _ when code?.StartsWith("isv.", StringComparison.Ordinal) == true => SmsSendResult.Permanent(error),
            _ => SmsSendResult.Unanswered(error),
        };
    }

    private static (string? Code, string? Message, string? BizId, string? RequestId) Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            string? Text(string name) => json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (Text("Code"), Text("Message"), Text("BizId"), Text("RequestId"));
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
