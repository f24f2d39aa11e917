using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Deaths;

public static class DeathReportsEndpoints
{
    public static void MapDeathReports(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/death-reports").WithTags("Case management");

        group.MapGet("/", async Task<Ok<IReadOnlyList<DeathReportView>>> (string? division, string? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDeathReports.Query(division, status), ct)))
            .WithName("ListDeathReports")
            .WithSummary("Maternal death reports (孕产妇死亡个案报告) of the caller's area")
            .WithDescription("A report opens when a pregnancy is closed with `maternalDeath`, due within 24 hours; those still due come first. " +
                "`status`: due or submitted; `division`: a division-code prefix.")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<DeathReportView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeathReport.Query(id), ct)))
            .WithName("GetDeathReport")
            .WithSummary("Read a death report")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}", async Task<Ok<DeathReportView>> (Guid id, SubmitDeathReport.Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ReportId = id }, ct)))
            .WithName("SubmitDeathReport")
            .WithSummary("Submit the death report card")
            .WithDescription("`usualAddress`, `currentAddress`, `deliveryPlace` (if she delivered), `deathPlace`, `transferred` and `transferredFrom`, " +
                "`antenatalVisits`, `firstVisitWeek`, `causes` [{`description`, `icd10`}] — the chain of causes, one to four, the underlying cause last " +
                "(ICD-10 as O72.1). The register's visit count, first-visit week and address are filled in when the report opens. A second submission is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
