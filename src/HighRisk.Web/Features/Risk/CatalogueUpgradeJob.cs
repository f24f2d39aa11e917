using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Risk;

/// <summary>
/// The Hangfire job that re-grades every open pregnancy after a catalogue change, 500 at a time, and records how many
/// were re-graded and how many changed colour.
/// </summary>
public sealed partial class CatalogueUpgradeJob(IServiceScopeFactory scopes, BusinessClock clock, RiskCatalogue catalogue, ILogger<CatalogueUpgradeJob> log)
{
    public const int BatchSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("catalogue-upgrade");
        var upgrade = new CatalogueUpgrade { Id = Guid.CreateVersion7(), CatalogueVersion = RegradeBatch.CurrentVersion(catalogue), StartedAt = clock.Now };
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegradeBatch.Command(BatchSize), cancellationToken);
            if (batch.Regraded == 0)
            {
                break;
            }

            upgrade.Regraded += batch.Regraded;
            upgrade.Changed += batch.Changed;
        }

        upgrade.FinishedAt = clock.Now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
            db.CatalogueUpgrades.Add(upgrade);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogDone(log, upgrade.CatalogueVersion, upgrade.Regraded, upgrade.Changed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue {Version}: re-graded {Regraded} open pregnancies, {Changed} changed colour")]
    private static partial void LogDone(ILogger logger, string version, int regraded, int changed);
}
