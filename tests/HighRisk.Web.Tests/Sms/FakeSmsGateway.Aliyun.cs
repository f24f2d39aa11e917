using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace HighRisk.SmsProviders.Tests;

/// <summary>
/// The fake's Alibaba Cloud SendSms (2017-05-25): parameters from the query and, for POST, the form body; checks the
/// common parameters, the timestamp (15 minutes), the nonce (once), and the RPC signature — recomputed here with
/// <see cref="Uri.EscapeDataString"/>, independently of the product's encoder — then answers as Alibaba does: HTTP 4xx
/// for request errors, HTTP 200 with an isv.* Code for business errors, Code OK with a BizId on success. QuerySendDetails
/// is in FakeSmsGateway.AliyunQuery.cs.
/// </summary>
public sealed partial class FakeSmsGateway
{
    private readonly List<FakeSms> _delivered = [];
    private readonly Dictionary<string, string> _bizIdByOutId = [];
    private readonly HashSet<string> _usedNonces = [];
    private readonly HashSet<string> _illegalNumbers = [];
    private int _aliyunRequests;
    private int _throttledRequests;
    private int _aliyunRepeats;
    private long _bizIds = 900_619_746_936_498_000;

    /// <summary>Messages delivered to handsets, in order; a repeated OutId is not delivered again.</summary>
    public IReadOnlyList<FakeSms> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>SendSms requests that reached the fake, whatever their answer.</summary>
    public int AliyunRequests
    {
        get
        {
            lock (_gate)
            {
                return _aliyunRequests;
            }
        }
    }

    /// <summary>
    /// SendSms requests whose OutId the fake had taken before. This fake answers them with the first BizId and sends
    /// nothing, but Alibaba Cloud itself does not de-duplicate on OutId (SendSms "does not support idempotence"): each of
    /// these would reach the handset a second time there.
    /// </summary>
    public int AliyunRepeats
    {
        get
        {
            lock (_gate)
            {
                return _aliyunRepeats;
            }
        }
    }

    public IReadOnlyList<FakeSms> DeliveredTo(string phone) => [.. Delivered.Where(sms => sms.Phone == phone)];

    /// <summary>From now on this number is answered isv.MOBILE_NUMBER_ILLEGAL (until <see cref="RecoverAsync"/>).</summary>
    public void FailNumber(string phone)
    {
        lock (_gate)
        {
            _illegalNumbers.Add(phone);
        }
    }

    /// <summary>The next <paramref name="requests"/> well-signed requests are answered isv.BUSINESS_LIMIT_CONTROL.</summary>
    public void Throttle(int requests)
    {
        lock (_gate)
        {
            _throttledRequests = requests;
        }
    }

    /// <summary>
    /// Pushes delivery receipts for messages this fake took, as Alibaba Cloud's HTTP batch push does: one JSON array
    /// (SmsReport) POSTed to the receipt address, report_time in Beijing time. Returns the answer's status and body.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> PushReceiptsAsync(Uri receiptAddress, params (FakeSms Sms, bool Success, string Code, string Message)[] receipts)
    {
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var body = receipts.Select(r => new Dictionary<string, object>
        {
            ["phone_number"] = r.Sms.Phone,
            ["send_time"] = beijing,
            ["report_time"] = beijing,
            ["success"] = r.Success,
            ["err_code"] = r.Code,
            ["err_msg"] = r.Message,
            ["sms_size"] = "1",
            ["biz_id"] = r.Sms.BizId,
            ["out_id"] = r.Sms.OutId,
            ["sign_name"] = SignName,
            ["template_code"] = r.Sms.TemplateCode,
        });
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await ReceiptClient.PostAsync(receiptAddress, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static readonly HttpClient ReceiptClient = new();

    private async Task AnswerAliyunAsync(HttpContext context)
    {
        var parameters = context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            foreach (var (name, value) in await context.Request.ReadFormAsync(context.RequestAborted))
            {
                parameters[name] = value.ToString();
            }
        }

        var (status, body) = SendSms(context.Request.Method, parameters);
        await WriteAsync(context, status, body);
    }

    private (HttpStatusCode Status, object Body) SendSms(string method, Dictionary<string, string> parameters)
    {
        var requestId = Guid.NewGuid().ToString().ToUpperInvariant();
        (HttpStatusCode, object) Error(HttpStatusCode status, string code, string message) =>
            (status, new { RequestId = requestId, HostId = "dysmsapi.aliyuncs.com", Code = code, Message = message });

        string Parameter(string name) => parameters.GetValueOrDefault(name) ?? string.Empty;
        foreach (var required in new[] { "AccessKeyId", "Action", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version" })
        {
            if (Parameter(required).Length == 0)
            {
                return Error(HttpStatusCode.BadRequest, "MissingParameter", $"The input parameter \"{required}\" that is mandatory for processing this request is not supplied.");
            }
        }

        if (Parameter("AccessKeyId") != AccessKeyId)
        {
            return Error(HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }

        if (Parameter("SignatureMethod") != "HMAC-SHA1" || Parameter("SignatureVersion") != "1.0")
        {
            return Error(HttpStatusCode.BadRequest, "InvalidParameter", "SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.");
        }

        if (!DateTimeOffset.TryParseExact(Parameter("Timestamp"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }

        if ((timestamp - DateTimeOffset.UtcNow).Duration() > TimeSpan.FromMinutes(15))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }

        var stringToSign = StringToSign(method, parameters);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AccessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(Parameter("Signature"))))
        {
            // Alibaba quotes its string to sign here, number and text included: the client must not store it as it is.
            return Error(HttpStatusCode.BadRequest, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }

        if (Parameter("Action") is not ("SendSms" or "QuerySendDetails") || Parameter("Version") != "2017-05-25" || Parameter("Format") is not ("JSON" or ""))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidParameter", "This fake speaks SendSms and QuerySendDetails 2017-05-25 in JSON only.");
        }

        lock (_gate)
        {
            if (!_usedNonces.Add(Parameter("SignatureNonce")))
            {
                return Error(HttpStatusCode.BadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.");
            }

            if (Parameter("Action") == "QuerySendDetails")
            {
                return QuerySendDetails(parameters, requestId);
            }

            if (_throttledRequests > 0)
            {
                _throttledRequests--;
                return Error(HttpStatusCode.OK, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1");
            }

            var phone = Parameter("PhoneNumbers");
            if (!MainlandMobile().IsMatch(phone) || _illegalNumbers.Contains(phone))
            {
                return Error(HttpStatusCode.OK, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
            }

            if (Parameter("SignName") != SignName && Parameter("SignName") != ReminderSignName)
            {
                return Error(HttpStatusCode.OK, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
            }

            if (!Parameter("TemplateCode").StartsWith("SMS_", StringComparison.Ordinal))
            {
                return Error(HttpStatusCode.OK, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
            }

            var templateParams = parameters.GetValueOrDefault("TemplateParam");
            if (templateParams is not null && !IsJsonObject(templateParams))
            {
                return Error(HttpStatusCode.OK, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
            }

            var outId = Parameter("OutId");
            if (outId.Length > 0 && _bizIdByOutId.TryGetValue(outId, out var earlier))
            {
                _aliyunRepeats++;
                return (HttpStatusCode.OK, new { Message = "OK", RequestId = requestId, Code = "OK", BizId = earlier });
            }

            var bizId = $"{++_bizIds}^0";
            if (outId.Length > 0)
            {
                _bizIdByOutId[outId] = bizId;
            }

            _delivered.Add(new FakeSms(phone, Parameter("SignName"), Parameter("TemplateCode"), templateParams, outId, bizId));
            _sentAt[bizId] = DateTimeOffset.UtcNow;
            return (HttpStatusCode.OK, new { Message = "OK", RequestId = requestId, Code = "OK", BizId = bizId });
        }
    }

    private static string StringToSign(string method, Dictionary<string, string> parameters)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(canonical);
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();
}
