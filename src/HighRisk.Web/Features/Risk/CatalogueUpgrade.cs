namespace HighRisk.Features.Risk;

/// <summary>One run of re-grading the open pregnancies after a new catalogue version was loaded.</summary>
public sealed class CatalogueUpgrade
{
    public Guid Id { get; init; }

    public required string CatalogueVersion { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Open pregnancies graded with the new version.</summary>
    public int Regraded { get; set; }

    /// <summary>Of those, how many changed colour or purple flag (each wrote a grade-history row).</summary>
    public int Changed { get; set; }
}
