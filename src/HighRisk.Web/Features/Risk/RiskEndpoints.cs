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
            .WithDescription("Every factor of the five-colour table with its id, colour, names, category, " +
                "source status (C/P/R) and numeric condition or `coded`, and the qualifiers a clinician may code.");

        group.MapGet("/catalogue/upgrades", async Task<Ok<IReadOnlyList<CatalogueUpgrade>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCatalogueUpgrades.Query(), ct)))
            .WithName("ListCatalogueUpgrades")
            .WithSummary("Catalogue upgrade runs")
            .WithDescription("Each run re-grades every open pregnancy graded with another catalogue version and reports how many " +
                "were re-graded and how many changed colour or purple flag (each change wrote a grade-history row).");

        group.MapPost("/evaluate", async Task<Ok<EvaluateRisk.Response>> (EvaluateRisk.Query query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithName("EvaluateRisk")
            .WithSummary("Grade a hypothetical case, or preview an exam, without saving")
            .WithDescription("Takes `birthDate` or `ageYears`, `lmp` or `gestationalWeeks` (with `gestationalDays`, 0–6), `assessmentDate` (default " +
                "today), `heightCm`, `weightKg`, `history`, `measurements`, `findings` and `resolved` in the booking and exam vocabulary, " +
                "and answers `{ grade, purple, factors: [{ id, colour, nameZh, nameEn, evidence }], catalogueVersion, prompts: " +
                "[{ id, colour, nameZh, nameEn, values, whyZh, whyEn }] }`. With `pregnancyId`, grades that pregnancy as if an exam dated " +
                "`assessmentDate` with these measurements, findings and resolutions were added — exactly what saving the exam will produce, " +
                "refusals included: a finding saving would refuse (a gestational-age row too early, a postpartum row before the birth, " +
                "a pregnancy row after it, a resolution of nothing coded earlier) is the same 400 naming the same field in the same words, " +
                "and a date the pregnancy takes no exam on is the same 409. A hypothetical case follows the same finding rules, " +
                "dated by `lmp` or `gestationalWeeks`/`gestationalDays`. `prompts` lists rows only a clinician may code that the values suggest (in " +
                "the 2017 catalogue: ALT ≥ 120 U/L → 原因不明的肝功能异常, an aortic diameter of 40–44 mm → 主动脉疾病); they change no grade. Nothing is written.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
