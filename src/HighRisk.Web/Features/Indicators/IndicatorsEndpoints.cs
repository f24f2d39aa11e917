using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Indicators;

public static class IndicatorsEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapIndicators(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Case management");

        group.MapGet("/", async Task<Ok<GetIndicators.Response>> (string? division, string? month, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetIndicators.Query(division, month), ct)))
            .WithName("GetIndicators")
            .WithSummary("Case-management indicators per county and month (专案管理指标)")
            .WithDescription("`division`: a city (4 digits: a row per county of the city, and `total`) or a county (6 digits: one row), counted within the " +
                "caller's area (a division outside it: no rows). `month`: yyyy-MM, Asia/Shanghai business dates (400 naming `month` if malformed or in " +
                "the future). County or city MCH staff and administrators (403 otherwise). Each row: `reportedInTime`, `plannedInTime`, " +
                "`redAssessedAtLevel`, `deliveredAtLevel` as {`numerator`, `denominator`, `percent`} (percent null without a denominator), " +
                "`reportsStillDue`, `plansStillDue` and `deliveriesNotRecorded` counted apart, and the counts `lostToFollowUp`, `nearMisses`, " +
                "`maternalDeaths`. Definitions: docs/indicators.md.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/referrals", async Task<Ok<GetReferralIndicators.Response>> (string? division, string? month, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReferralIndicators.Query(division, month), ct)))
            .WithTags("Referrals")
            .WithName("GetReferralIndicators")
            .WithSummary("Referral indicators per county and receiving facility, by month (双向转诊指标)")
            .WithDescription("`division` (city or county) and `month` as for `GET /api/indicators`; the referrals of the women of the division requested in " +
                "the month, within the caller's area. `counties` (by her residence), `facilities` (by receiving facility) and `total`, each with `referred`, " +
                "`emergencies`, `accepted`, `declined`, `cancelled`, `arrived`, `completedFromSlip` (outcome typed by the sender), `referredBackDown`, " +
                "`closedLoop` (completed with the receiving facility's feedback over those neither declined nor cancelled, as {`numerator`, `denominator`, " +
                "`percent`}), `answeredLate`, `outcomeLate`; and `consultations`, a row per county: `asked` in the month and `answeredIn24Hours` " +
                "(answered within the time, over those answered or past it). Definitions: docs/indicators.md.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/export.xlsx", async Task<FileContentHttpResult> (string? division, string? month, ISender sender, CancellationToken ct) =>
            {
                var found = await sender.Send(new GetIndicators.Query(division, month, "xlsx"), ct);
                return TypedResults.File(IndicatorExports.Workbook(found), Xlsx, $"indicators-{found.Division}-{found.Month}.xlsx");
            })
            .WithName("ExportIndicators")
            .WithSummary("The indicators as an .xlsx workbook")
            .WithDescription("The same query and figures as `GET /api/indicators`, one line per county and the total, with Chinese column headings: " +
                string.Join(", ", IndicatorExports.Headings) + ".")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
