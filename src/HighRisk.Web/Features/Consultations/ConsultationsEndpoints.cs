using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Consultations;

public static class ConsultationsEndpoints
{
    private const string Tag = "Consultation";

    private static readonly string Specialties = string.Join(", ", Enum.GetValues<Specialty>().Select(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString())));

    public static void MapConsultations(this IEndpointRouteBuilder api)
    {
        api.MapPost("/pregnancies/{id:guid}/consultations", async Task<Created<AskConsultation.Response>> (
                Guid id, AskConsultation.Command command, ISender sender, CancellationToken ct) =>
            {
                var asked = await sender.Send(command with { PregnancyId = id }, ct);
                return TypedResults.Created($"/api/consultations/{asked.ConsultationId}", asked);
            })
            .WithTags(Tag)
            .WithName("AskConsultation")
            .WithSummary("Ask an expert pool about her (申请会诊)")
            .WithDescription($"`question` (up to 2,000 characters), `specialty` ({Specialties}), optional `poolId`. Anyone who sees her may ask while her " +
                "episode is managed (409 `ConsultationOnClosedPregnancy` after it). The pool is `poolId` if given — it must be of that specialty and answer for " +
                "her division, else 400 naming `poolId` — or the pool of that specialty whose division is the longest prefix of hers (her county's before her " +
                "city's); none: 400 naming `specialty`. Answers 201 with `consultationId`, `pool` and `answerDue` (24 hours from now, seeds/policy/consultations.json).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = api.MapGroup("/consultations").WithTags(Tag);

        group.MapGet("/", async Task<Ok<ListConsultations.Response>> (
                string? status, Guid? pool, string? mine, bool? late, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListConsultations.Query(status, pool, mine, late, cursor, limit), ct)))
            .WithName("ListConsultations")
            .WithSummary("The consultations the caller sees")
            .WithDescription("Those of the caller's area (every pool member's area holds her pool's division). Filters: `status` (open|taken|answered), " +
                "`pool` (a pool id), `mine` (asked — by me —, taken — by me —, or pools — of the pools I am a member of), `late` (true: unanswered past " +
                "`answerDue`). Open and taken ones come as a work queue, the earliest due first; otherwise the latest first. Each item carries `woman` " +
                "(name, colour, gestation, township), `late`, and `actions`: what the caller may do (`take`, `answer`). Pass `nextCursor` back as `cursor` " +
                "for the next page (`limit` 1–200, default 50).")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<ConsultationView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetConsultation.Query(id), ct)))
            .WithName("GetConsultation")
            .WithSummary("Read a consultation")
            .WithDescription("The question, its pool, who asked and who took it, `answerDue`, `late` (and `escalatedAt` once the late SMS went out), the " +
                "answer and any `raise` {`colour`, `reason`}, `woman`, and `actions`. Outside the caller's area: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/take", async Task<Ok<ConsultationView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new TakeConsultation.Command { ConsultationId = id }, ct)))
            .WithName("TakeConsultation")
            .WithSummary("Take a consultation (接诊)")
            .WithDescription("No body. Members of the consultation's pool only: anyone else who sees it gets 403 (`ConsultationPoolMembersOnly`), anyone " +
                "who does not, 404. Taken already or answered: 409 with `state` (`ConsultationAlreadyTaken`, `ConsultationAlreadyAnswered`). Answers the " +
                "consultation without `woman`.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/answer", async Task<Ok<ConsultationView>> (Guid id, AnswerConsultation.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ConsultationId = id }, ct)))
            .WithName("AnswerConsultation")
            .WithSummary("Answer a consultation (会诊意见), optionally raising her colour")
            .WithDescription("`answer` (up to 2,000 characters) and optional `raise` {`colour` (yellow|orange|red), `reason`}: the clinician's raise of " +
                "POST /api/pregnancies/{id}/raise, made in the same transaction by the expert (her grade, case and alerts follow; the colour is never " +
                "lowered). Only the expert who took it answers: not yet taken, taken by another expert, or answered already is 409 with `state` " +
                "(`ConsultationNotTaken`, `ConsultationTakenByAnother`, `ConsultationAlreadyAnswered`); a non-member 403. The answer shows on her record " +
                "(`consultations` of GET /api/pregnancies/{id}).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>The expert pools and the review job, under /api/admin (administrators only).</summary>
public static class ConsultationAdminEndpoints
{
    public static void MapConsultationAdministration(this RouteGroupBuilder admin)
    {
        const string tag = "Consultation";
        const string body = "`name`, `specialty`, `divisionCode` (a city's 4 digits or a county's 6: the pool answers for the women living there), " +
            "`memberIds` (1–50 staff account ids, each enabled, not an administrator, and with an area that holds the division — 400 naming " +
            "`memberIds[i]` otherwise). One pool per specialty and division (400 `ExpertPoolDuplicate` naming `divisionCode`).";

        admin.MapGet("/expert-pools", async Task<Ok<IReadOnlyList<ExpertPoolView>>> (string? division, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListExpertPools.Query(division), ct)))
            .WithTags(tag)
            .WithName("ListExpertPools")
            .WithSummary("The expert pools (市县专家)")
            .WithDescription("Every pool with its members' accounts as they stand now (`disabled` ones take and answer nothing); `division` keeps the pools " +
                "that answer for it or lie within it.");

        admin.MapPost("/expert-pools", async Task<Created<ExpertPoolView>> (SaveExpertPool.Command command, ISender sender, CancellationToken ct) =>
            {
                var saved = await sender.Send(command with { Id = null }, ct);
                return TypedResults.Created($"/api/admin/expert-pools/{saved.Id}", saved);
            })
            .WithTags(tag)
            .WithName("CreateExpertPool")
            .WithSummary("Create an expert pool")
            .WithDescription(body)
            .ProducesValidationProblem();

        admin.MapPut("/expert-pools/{id:guid}", async Task<Ok<ExpertPoolView>> (Guid id, SaveExpertPool.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .WithTags(tag)
            .WithName("UpdateExpertPool")
            .WithSummary("Change an expert pool")
            .WithDescription(body + " Its open consultations stay with it: new members may take them at once, removed ones no longer can (one who took a consultation still answers it).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/jobs/consultation-review", Accepted<Admin.AdminEndpoints.JobQueued> (Hangfire.IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/consultations", new Admin.AdminEndpoints.JobQueued(
                    Hangfire.BackgroundJobClientExtensions.Enqueue<ConsultationReviewJob>(jobs, Infrastructure.Jobs.Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithTags(tag)
            .WithName("RunConsultationReview")
            .WithSummary("Review the consultations now")
            .WithDescription("Queues the job that otherwise runs every 5 minutes: unanswered consultations past `answerDue` are flagged late and escalated " +
                "once by SMS to the pool's MCH contact (county on-duty number; city MCH institution for a city pool) and the asker's mobile.");
    }
}
