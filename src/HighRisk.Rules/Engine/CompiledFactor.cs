using System.Collections.Frozen;

namespace HighRisk.Rules;

/// <summary>A factor ready for evaluation: its conditions compiled, its implications as factor indexes.</summary>
internal sealed class CompiledFactor
{
    public CompiledFactor(RiskFactorDefinition definition, FrozenDictionary<string, int> entryIndex)
    {
        Definition = definition;
        Coded = definition.Coded;
        Persists = definition.Persists;
        GradeColour = definition.Colour.ToRiskColour();
        Conditions = [.. definition.When.Select(c => new CompiledCondition(c, entryIndex))];
        Implies = [.. definition.Implies.Select(id => entryIndex[id])];
        Shows = [.. definition.ShowsObservations.Select(o => (int)o)];
        CodedTogether = [.. (definition.WhenCoded ?? []).Select(ids => ids.Select(id => entryIndex[id]).ToArray())];
        PromptConditions = [.. (definition.Prompt?.When ?? []).Select(c => new CompiledCondition(c, entryIndex))];
        PromptUnless = [.. (definition.Prompt?.UnlessActive ?? []).Select(id => entryIndex[id])];
    }

    public RiskFactorDefinition Definition { get; }

    public bool Coded { get; }

    /// <summary>A diagnosis that lasts the pregnancy once found (the catalogue's <c>persists</c>), until a clinician resolves it.</summary>
    public bool Persists { get; }

    /// <summary>The grade this factor contributes, or null for purple.</summary>
    public RiskColour? GradeColour { get; }

    public CompiledCondition[] Conditions { get; }

    public int[] Implies { get; }

    public int[] Shows { get; }

    /// <summary>The catalogue's <c>whenCoded</c>: alternatives of entries that activate the factor when all are coded.</summary>
    public int[][] CodedTogether { get; }

    /// <summary>The catalogue's prompt conditions: values that suggest this coded row (empty when it has no prompt).</summary>
    public CompiledCondition[] PromptConditions { get; }

    /// <summary>Factors whose activity explains the prompt's values, so that it is not shown.</summary>
    public int[] PromptUnless { get; }

    /// <summary>The first alternative of <see cref="CodedTogether"/> whose entries are all coded and unresolved, or null.</summary>
    public int[]? CodedAlternative(ref CaseReading reading)
    {
        foreach (var entries in CodedTogether)
        {
            var all = true;
            foreach (var entry in entries)
            {
                all &= reading.IsCoded(entry);
            }

            if (all)
            {
                return entries;
            }
        }

        return null;
    }
}

/// <summary>One alternative of a factor, compiled: ranges by observation index, qualifiers by entry index.</summary>
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
