using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Alerts;

public static class AlertsEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");

        group.MapGet("/", async Task<Ok<ListAlerts.Response>> (Guid? pregnancyId, string? division, string? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAlerts.Query(pregnancyId, division, status), ct)))
            .WithName("ListAlerts")
            .WithSummary("Alerts with their SMS messages")
            .WithDescription("Each alert: `id`, `pregnancyId`, `colour`, `status` (open, acknowledged, escalated), `createdAt`, " +
                "`acknowledgedAt`, `escalatedAt` and `escalationReason` (unacknowledged, expired, failed, or noRecipient: nobody to tell where " +
                "she lives, so it went at once to the nearest county on-duty and city MCH contacts up to the province), `noRecipient` " +
                "(true: nobody at all could be told, no SMS was sent; see GET /api/admin/contacts/missing), and `messages`: [{ `recipient` (masked), `text`, `status` (queued, sending, " +
                "sent, delivered — the provider's receipt says the handset got it —, failed, expired), `attempts`, `lastError`, `deliveredAt` }]. " +
                "Filter by `pregnancyId`, `division` (code prefix) and `status`.")
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/ack", async Task<Ok<AlertView>> (Guid id, AcknowledgeAlert.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { AlertId = id }, ct)))
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert with the action taken")
            .WithDescription("`{ \"action\": \"已电话联系，安排明日到市妇幼保健院评估\" }`. A red alert not acknowledged within 24 hours " +
                "is escalated to the county and city MCH contacts. A second acknowledgement answers 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
