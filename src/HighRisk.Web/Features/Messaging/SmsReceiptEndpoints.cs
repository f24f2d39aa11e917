using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HighRisk.Features.Messaging.Providers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Where the SMS provider pushes its delivery receipts. No user signs in here: Alibaba Cloud's push carries no
/// signature, so its address holds a secret token (Sms:Aliyun:ReceiptToken); the webhook provider signs the body
/// with Sms:Webhook:Secret, as HighRisk signs what it sends. Unconfigured (or with a secret under 32 characters, such
/// as a placeholder left in a manifest), an address answers 404.
/// </summary>
public static class SmsReceiptEndpoints
{
    public const string AliyunTokenSetting = "Sms:Aliyun:ReceiptToken";

    public const string WebhookSecretSetting = "Sms:Webhook:Secret";

    /// <summary>Shorter secrets are refused: a placeholder left in a manifest ("REPLACE_ME") must not open the door.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Alibaba Cloud checks only that <c>code</c> is a number; anything but HTTP 200 makes it push again (1, 5, 10 minutes later).</summary>
    public sealed record AliyunAnswer(int Code, string Msg, int Matched, int Changed, int Unknown);

    public static void MapSmsReceipts(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sms/receipts").WithTags("SMS").AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024));

        group.MapPost("/aliyun", async Task<Results<Ok<AliyunAnswer>, ProblemHttpResult>> (
                string? token, HttpRequest request, IConfiguration configuration, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                ISender sender, CancellationToken ct) =>
            {
                if (Secret(configuration, AliyunTokenSetting) is not { } expected)
                {
                    return NotConfigured(AliyunTokenSetting);
                }

                if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The token query parameter does not match Sms:Aliyun:ReceiptToken.");
                }

                var reports = Reports(await BodyAsync(request, ct), json.Value);
                var done = await sender.Send(new RecordSmsReceipts.Command("aliyun", reports), ct);
                return TypedResults.Ok(new AliyunAnswer(0, "接收成功", done.Matched, done.Changed, done.Unknown));
            })
            .Accepts<List<RecordSmsReceipts.SmsReport>>("application/json")
            .WithName("RecordAliyunSmsReceipts")
            .WithSummary("Alibaba Cloud SMS delivery receipts (SmsReport, HTTP batch push)")
            .WithDescription("Set this address, with `?token=` and the value of Sms:Aliyun:ReceiptToken, as the receipt address (状态报告接收地址, " +
                "HTTP批量推送) in the SMS console. Body: Alibaba's JSON array `[{ \"out_id\", \"biz_id\", \"success\", \"err_code\", \"err_msg\", " +
                "\"report_time\" (Beijing time, yyyy-MM-dd HH:mm:ss), \"phone_number\", \"send_time\", \"sms_size\" }]`, at most 1,000. " +
                "Answers `{ \"code\": 0, \"msg\": \"接收成功\", \"matched\", \"changed\", \"unknown\" }`. A delivered message becomes `delivered`; " +
                "an undelivered one `failed` with the receipt's code, and an undelivered alert message is escalated to the county and city. " +
                "Repeated receipts change nothing. 401 with a wrong token; 404 when no token of at least 32 characters is configured.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/webhook", async Task<Results<Ok<RecordSmsReceipts.Response>, ProblemHttpResult>> (
                HttpRequest request, IConfiguration configuration, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ISender sender,
                CancellationToken ct) =>
            {
                if (Secret(configuration, WebhookSecretSetting) is not { } secret)
                {
                    return NotConfigured(WebhookSecretSetting);
                }

                var body = await BodyAsync(request, ct);
                var signature = request.Headers["X-HighRisk-Signature"].ToString();
                var expected = WebhookSmsGateway.Signature(body, secret);
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(expected)))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                        detail: "X-HighRisk-Signature is not sha256=<hex HMAC-SHA256 of the body under Sms:Webhook:Secret>.");
                }

                return TypedResults.Ok(await sender.Send(new RecordSmsReceipts.Command("webhook", Reports(body, json.Value)), ct));
            })
            .WithName("RecordWebhookSmsReceipts")
            .WithSummary("Delivery receipts from the webhook SMS provider")
            .WithDescription("The same JSON array as Alibaba Cloud's SmsReport (`out_id` = the `messageId` HighRisk sent, `success`, `err_code`, " +
                "`err_msg`, `report_time` in Beijing time yyyy-MM-dd HH:mm:ss), signed like HighRisk's own requests: `X-HighRisk-Signature: " +
                "sha256=<hex HMAC-SHA256 of the raw body under Sms:Webhook:Secret>`. Answers `{ \"matched\", \"changed\", \"unknown\" }`. " +
                "401 with a missing or wrong signature; 404 when no webhook secret of at least 32 characters is configured.")
            .Accepts<List<RecordSmsReceipts.SmsReport>>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The raw body: the caller is checked (token, signature) before anything in it is read.</summary>
    private static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>A malformed body throws JsonException, which the problem-details handler names by its path ("[1].success").</summary>
    private static List<RecordSmsReceipts.SmsReport> Reports(byte[] body, Microsoft.AspNetCore.Http.Json.JsonOptions json) =>
        body.Length == 0
            ? throw new BadHttpRequestException("The body is a JSON array of receipts.")
            : JsonSerializer.Deserialize<List<RecordSmsReceipts.SmsReport>>(body, json.SerializerOptions)
              ?? throw new BadHttpRequestException("The body is a JSON array of receipts.");

    public static string? Secret(IConfiguration configuration, string setting) =>
        configuration[setting] is { Length: >= MinSecretLength } secret ? secret : null;

    private static ProblemHttpResult NotConfigured(string setting) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"Delivery receipts are not received here: {setting} is not set (or shorter than {MinSecretLength} characters).");
}
