using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

public enum GradeCause
{
    Booking,
    Exam,
    ManualRaise,
    CatalogueUpgrade,

    /// <summary>Another record of the same woman was merged into this one (always a row, colour changed or not).</summary>
    Merge,

    /// <summary>A merge was undone: each record is graded again from what is its own.</summary>
    Unmerge,
}

/// <summary>A row of the grade history: written whenever the colour or the purple flag changes.</summary>
public sealed class GradeChange
{
    public Guid Id { get; init; }

    /// <summary>Database-assigned order of the changes (instants can tie).</summary>
    public long Sequence { get; private set; }

    public Guid PregnancyId { get; init; }

    public RiskColour? FromColour { get; init; }

    public RiskColour ToColour { get; init; }

    public bool FromPurple { get; init; }

    public bool ToPurple { get; init; }

    public IReadOnlyList<ActiveFactor> Factors { get; init; } = [];

    public Guid? ExamId { get; init; }

    public GradeCause Cause { get; init; }

    public required string CatalogueVersion { get; init; }

    public required string ChangedBy { get; init; }

    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>Raised when a pregnancy's colour or purple flag changes; alerts consume it in the same transaction.</summary>
public sealed record GradeChanged(Pregnancy Pregnancy, GradeChange Change) : Mediator.INotification;
