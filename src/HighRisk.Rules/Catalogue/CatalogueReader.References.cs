namespace HighRisk.Rules;

/// <summary>The catalogue's ids: each used once, and every id a factor names (qualifiers, combined rows, implied rows, a prompt's explaining rows) known.</summary>
internal sealed partial class CatalogueReader
{
    private void CheckReferences(List<QualifierDefinition> qualifiers, List<RiskFactorDefinition> factors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var qualifier in qualifiers)
        {
            line = qualifier.Line;
            if (!seen.Add(qualifier.Id))
            {
                throw Fail($"duplicate id '{qualifier.Id}'");
            }
        }

        var qualifierIds = seen.ToHashSet(StringComparer.Ordinal);
        foreach (var factor in factors)
        {
            line = factor.Line;
            if (!seen.Add(factor.Id))
            {
                throw Fail($"duplicate id '{factor.Id}'");
            }
        }

        var factorIds = factors.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var factor in factors)
        {
            line = factor.Line;
            foreach (var test in factor.When.Concat(factor.Prompt?.When ?? []).SelectMany(c => c.Qualifiers))
            {
                if (!qualifierIds.Contains(test.QualifierId))
                {
                    throw Fail($"factor '{factor.Id}': unknown qualifier '{test.QualifierId}'");
                }
            }

            foreach (var combined in factor.WhenCoded?.SelectMany(ids => ids) ?? [])
            {
                if (!qualifierIds.Contains(combined) && factors.Find(f => f.Id == combined) is not { Coded: true })
                {
                    throw Fail($"factor '{factor.Id}': 'whenCoded' names '{combined}', which is neither a qualifier nor a coded factor");
                }
            }

            foreach (var explaining in factor.Prompt?.UnlessActive ?? [])
            {
                if (explaining == factor.Id || !factorIds.Contains(explaining))
                {
                    throw Fail($"factor '{factor.Id}': the prompt's 'unlessActive' names '{explaining}', which is not another factor");
                }
            }

            foreach (var implied in factor.Implies)
            {
                if (implied == factor.Id)
                {
                    throw Fail($"factor '{factor.Id}' implies itself");
                }

                if (!factorIds.Contains(implied))
                {
                    throw Fail($"factor '{factor.Id}': unknown implied factor '{implied}'");
                }
            }
        }
    }
}
