using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Divisions;

public static class DivisionsEndpoints
{
    public static void MapDivisions(this IEndpointRouteBuilder api)
    {
        api.MapGet("/divisions", async Task<Ok<IReadOnlyList<ListDivisions.Item>>> (string? parent, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDivisions.Query(parent), ct)))
            .WithTags("Reference data")
            .WithName("ListDivisions")
            .WithSummary("List administrative divisions")
            .WithDescription("The divisions directly under `parent` (e.g. 4303 → Xiangtan's counties, 430302 → Yuhu's townships); the provinces without it.")
            .ProducesValidationProblem();

        api.MapGet("/facilities", async Task<Ok<IReadOnlyList<ListFacilities.Item>>> (string? division, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFacilities.Query(division), ct)))
            .WithTags("Reference data")
            .WithName("ListFacilities")
            .WithSummary("List facilities")
            .WithDescription("Facilities serving divisions under a division-code prefix (at most 500). Codes are `<division>-MCH`, " +
                "`<division>-H<nn>` (hospital), `<township>-THC` (township health centre) and `<sub-district>-CHC` (community health " +
                "service centre). `level` is the hospital grade (1 一级, 2 二级, 3 三级); `midwifery` marks a licensed delivery facility " +
                "(助产机构), `criticalCareCentre` a designated critical maternal care centre (危重孕产妇救治中心), `synthetic` a plausible " +
                "stand-in that no public source confirmed.")
            .ProducesValidationProblem();
    }
}
