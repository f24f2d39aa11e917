using Hangfire;
using HighRisk.Infrastructure;
using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Risk;

/// <summary>
/// After a catalogue change: re-grades every open pregnancy, a batch per command (<see cref="RegradeBatch"/>, each its own
/// transaction), then records the run (<see cref="RecordCatalogueUpgrade"/>).
/// </summary>
public sealed class CatalogueUpgradeJob(ISender sender, BusinessClock clock, RiskCatalogue catalogue)
{
    public const int BatchSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = Telemetry.Time("catalogue-upgrade");
        var (started, regraded, changed) = (clock.Now, 0, 0);
        while (await sender.Send(new RegradeBatch.Command(BatchSize), cancellationToken) is { Regraded: > 0 } batch)
        {
            (regraded, changed) = (regraded + batch.Regraded, changed + batch.Changed);
        }

        await sender.Send(new RecordCatalogueUpgrade.Command(RegradeBatch.CurrentVersion(catalogue), started, regraded, changed), cancellationToken);
    }
}
