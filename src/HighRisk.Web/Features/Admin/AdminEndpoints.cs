using Hangfire;
using HighRisk.Features.Risk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HighRisk.Features.Admin;

public static class AdminEndpoints
{
    public sealed record JobQueued(string JobId);

    public static void MapAdmin(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration");

        group.MapPost("/jobs/regrade", Accepted<JobQueued> (IBackgroundJobClient jobs) =>
            {
                var id = jobs.Enqueue<CatalogueUpgradeJob>(job => job.RunAsync(CancellationToken.None));
                return TypedResults.Accepted("/api/risk/catalogue/upgrades", new JobQueued(id));
            })
            .WithName("RunCatalogueUpgrade")
            .WithSummary("Re-grade open pregnancies graded with another catalogue version")
            .WithDescription("Queues the catalogue upgrade job (it also runs by itself at start-up when a new catalogue version is loaded). Its report appears under GET /api/risk/catalogue/upgrades.");
    }
}
