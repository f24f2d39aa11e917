using System.Text.Json;

namespace HighRisk.Rules;

/// <summary>The conditions of a factor: range tests, qualifier tests, and the overlap check between alternatives.</summary>
internal sealed partial class CatalogueReader
{
    /// <summary>A condition is either one test written inline or {"all": [tests]}.</summary>
    private FactorCondition ReadCondition(string factorId, JsonElement alternative)
    {
        if (alternative.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"factor '{factorId}': each 'when' entry must be an object");
        }

        var tests = new List<JsonElement>();
        if (alternative.TryGetProperty("all", out var all))
        {
            if (alternative.EnumerateObject().Count() != 1)
            {
                throw Fail($"factor '{factorId}': an entry with 'all' may hold nothing else");
            }

            tests.AddRange(Array(all, $"factor '{factorId}': 'all'"));
            if (tests.Count == 0)
            {
                throw Fail($"factor '{factorId}': 'all' is empty");
            }
        }
        else
        {
            tests.Add(alternative);
        }

        var ranges = new List<ObservationRange>();
        var qualifiers = new List<QualifierTest>();
        foreach (var test in tests)
        {
            if (test.ValueKind == JsonValueKind.Object && test.TryGetProperty("qualifier", out _))
            {
                qualifiers.Add(ReadQualifierTest(factorId, test));
                continue;
            }

            var range = ReadRange(factorId, test);
            if (ranges.Exists(r => r.Observation == range.Observation))
            {
                throw Fail($"factor '{factorId}': observation '{range.Observation.ToApiName()}' appears twice in one condition; write it as one range");
            }

            ranges.Add(range);
        }

        if (ranges.Count == 0)
        {
            throw Fail($"factor '{factorId}': a condition needs at least one observation range (a qualifier alone grades nothing; use \"coded\")");
        }

        return new FactorCondition(ranges, qualifiers);
    }

    private QualifierTest ReadQualifierTest(string factorId, JsonElement test)
    {
        RequireObject(test, $"factor '{factorId}': a qualifier test", QualifierTestProperties);
        var present = !test.TryGetProperty("present", out var presentElement) || Boolean(presentElement, $"factor '{factorId}': 'present'");
        return new QualifierTest(RequiredString(test, "qualifier"), present);
    }

    private ObservationRange ReadRange(string factorId, JsonElement test)
    {
        RequireObject(test, $"factor '{factorId}': a condition", RangeProperties);
        var observation = ObservationNamed(factorId, RequiredString(test, "observation"));
        var info = observation.Info();
        var unit = RequiredString(test, "unit");
        if (unit != info.Unit)
        {
            throw Fail($"factor '{factorId}': unit '{unit}' does not match {info.ApiName}'s unit '{info.Unit}'");
        }

        var gt = OptionalNumber(factorId, test, "gt");
        var gte = OptionalNumber(factorId, test, "gte");
        var lt = OptionalNumber(factorId, test, "lt");
        var lte = OptionalNumber(factorId, test, "lte");
        var eq = OptionalNumber(factorId, test, "eq");
        if ((gt is not null && gte is not null) || (lt is not null && lte is not null))
        {
            throw Fail($"factor '{factorId}': {info.ApiName} has two lower or two upper bounds");
        }

        NumericRange range;
        if (eq is not null)
        {
            if (gt is not null || gte is not null || lt is not null || lte is not null)
            {
                throw Fail($"factor '{factorId}': {info.ApiName} combines 'eq' with another bound");
            }

            range = new NumericRange(eq, true, eq, true);
        }
        else
        {
            if (gt is null && gte is null && lt is null && lte is null)
            {
                throw Fail($"factor '{factorId}': {info.ApiName} has no bound (use gt, gte, lt, lte or eq)");
            }

            range = new NumericRange(gt ?? gte, gte is not null, lt ?? lte, lte is not null);
        }

        if (range.IsEmpty)
        {
            throw Fail($"factor '{factorId}': {info.ApiName} range {range} holds no value");
        }

        return new ObservationRange(observation, range, unit);
    }

    /// <summary>
    /// Two alternatives of one factor that test the same observations with the same qualifiers must not overlap: the
    /// overlap would mean one of them is a typo or redundant. Alternatives that differ in a qualifier or in another
    /// observation (PLT &lt; 30 vs PLT ≤ 100 with bleeding) describe different situations and may overlap.
    /// </summary>
    private void CheckOverlaps(string factorId, List<FactorCondition> conditions)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            for (var j = i + 1; j < conditions.Count; j++)
            {
                var a = conditions[i];
                var b = conditions[j];
                if (!SameShape(a, b))
                {
                    continue;
                }

                var allOverlap = true;
                foreach (var range in a.Ranges)
                {
                    var other = b.Ranges.First(r => r.Observation == range.Observation);
                    allOverlap &= range.Range.Overlaps(other.Range);
                }

                if (allOverlap)
                {
                    var first = a.Ranges[0];
                    var second = b.Ranges.First(r => r.Observation == first.Observation);
                    throw Fail($"factor '{factorId}': ranges {first.Range} and {second.Range} of {first.Observation.ToApiName()} overlap");
                }
            }
        }
    }

    private static bool SameShape(FactorCondition a, FactorCondition b) =>
        a.Ranges.Count == b.Ranges.Count
        && a.Qualifiers.Count == b.Qualifiers.Count
        && a.Ranges.All(r => b.Ranges.Any(o => o.Observation == r.Observation))
        && a.Qualifiers.All(q => b.Qualifiers.Contains(q));
}
