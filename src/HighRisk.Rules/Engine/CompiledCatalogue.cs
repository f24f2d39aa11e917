using System.Collections.Frozen;

namespace HighRisk.Rules;

/// <summary>
/// The catalogue flattened for evaluation: factors and qualifiers share one index space ("entries": factors first),
/// conditions hold observation indexes and qualifier indexes instead of names, and factors are pre-sorted in output
/// order. Built once per engine; read-only afterwards, so one engine serves every thread.
/// </summary>
internal sealed class CompiledCatalogue
{
    public CompiledCatalogue(RiskCatalogue catalogue)
    {
        Catalogue = catalogue;
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        var factorCount = catalogue.Factors.Count;
        for (var i = 0; i < factorCount; i++)
        {
            entries.Add(catalogue.Factors[i].Id, i);
        }

        for (var i = 0; i < catalogue.Qualifiers.Count; i++)
        {
            entries.Add(catalogue.Qualifiers[i].Id, factorCount + i);
        }

        EntryCount = entries.Count;
        Codeable = new bool[EntryCount];
        foreach (var (id, index) in entries)
        {
            Codeable[index] = catalogue.IsCodeable(id);
        }

        EntryIndex = entries.ToFrozenDictionary(StringComparer.Ordinal);
        Factors = new CompiledFactor[factorCount];
        for (var i = 0; i < factorCount; i++)
        {
            Factors[i] = new CompiledFactor(catalogue.Factors[i], EntryIndex);
        }

        ImpliedTotal = Factors.Sum(f => f.Implies.Length);
        ImpliedNotes = [.. catalogue.Factors.Select(f => "implied by " + f.Id)];
        QualifierNotes = [.. catalogue.Qualifiers.Select(q => "qualifier: " + q.NameEn)];
        var order = Enumerable.Range(0, factorCount)
            .OrderBy(i => OutputRank(catalogue.Factors[i].Colour))
            .ThenBy(i => catalogue.Factors[i].Id, StringComparer.Ordinal)
            .ToArray();
        Rank = new int[factorCount];
        for (var position = 0; position < order.Length; position++)
        {
            Rank[order[position]] = position;
        }

        // Each condition is filed under one observation it cannot hold without, so a case only evaluates the
        // conditions whose trigger it has a value for. Most are one range and nothing else ("simple"): those are
        // kept inline in arrays so that checking one is a single comparison.
        var simple = new List<SimpleCondition>[Observations.Count];
        var complex = new List<ConditionRef>[Observations.Count];
        for (var o = 0; o < Observations.Count; o++)
        {
            simple[o] = [];
            complex[o] = [];
        }

        for (var f = 0; f < factorCount; f++)
        {
            for (var c = 0; c < Factors[f].Conditions.Length; c++)
            {
                var condition = Factors[f].Conditions[c];
                if (condition.IsSimple)
                {
                    simple[condition.Trigger].Add(new SimpleCondition(f, 1u << c, condition.Ranges[0]));
                }
                else
                {
                    complex[condition.Trigger].Add(new ConditionRef(f, c, condition));
                }
            }
        }

        SimpleByTrigger = [.. simple.Select(t => t.ToArray())];
        ComplexByTrigger = [.. complex.Select(t => t.ToArray())];
    }

    public RiskCatalogue Catalogue { get; }

    /// <summary>Factor or qualifier id → entry index. Factors are 0..Factors.Length-1, qualifiers follow.</summary>
    public FrozenDictionary<string, int> EntryIndex { get; }

    public int EntryCount { get; }

    public bool[] Codeable { get; }

    public CompiledFactor[] Factors { get; }

    /// <summary>Sum of all implications, a bound on how many factors implication can add.</summary>
    public int ImpliedTotal { get; }

    /// <summary>Position of each factor in output order: by colour (red first, purple last), then id.</summary>
    public int[] Rank { get; }

    /// <summary>One-range conditions, indexed by their observation.</summary>
    public SimpleCondition[][] SimpleByTrigger { get; }

    /// <summary>Conditions with several ranges or qualifiers, indexed by the observation that triggers them.</summary>
    public ConditionRef[][] ComplexByTrigger { get; }

    /// <summary>"implied by {id}" for each factor, built once rather than per assessment.</summary>
    public string[] ImpliedNotes { get; }

    /// <summary>"qualifier: {name}" for each qualifier.</summary>
    public string[] QualifierNotes { get; }

    public static int OutputRank(FactorColour colour) => colour switch
    {
        FactorColour.Red => 0,
        FactorColour.Orange => 1,
        FactorColour.Yellow => 2,
        _ => 3,
    };
}

internal sealed class CompiledFactor
{
    public CompiledFactor(RiskFactorDefinition definition, FrozenDictionary<string, int> entryIndex)
    {
        Definition = definition;
        Coded = definition.Coded;
        GradeColour = definition.Colour.ToRiskColour();
        Conditions = [.. definition.When.Select(c => new CompiledCondition(c, entryIndex))];
        Implies = [.. definition.Implies.Select(id => entryIndex[id])];
        Shows = [.. definition.ShowsObservations.Select(o => (int)o)];
    }

    public RiskFactorDefinition Definition { get; }

    public bool Coded { get; }

    /// <summary>The grade this factor contributes, or null for purple.</summary>
    public RiskColour? GradeColour { get; }

    public CompiledCondition[] Conditions { get; }

    public int[] Implies { get; }

    public int[] Shows { get; }
}

internal sealed class CompiledCondition
{
    public CompiledCondition(FactorCondition condition, FrozenDictionary<string, int> entryIndex)
    {
        Ranges = [.. condition.Ranges.Select(r => new CompiledRange((int)r.Observation, r.Range))];
        Qualifiers = [.. condition.Qualifiers.Select(q => new CompiledQualifierTest(entryIndex[q.QualifierId], q.Present))];

        // Two or more exam-level observations must come from one exam (BP with protein, glucose with gestational age).
        var examLevel = condition.Ranges.Count(r => IsExamLevel(r.Observation));
        SameExam = examLevel >= 2;
        var measured = condition.Ranges.FirstOrDefault(r => r.Observation.Info().Source == ObservationSource.Measured);
        Trigger = (int)(measured ?? condition.Ranges[0]).Observation;
        foreach (var range in condition.Ranges)
        {
            if (range.Observation.Info().Source == ObservationSource.Measured)
            {
                MeasuredMask |= 1UL << (int)range.Observation;
            }
        }
    }

    public CompiledRange[] Ranges { get; }

    public CompiledQualifierTest[] Qualifiers { get; }

    public bool SameExam { get; }

    /// <summary>An observation without which the condition cannot hold (measured ones first: they are rarer).</summary>
    public int Trigger { get; }

    /// <summary>One range on the latest value, nothing else.</summary>
    public bool IsSimple => Ranges.Length == 1 && Qualifiers.Length == 0 && !SameExam;

    /// <summary>Bit per measured observation the condition reads; an exam qualifies when it recorded all of them.</summary>
    public ulong MeasuredMask { get; }

    /// <summary>Measured observations, and gestational age, belong to an exam; the other derived values to the case.</summary>
    public static bool IsExamLevel(Observation observation) =>
        observation.Info().Source == ObservationSource.Measured || observation == Observation.GestationalWeeks;
}

internal readonly struct CompiledRange
{
    private readonly NumericRange range;
    private readonly long lowest;
    private readonly ulong width;
    private readonly bool onGrid;

    public CompiledRange(int observation, NumericRange range)
    {
        Observation = observation;
        this.range = range;

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
            : range.Contains(value.Value);
}

internal readonly record struct CompiledQualifierTest(int Entry, bool Present);

internal readonly record struct ConditionRef(int Factor, int Index, CompiledCondition Condition);

/// <summary>A one-range condition of a factor; <see cref="Bit"/> marks it among the factor's conditions.</summary>
internal readonly record struct SimpleCondition(int Factor, uint Bit, CompiledRange Range);
