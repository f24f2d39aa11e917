using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// A generic HTTPS webhook for any other gateway: POSTs <c>{messageId, to, text, templateCode, templateParams,
/// createdAt}</c> as JSON to Sms:Webhook:Url with <c>X-HighRisk-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>
/// under Sms:Webhook:Secret, <c>Idempotency-Key: &lt;messageId&gt;</c> (the receiver de-duplicates on it) and
/// <c>X-HighRisk-Timestamp</c> (Unix seconds of the attempt). 2xx: accepted, with the JSON <c>id</c> when given;
/// 408, 425, 429, 5xx: transient; any other status: permanent.
/// </summary>
public sealed class WebhookSmsGateway(HttpClient http, IConfiguration configuration, ILogger<WebhookSmsGateway> log) : ISmsGateway
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly WebhookSmsSettings _settings = WebhookSmsSettings.Read(configuration);

    public string Name => "webhook";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var body = Payload(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-HighRisk-Signature", Signature(body, _settings.Secret));
        request.Headers.Add("Idempotency-Key", message.Id.ToString("D"));
        request.Headers.Add("X-HighRisk-Timestamp", TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var reply = await ProviderCall.SendAsync(http, request, _settings.Timeout, cancellationToken);
        return ProviderCall.Logged(log, Name, message, reply.Failure ?? Interpret(reply.Status, reply.Body));
    }

    /// <summary>The value of X-HighRisk-Signature for a body: <c>sha256=</c> and the lower-case hex HMAC-SHA256.</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The JSON body, UTF-8; templateParams is embedded as JSON (the outbox keeps it as jsonb).</summary>
    public static byte[] Payload(SmsMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Json))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", message.Id);
            writer.WriteString("to", message.Recipient);
            writer.WriteString("text", message.Text);
            writer.WriteString("templateCode", message.TemplateCode);
            writer.WritePropertyName("templateParams");
            WriteTemplateParams(writer, message.TemplateParams);
            writer.WriteString("createdAt", message.CreatedAt);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static SmsSendResult Interpret(HttpStatusCode status, string body)
    {
        var http = (int)status;
        if (http is >= 200 and < 300)
        {
            return SmsSendResult.Accepted(ProviderId(body));
        }

        var error = SmsPrivacy.Scrub($"HTTP {http}: {(body.Length == 0 ? "no body" : body)}");
        return http is 408 or 425 or 429 or >= 500 ? SmsSendResult.Transient(error) : SmsSendResult.Permanent(error);
    }

    private static void WriteTemplateParams(Utf8JsonWriter writer, string? templateParams)
    {
        if (templateParams is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var parsed = JsonDocument.Parse(templateParams);
            parsed.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(templateParams);
        }
    }

    private static string? ProviderId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind switch
                {
                    // provider_message_id holds 100 characters.
                    JsonValueKind.String => id.GetString() is { Length: > 100 } longId ? longId[..100] : id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
