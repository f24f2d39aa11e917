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

        admin.MapGet("/contacts/missing", async Task<Ok<ListMissingContacts.Response>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMissingContacts.Query(), ct)))
            .WithName("ListMissingContacts")
            .WithSummary("Townships with women and no contact for their red alerts")
            .WithDescription("`items`: townships where women are under management (open, or within 42 days after birth) and a red alert " +
                "for some of them would reach no `subdistrictStaff` or `countyOnDuty` contact at any level up to the province: " +
                "`townshipCode`, `townshipName`, `countyName`, `women` (how many), `escalatedTo` ([{ `role`, `divisionCode`, `name` }]: " +
                "whom such an alert goes to at once instead — `countyOnDuty` or `cityMch`, the nearest levels that have one; empty: nobody, " +
                "the alert is only flagged). A health worker's own mobile is not counted. `alertsWithoutRecipient`: unacknowledged alerts " +
                "that reached nobody (`noRecipient: true` in GET /api/alerts; /health/ready is degraded while there are any). " +
                "Adding a contact (POST /api/admin/contacts) takes a township off the list at once.");

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
                "Alerts take each role from the nearest configured level of the division tree. An unacknowledged alert that " +
                "reached nobody (`noRecipient`) and reaches this contact now is sent to it, once, in the same transaction.")
            .ProducesValidationProblem();

        admin.MapPut("/contacts/{id:guid}", async Task<Ok<DivisionContact>> (Guid id, SaveContact.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Id = id }, ct)))
            .WithName("UpdateContact")
            .WithSummary("Change a recipient")
            .WithDescription("The same body as POST /api/admin/contacts. An unacknowledged alert that reached nobody and reaches the " +
                "changed contact now is sent to it, once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
