using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Risk;

/// <summary>Records a finished re-grade after a catalogue change: how many open pregnancies were re-graded, how many changed.</summary>
public static partial class RecordCatalogueUpgrade
{
    public sealed record Command(string CatalogueVersion, DateTimeOffset StartedAt, int Regraded, int Changed) : ICommand<CatalogueUpgrade>;

    public sealed partial class Handler(HighRiskDb db, BusinessClock clock, ILogger<Handler> log) : ICommandHandler<Command, CatalogueUpgrade>
    {
        public ValueTask<CatalogueUpgrade> Handle(Command command, CancellationToken cancellationToken)
        {
            var upgrade = new CatalogueUpgrade
            {
                Id = Guid.CreateVersion7(clock.Now),
                CatalogueVersion = command.CatalogueVersion,
                StartedAt = command.StartedAt,
                FinishedAt = clock.Now,
                Regraded = command.Regraded,
                Changed = command.Changed,
            };
            db.CatalogueUpgrades.Add(upgrade);
            LogDone(log, upgrade.CatalogueVersion, upgrade.Regraded, upgrade.Changed);
            return ValueTask.FromResult(upgrade);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue {Version}: re-graded {Regraded} open pregnancies, {Changed} changed colour")]
        private static partial void LogDone(ILogger logger, string version, int regraded, int changed);
    }
}
