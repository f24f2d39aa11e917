using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HighRisk.Features.Messaging.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Messaging;

/// <summary>
/// The check of a call from the SMS provider (delivery receipts, replies), one for every such address. No user signs
/// in there: Alibaba Cloud's push carries no signature, so its address holds a secret token (Sms:Aliyun:ReceiptToken);
/// the webhook provider signs the body with Sms:Webhook:Secret, as HighRisk signs what it sends. Unconfigured (or with a
/// secret under 32 characters, such as a placeholder left in a manifest), an address answers 404. The caller is checked
/// before anything in the body is read.
/// </summary>
public static class SmsCallback
{
    public const string AliyunTokenSetting = "Sms:Aliyun:ReceiptToken";

    public const string WebhookSecretSetting = "Sms:Webhook:Secret";

    /// <summary>Shorter secrets are refused: a placeholder left in a manifest ("REPLACE_ME") must not open the door.</summary>
    public const int MinSecretLength = 32;

    public static string? Secret(IConfiguration configuration, string setting) =>
        configuration[setting] is { Length: >= MinSecretLength } secret ? secret : null;

    /// <summary>
    /// An Alibaba Cloud push: the <c>token</c> of its address against Sms:Aliyun:ReceiptToken, in constant time. Null
    /// when it matches; otherwise the answer (404 unconfigured, 401 wrong). <paramref name="what"/> names what is
    /// pushed ("Delivery receipts", "SMS replies").
    /// </summary>
    public static ProblemHttpResult? CheckAliyun(string? token, IConfiguration configuration, string what)
    {
        if (Secret(configuration, AliyunTokenSetting) is not { } expected)
        {
            return NotConfigured(what, AliyunTokenSetting);
        }

        return token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected))
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The token query parameter does not match Sms:Aliyun:ReceiptToken.");
    }

    /// <summary>
    /// A webhook push: the raw body, and null when its X-HighRisk-Signature is the HMAC-SHA256 of that body under
    /// Sms:Webhook:Secret; otherwise the answer (404 unconfigured, before the body is read; 401 wrong).
    /// </summary>
    public static async Task<(byte[] Body, ProblemHttpResult? Refusal)> ReadWebhookAsync(HttpRequest request, IConfiguration configuration, string what, CancellationToken ct)
    {
        if (Secret(configuration, WebhookSecretSetting) is not { } secret)
        {
            return ([], NotConfigured(what, WebhookSecretSetting));
        }

        var body = await BodyAsync(request, ct);
        var signature = request.Headers["X-HighRisk-Signature"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(WebhookSmsGateway.Signature(body, secret)))
            ? (body, null)
            : (body, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "X-HighRisk-Signature is not sha256=<hex HMAC-SHA256 of the body under Sms:Webhook:Secret>."));
    }

    /// <summary>The raw body, read once the caller is known.</summary>
    public static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// The body as a JSON array of <typeparamref name="T"/>. A malformed body throws JsonException, which the
    /// problem-details handler names by its path ("[1].success"); an empty one is a bad request naming <paramref name="items"/>.
    /// </summary>
    public static List<T> ReadArray<T>(byte[] body, Microsoft.AspNetCore.Http.Json.JsonOptions json, string items) =>
        body.Length == 0
            ? throw new BadHttpRequestException($"The body is a JSON array of {items}.")
            : JsonSerializer.Deserialize<List<T>>(body, json.SerializerOptions)
              ?? throw new BadHttpRequestException($"The body is a JSON array of {items}.");

    private static ProblemHttpResult NotConfigured(string what, string setting) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"{what} are not received here: {setting} is not set (or shorter than {MinSecretLength} characters).");
}
