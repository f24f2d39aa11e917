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
    }
}
