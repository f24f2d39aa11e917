namespace HighRisk.Infrastructure.Data;

/// <summary>Remembers the content hash of each seed file loaded, so that start-up skips unchanged reference data.</summary>
public sealed class SeedRun
{
    public required string Name { get; init; }

    public required string ContentHash { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
