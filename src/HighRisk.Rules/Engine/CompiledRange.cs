namespace HighRisk.Rules;

/// <summary>A range test on one observation, compiled for a fast check.</summary>
internal readonly struct CompiledRange
{
    // Kept small (it is checked in a tight loop): the decimal range sits behind a reference, for values off the grid.
    private readonly long lowest;
    private readonly ulong width;
    private readonly DecimalRange exact;
    private readonly bool onGrid;

    public CompiledRange(int observation, NumericRange range)
    {
        Observation = observation;
        exact = new DecimalRange(range);

        // On the grid of millionths every bound becomes inclusive: x > 25 is x >= 25.000001.
        var lower = range.Lower is { } l ? ComparableValue.Of(l) : default;
        var upper = range.Upper is { } u ? ComparableValue.Of(u) : default;
        onGrid = (range.Lower is null || lower.OnGrid) && (range.Upper is null || upper.OnGrid);
        lowest = range.Lower is null ? long.MinValue : lower.Millionths + (range.LowerInclusive ? 0 : 1);
        var highest = range.Upper is null ? long.MaxValue : upper.Millionths - (range.UpperInclusive ? 0 : 1);
        width = unchecked((ulong)(highest - lowest));
    }

    public int Observation { get; }

    /// <summary>One unsigned comparison on the grid (lowest &lt;= x &lt;= highest); the decimal range otherwise.</summary>
    public bool Contains(in ComparableValue value) =>
        onGrid && value.OnGrid
            ? unchecked((ulong)(value.Millionths - lowest)) <= width
            : exact.Range.Contains(value.Value);
}

/// <summary>The exact range, for values (or thresholds) with more than six decimals.</summary>
internal sealed record DecimalRange(NumericRange Range);

internal readonly record struct CompiledQualifierTest(int Entry, bool Present);

internal readonly record struct ConditionRef(int Factor, int Index, CompiledCondition Condition);

/// <summary>A one-range condition of a factor; <see cref="Bit"/> marks it among the factor's conditions.</summary>
internal readonly record struct SimpleCondition(int Factor, uint Bit, CompiledRange Range);
