using Hangfire;
using HighRisk.Features.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HighRisk.Features.Reminders;

public static class RemindersEndpoints
{
    /// <summary>What the reply addresses take, for <see cref="SmsCallback"/>'s answers.</summary>
    private const string What = "SMS replies";

    public static void MapReminders(this IEndpointRouteBuilder api)
    {
        api.MapPost("/pregnancies/{id:guid}/sms-consent", async Task<Ok<ReminderViews.Response>> (
                Guid id, RecordSmsConsent.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PregnancyId = id }, ct)))
            .WithTags("Reminders")
            .WithName("RecordSmsConsent")
            .WithSummary("Record her consent to SMS reminders, given or withdrawn")
            .WithDescription("`given` (true: she agrees; false: she withdraws), `date` (the day she said so, not in the future), `note` (how, at most 500 " +
                "characters). Who recorded it and when are kept, with every earlier consent. A withdrawal takes back every reminder not yet " +
                "handed to the gateway; a consent given queues the reminders of her next due date. Answers her consent and her reminders, " +
                "as `smsConsent` and `reminders` of GET /api/pregnancies/{id}. Outside the user's area: 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPatch("/pregnancies/{id:guid}", async Task<Ok<ReminderViews.Response>> (Guid id, UpdateSmsConsent.Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await UpdateSmsConsent.SendAsync(id, body, sender, ct)))
            .WithTags("Reminders")
            .WithName("UpdatePregnancy")
            .WithSummary("Update her record: her consent to SMS reminders")
            .WithDescription("Body `{ \"smsConsent\": { \"given\", \"date\", \"note\" } }`, as POST /api/pregnancies/{id}/sms-consent takes it; the only " +
                "part of a booked pregnancy updated this way. Errors name `smsConsent.given`, `smsConsent.date`. Outside the user's area: 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var replies = api.MapGroup("/sms/replies").WithTags("SMS").AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(1024 * 1024));
        replies.MapPost("/aliyun", async Task<Results<Ok<RecordSmsReplies.Response>, ProblemHttpResult>> (
                string? token, HttpRequest request, IConfiguration configuration, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                ISender sender, CancellationToken ct) =>
            {
                if (SmsCallback.CheckAliyun(token, configuration, What) is { } refusal)
                {
                    return refusal;
                }

                var received = SmsCallback.ReadArray<RecordSmsReplies.SmsReply>(await SmsCallback.BodyAsync(request, ct), json.Value, "replies");
                return TypedResults.Ok(await sender.Send(new RecordSmsReplies.Command("aliyun", received), ct));
            })
            .Accepts<List<RecordSmsReplies.SmsReply>>("application/json")
            .WithName("RecordAliyunSmsReplies")
            .WithSummary("Alibaba Cloud SMS replies (SmsUp, HTTP batch push)")
            .WithDescription("Set this address, with `?token=` and the value of Sms:Aliyun:ReceiptToken, as the reply address (上行短信接收地址) in the SMS " +
                "console. Body: `[{ \"phone_number\", \"content\", \"send_time\", … }]`, at most 1,000. A reply of TD or 退订 (seeds/policy/reminders.json " +
                "`optOutReplies`) withdraws the consent of the women with that mobile and takes back their unsent reminders. Answers " +
                "`{ \"replies\", \"optOuts\", \"withdrawn\" }`. 401 with a wrong token; 404 when no token of at least 32 characters is configured.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        replies.MapPost("/webhook", async Task<Results<Ok<RecordSmsReplies.Response>, ProblemHttpResult>> (
                HttpRequest request, IConfiguration configuration, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ISender sender, CancellationToken ct) =>
            {
                var (body, refusal) = await SmsCallback.ReadWebhookAsync(request, configuration, What, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                var received = SmsCallback.ReadArray<RecordSmsReplies.SmsReply>(body, json.Value, "replies");
                return TypedResults.Ok(await sender.Send(new RecordSmsReplies.Command("webhook", received), ct));
            })
            .Accepts<List<RecordSmsReplies.SmsReply>>("application/json")
            .WithName("RecordWebhookSmsReplies")
            .WithSummary("SMS replies from the webhook provider")
            .WithDescription("The same JSON array as Alibaba Cloud's SmsUp (`phone_number`, `content`, `send_time`), signed like the delivery receipts: " +
                "`X-HighRisk-Signature: sha256=<hex HMAC-SHA256 of the raw body under Sms:Webhook:Secret>`. A reply of TD or 退订 withdraws her consent. " +
                "Answers `{ \"replies\", \"optOuts\", \"withdrawn\" }`. 401 with a missing or wrong signature; 404 when no webhook secret is configured.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapReminderAdministration(this RouteGroupBuilder admin) =>
        admin.MapPost("/jobs/reminders", Accepted<Admin.AdminEndpoints.JobQueued> (IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/pregnancies", new Admin.AdminEndpoints.JobQueued(jobs.Enqueue<ReminderJob>(job => job.RunAsync(CancellationToken.None)))))
            .WithTags("Reminders")
            .WithName("RunReminders")
            .WithSummary("Plan the reminders to the women now")
            .WithDescription("Queues the job that otherwise runs at 07:30 Asia/Shanghai (Jobs:RemindersCron): every consenting woman's reminders are brought " +
                "in line with her next due date, and each reminder's SMS is queued for 08:00 on its morning. Idempotent: nothing is queued twice.");
}
