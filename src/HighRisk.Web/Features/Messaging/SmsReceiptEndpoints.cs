using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Where the SMS provider pushes its delivery receipts; the caller is checked by <see cref="SmsCallback"/>.
/// </summary>
public static class SmsReceiptEndpoints
{
    private const string What = "Delivery receipts";

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
                if (SmsCallback.CheckAliyun(token, configuration, What) is { } refusal)
                {
                    return refusal;
                }

                var reports = SmsCallback.ReadArray<RecordSmsReceipts.SmsReport>(await SmsCallback.BodyAsync(request, ct), json.Value, "receipts");
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
                var (body, refusal) = await SmsCallback.ReadWebhookAsync(request, configuration, What, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                var reports = SmsCallback.ReadArray<RecordSmsReceipts.SmsReport>(body, json.Value, "receipts");
                return TypedResults.Ok(await sender.Send(new RecordSmsReceipts.Command("webhook", reports), ct));
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
}
