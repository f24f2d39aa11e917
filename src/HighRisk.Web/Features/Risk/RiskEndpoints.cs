using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Risk;

public static class RiskEndpoints
{
    public static void MapRisk(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/risk").WithTags("Risk");

        group.MapGet("/catalogue", async Task<Ok<GetCatalogue.Response>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCatalogue.Query(), ct)))
            .WithName("GetRiskCatalogue")
            .WithSummary("The risk catalogue in force")
            .WithDescription("Every factor of the five-colour table with its id, colour, names, category, source status (C/P/R) and numeric condition or `coded`, and the qualifiers a clinician may code.");

        group.MapGet("/catalogue/upgrades", async Task<Ok<IReadOnlyList<CatalogueUpgrade>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCatalogueUpgrades.Query(), ct)))
            .WithName("ListCatalogueUpgrades")
            .WithSummary("Catalogue upgrade runs")
            .WithDescription("Each run re-grades every open pregnancy graded with another catalogue version and reports how many were re-graded and how many changed colour or purple flag (each change wrote a grade-history row).");

        group.MapPost("/evaluate", async Task<Ok<EvaluateRisk.Response>> (EvaluateRisk.Query query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithName("EvaluateRisk")
            .WithSummary("Grade a hypothetical case without saving it")
            .WithDescription("Takes `birthDate` or `ageYears`, `lmp` or `gestationalWeeks`, `assessmentDate` (default today), `heightCm`, `weightKg`, `history`, `measurements` and `findings` in the booking and exam vocabulary, and answers `{ grade, purple, factors: [{ id, colour, nameZh, nameEn, evidence }] }`. With `pregnancyId`, grades that pregnancy as if an exam with these measurements and findings were added — what saving the exam will produce. Nothing is written.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
