using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Transfers;

public static class TransfersEndpoints
{
    private const string Answer = "The deciding side only (the receiving area for a transfer out, the holding area for a request; 403 for the other side, " +
        "404 for anyone else); a transfer already answered is 409 `TransferState` with `state`.";

    public static void MapTransfers(this IEndpointRouteBuilder api)
    {
        api.MapPost("/pregnancies/{id:guid}/transfers", async Task<Created<TransferPregnancy.Response>> (
                Guid id, TransferPregnancy.Command command, ISender sender, CancellationToken ct) =>
            {
                var started = await sender.Send(command with { PregnancyId = id }, ct);
                return TypedResults.Created($"/api/transfers/{started.TransferId}", started);
            })
            .WithTags("Transfers")
            .WithName("TransferPregnancy")
            .WithSummary("Transfer her to another division (转出)")
            .WithDescription("`toDivisionCode` (a township, 9 digits, or a village under it, 12), `reason`. The receiving township's staff accept or decline; " +
                "until then her township stays responsible. One transfer waits at a time (409 `TransferPending`); a closed pregnancy with nothing to follow up is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/transfer-requests", async Task<Created<RequestTransfer.Response>> (RequestTransfer.Command command, ISender sender, CancellationToken ct) =>
            {
                var requested = await sender.Send(command, ct);
                return TypedResults.Created($"/api/transfers/{requested.TransferId}", requested);
            })
            .WithTags("Transfers")
            .WithName("RequestTransfer")
            .WithSummary("Ask for a woman held in another area (申请转入)")
            .WithDescription("After a booking answered 409 with `transferRequestable: true`: `residentId`, `reason`, and `toDivisionCode` (default: the caller's " +
                "own township; within the caller's area). The holding township accepts or declines. The answer is the request's id only: nothing of the other " +
                "area's record is shown before acceptance. No open pregnancy of that ID held elsewhere: 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = api.MapGroup("/transfers").WithTags("Transfers");
        group.MapGet("/", async Task<Ok<ListTransfers.Response>> (string? direction, string? status, Guid? cursor, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTransfers.Query(direction, status, cursor, limit), ct)))
            .WithName("ListTransfers")
            .WithSummary("The transfer inboxes (转入 / 转出)")
            .WithDescription("`direction=incoming`: women moving into the caller's area; `outgoing`: out of it; none: both. `status`: requested, accepted, " +
                "declined or late (escalated and still waiting). Newest first; pass `nextCursor` back as `cursor`. Each item says `kind` (`out`: sent by the " +
                "holder; `request`: asked for by the new township), `canDecide`, `late`; `fullName` only to those who may know her, `pregnancyId` to those who can open her record.")
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/accept", async Task<Ok<TransferView>> (Guid id, AcceptTransfer.Command? command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send((command ?? new AcceptTransfer.Command()) with { TransferId = id }, ct)))
            .WithName("AcceptTransfer")
            .WithSummary("Accept the transfer (转入)")
            .WithDescription("Optional `facilityCode`, `healthWorker`, `address`: who follows her up now (default: the requesting health worker, or the " +
                "accepting one, or the township's health centre). Her division, facility, health worker, case, referrals and alerts move at once; her line on " +
                "the daily lists the next morning; the old township no longer sees her. " + Answer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/decline", async Task<Ok<TransferView>> (Guid id, DeclineTransfer.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { TransferId = id }, ct)))
            .WithName("DeclineTransfer")
            .WithSummary("Decline the transfer, with a reason")
            .WithDescription("`reason`. " + Answer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Mapped inside the administrators-only group.</summary>
    public static void MapTransferAdministration(this RouteGroupBuilder admin) =>
        admin.MapPost("/jobs/transfer-review", Accepted<Admin.AdminEndpoints.JobQueued> (Hangfire.IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/transfers", new Admin.AdminEndpoints.JobQueued(
                    Hangfire.BackgroundJobClientExtensions.Enqueue<TransferReviewJob>(jobs, Infrastructure.Jobs.Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithTags("Transfers")
            .WithName("RunTransferReview")
            .WithSummary("Review the transfers now")
            .WithDescription("Queues the job that otherwise runs every hour: transfers unanswered after 7 days, escalated once by SMS to both counties' MCH on-duty contacts.");
}
