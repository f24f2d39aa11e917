using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HighRisk.SmsProviders.Tests;

/// <summary>One message the fake's webhook receiver accepted.</summary>
public sealed record FakeWebhookSms(Guid MessageId, string To, string Text, string? TemplateCode, string? TemplateParams, string Id);

/// <summary>
/// The fake's webhook receiver at <c>/webhook</c>: verifies X-HighRisk-Signature (HMAC-SHA256 of the raw body) with
/// <see cref="WebhookSecret"/> (401 otherwise), requires X-HighRisk-Timestamp and an Idempotency-Key equal to the body's
/// messageId (400 otherwise), de-duplicates on that key and answers <c>{"id": …}</c>.
/// </summary>
public sealed partial class FakeSmsGateway
{
    private readonly List<FakeWebhookSms> _webhookDelivered = [];
    private readonly Dictionary<string, string> _webhookIdByKey = [];
    private readonly Queue<HttpStatusCode> _webhookAnswers = new();
    private int _webhookRequests;
    private int _webhookRepeats;

    public string WebhookSecret { get; } = "fake-webhook-secret-for-tests-only";

    public Uri WebhookAddress => new(BaseAddress, "webhook");

    public IReadOnlyList<FakeWebhookSms> WebhookDelivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _webhookDelivered];
            }
        }
    }

    public int WebhookRequests
    {
        get
        {
            lock (_gate)
            {
                return _webhookRequests;
            }
        }
    }

    /// <summary>Requests whose Idempotency-Key the receiver had taken before: answered with the first id, not sent again.</summary>
    public int WebhookRepeats
    {
        get
        {
            lock (_gate)
            {
                return _webhookRepeats;
            }
        }
    }

    /// <summary>The next <paramref name="times"/> webhook requests are answered with this status, whatever they carry.</summary>
    public void AnswerWebhookWith(HttpStatusCode status, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _webhookAnswers.Enqueue(status);
            }
        }
    }

    private async Task AnswerWebhookAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var (status, answer) = Receive(context.Request.Headers, body);
        await WriteAsync(context, status, answer);
    }

    private (HttpStatusCode Status, object Body) Receive(IHeaderDictionary headers, byte[] body)
    {
        lock (_gate)
        {
            if (_webhookAnswers.TryDequeue(out var scripted))
            {
                return (scripted, new { error = $"scripted answer {(int)scripted}" });
            }
        }

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), body));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(headers["X-HighRisk-Signature"].ToString())))
        {
            return (HttpStatusCode.Unauthorized, new { error = "X-HighRisk-Signature does not match the body" });
        }

        if (!long.TryParse(headers["X-HighRisk-Timestamp"].ToString(), out _))
        {
            return (HttpStatusCode.BadRequest, new { error = "X-HighRisk-Timestamp missing" });
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var key = headers["Idempotency-Key"].ToString();
        if (!Guid.TryParse(key, out var messageId) || root.GetProperty("messageId").GetGuid() != messageId)
        {
            return (HttpStatusCode.BadRequest, new { error = "Idempotency-Key must be the messageId" });
        }

        lock (_gate)
        {
            if (_webhookIdByKey.TryGetValue(key, out var earlier))
            {
                _webhookRepeats++;
                return (HttpStatusCode.OK, new { id = earlier });
            }

            var id = $"wh-{_webhookDelivered.Count + 1}";
            _webhookIdByKey[key] = id;
            var templateParams = root.GetProperty("templateParams");
            _webhookDelivered.Add(new FakeWebhookSms(
                messageId,
                root.GetProperty("to").GetString()!,
                root.GetProperty("text").GetString()!,
                root.GetProperty("templateCode").GetString(),
                templateParams.ValueKind == JsonValueKind.Null ? null : templateParams.GetRawText(),
                id));
            return (HttpStatusCode.OK, new { id });
        }
    }
}
