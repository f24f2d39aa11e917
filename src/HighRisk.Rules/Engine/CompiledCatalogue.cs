using System.Collections.Frozen;

namespace HighRisk.Rules;

/// <summary>
/// The catalogue flattened for evaluation: factors and qualifiers share one index space ("entries": factors first),
/// conditions hold observation indexes and qualifier indexes instead of names and are filed by observation, and each
/// factor knows its place in output order. Built once per engine; read-only afterwards, so one engine serves every
/// thread.
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
        CodedTogether = [.. Enumerable.Range(0, factorCount).Where(f => Factors[f].CodedTogether.Length > 0)];
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

        Prompted = [.. order.Where(f => Factors[f].PromptConditions.Length > 0)];

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

    /// <summary>The factors with <c>whenCoded</c> alternatives, checked once per assessment against the coded ids.</summary>
    public int[] CodedTogether { get; }

    /// <summary>The factors with a prompt, in output order.</summary>
    public int[] Prompted { get; }

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
