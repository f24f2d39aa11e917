using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Cases;

public static class CasesEndpoints
{
    public static void MapCases(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Case management");

        group.MapGet("/", async Task<Ok<ListCases.Response>> (
                string? division, string? colour, string? status, string? manager, string? flag, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCases.Query(division, colour, status, manager, flag, cursor, limit), ct)))
            .WithName("ListCases")
            .WithSummary("The case board (专案管理: 逐一追踪、动态管理)")
            .WithDescription("Every case in the caller's area: red first, then overdue (or lost to follow-up), then the nearest EDD. " +
                "Filters: `division` (division-code prefix), `colour` (green|yellow|orange|red, or purple), `status` (open — the default —, closed or all), " +
                "`manager` (a user id, `me` or `none`), `flag` (lateReport, noPlan, planOverdue, levelMismatch; several comma-separated must all hold). " +
                "Pass `nextCursor` back as `cursor` for the next page (`limit` 1–200, default 50).")
            .ProducesValidationProblem();

        group.MapGet("/export.xlsx", async Task<FileContentHttpResult> (
                string? division, string? colour, string? status, string? manager, string? flag, ISender sender, CancellationToken ct) =>
                TypedResults.File(
                    await sender.Send(new ExportCases.Query(division, colour, status, manager, flag), ct),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cases-{division ?? "all"}.xlsx"))
            .WithName("ExportCases")
            .WithSummary("The case board as .xlsx (Chinese headings)")
            .WithDescription("The same filters as the board; every matching case in the board's order (at most 20,000, the title says when cut).")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<GetCase.Response>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCase.Query(id), ct)))
            .WithName("GetCase")
            .WithSummary("Read a case")
            .WithDescription("The board's row for the case, every version of its plan (newest first), the near misses recorded on it (`nearMisses`, newest first) " +
                "and the facilities they name, with level, flags and how it was closed.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/acknowledge", async Task<Ok<CaseState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeReport.Command { CaseId = id }, ct)))
            .WithName("AcknowledgeCaseReport")
            .WithSummary("Acknowledge the case's report (报告一例)")
            .WithDescription("County or city MCH staff only (403 otherwise). No body. A second acknowledgement is 409. A report acknowledged after its deadline " +
                "shows `acknowledgedLate`.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/manager", async Task<Ok<CaseState>> (Guid id, AssignManager.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { CaseId = id }, ct)))
            .WithName("AssignCaseManager")
            .WithSummary("Reassign the case's manager (专人专案)")
            .WithDescription("`userId`: an active county or city MCH staff account whose area holds the case (400 naming `userId` otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/plans", async Task<Created<AddCasePlan.Response>> (Guid id, AddCasePlan.Command command, ISender sender, CancellationToken ct) =>
            {
                var added = await sender.Send(command with { CaseId = id }, ct);
                return TypedResults.Created($"/api/cases/{id}", added);
            })
            .WithName("AddCasePlan")
            .WithSummary("Add a version of the management plan (个案管理计划)")
            .WithDescription("`careFacilityCode`, `deliveryFacilityCode`, `treatmentPlan`, `emergencyPlan`, `nextReviewDate`; for red, `continuation` " +
                "{`date`, `facilityCode`, `assessor`, `assessorTitle` (chiefPhysician|associateChiefPhysician|attendingPhysician|residentPhysician, or the Chinese title), " +
                "`outcome` (continue|terminationAdvised|declined)} — termination advice needs 副主任医师 or above (400 naming `continuation.assessorTitle`); " +
                "for purple, `pmtct` [{`item`, `doneOn`}] (items: hiv.maternalArt, hiv.infantProphylaxis, hiv.feedingCounselling, syphilis.maternalTreatment, " +
                "syphilis.infantTreatment, hepatitisB.viralLoad, hepatitisB.newbornImmunisation). Places below what her colour asks are answered as " +
                "`levelMismatches`, not refused. 409 on a closed case.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/near-misses", async Task<Created<RecordNearMiss.Response>> (Guid id, RecordNearMiss.Command command, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(command with { CaseId = id }, ct);
                return TypedResults.Created($"/api/cases/{id}", recorded);
            })
            .WithName("RecordNearMiss")
            .WithSummary("Record a maternal near miss (危重孕产妇) on the case")
            .WithDescription("`date`, `facilityCode`, `criteria` (WHO 2011 near-miss criteria, one or more of: " + string.Join(", ", NearMissCriteria.All.Select(c => c.Code)) +
                "), `outcome` (survived|transferred|died), `note`. Counted in the indicators. 409 on a closed case.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/close", async Task<Ok<CaseState>> (Guid id, CloseCase.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { CaseId = id }, ct)))
            .WithName("CloseCase")
            .WithSummary("Close a case with a reason (动态监管)")
            .WithDescription("`reason`. Only once she is no longer orange, red or purple (409 `CaseStillHighRisk`); the end of her episode closes the case by itself.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>The area table and the review job, under /api/admin (administrators only).</summary>
public static class CaseAdminEndpoints
{
    public static void MapCaseAdministration(this RouteGroupBuilder admin)
    {
        admin.MapGet("/case-areas", async Task<Ok<IReadOnlyList<CaseAreaView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCaseAreas.Query(), ct)))
            .WithTags("Case management")
            .WithName("ListCaseAreas")
            .WithSummary("The area table (市县专家分片包干)")
            .WithDescription("Each division-code prefix with the county or city MCH staff member who manages its new cases (the longest prefix of her division wins).");

        admin.MapPut("/case-areas/{divisionPrefix}", async Task<Ok<CaseAreaView>> (string divisionPrefix, SaveCaseArea.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { DivisionPrefix = divisionPrefix }, ct)))
            .WithTags("Case management")
            .WithName("SaveCaseArea")
            .WithSummary("Set an area's case manager")
            .WithDescription("`userId`: an active county or city MCH staff account whose own area holds the prefix. New cases there take her; open cases keep their manager.")
            .ProducesValidationProblem();

        admin.MapPost("/jobs/case-review", Accepted<Admin.AdminEndpoints.JobQueued> (Hangfire.IBackgroundJobClient jobs) =>
                TypedResults.Accepted("/api/cases", new Admin.AdminEndpoints.JobQueued(
                    Hangfire.BackgroundJobClientExtensions.Enqueue<CaseReviewJob>(jobs, Infrastructure.Jobs.Queues.Alerts, job => job.RunAsync(CancellationToken.None)))))
            .WithTags("Case management")
            .WithName("RunCaseReview")
            .WithSummary("Review the cases now")
            .WithDescription("Queues the job that otherwise runs every 5 minutes: late reports (escalated once by SMS to the county on-duty contact), missing and overdue plans.");
    }
}
