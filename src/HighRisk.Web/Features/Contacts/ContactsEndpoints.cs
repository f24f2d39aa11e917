using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Contacts;

public static class ContactsEndpoints
{
    /// <summary>Mapped inside the administrators-only group.</summary>
    public static void MapContacts(this RouteGroupBuilder admin)
    {
        admin.MapGet("/contacts", async Task<Ok<IReadOnlyList<DivisionContact>>> (string? division, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListContacts.Query(division), ct)))
            .WithName("ListContacts")
            .WithSummary("Recipients of overdue lists and alerts, by division");

        admin.MapPost("/contacts", async Task<Created<DivisionContact>> (SaveContact.Command command, ISender sender, CancellationToken ct) =>
            {
                var saved = await sender.Send(command with { Id = null }, ct);
                return TypedResults.Created($"/api/admin/contacts/{saved.Id}", saved);
            })
            .WithName("CreateContact")
            .WithSummary("Add a recipient")
            .WithDescription("`role`: `subdistrictStaff` (a township's MCH staff: the daily overdue list by SMS and email, " +
                "red alerts), `countyOnDuty` (the county MCH institution's on-duty number: red alerts), `cityMch` (escalations), " +
                "`facilityOnDuty` (a facility's referral desk, with `facilityCode` instead of `divisionCode`: " +
                "emergency referrals sent to it and late answers). " +
                "Alerts take each role from the nearest configured level of the division tree.")
            .ProducesValidationProblem();

        admin.MapPut("/contacts/{id:guid}", async Task<Ok<DivisionContact>> (Guid id, SaveContact.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .WithName("UpdateContact")
            .WithSummary("Change a recipient")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
