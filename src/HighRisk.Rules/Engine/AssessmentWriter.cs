namespace HighRisk.Rules;

/// <summary>
/// Builds the assessment: the active factors in output order, each with its evidence. Only this part allocates, and
/// only for what is active.
/// </summary>
internal static class AssessmentWriter
{
    private const string RaiseNameZh = "临床医生人工上调风险等级";
    private const string RaiseNameEn = "manual raise by a clinician";

    private static readonly Comparison<ActiveFactor> OutputOrder = static (a, b) =>
    {
        var byColour = CompiledCatalogue.OutputRank(a.Colour).CompareTo(CompiledCatalogue.OutputRank(b.Colour));
        return byColour != 0 ? byColour : string.CompareOrdinal(a.Id, b.Id);
    };

    public static RiskAssessment Write(CompiledCatalogue catalogue, ref CaseReading reading, ref FactorActivation activation)
    {
        var raises = ActiveRaises(ref reading);
        var count = activation.Count + (raises?.Count ?? 0);
        var colour = activation.Colour;
        var evidence = new EvidenceList(catalogue, reading.Facts, reading.AssessmentDate);
        var prompts = Prompts(catalogue, ref reading, ref activation, ref evidence);
        if (count == 0)
        {
            return new RiskAssessment(colour, activation.Purple, [], catalogue.Catalogue.Id, catalogue.Catalogue.Version) { Prompts = prompts };
        }

        var factors = new ActiveFactor[count];
        var next = 0;
        for (var slot = 0; slot < activation.Count; slot++)
        {
            factors[next++] = Factor(catalogue, activation[slot], ref reading, ref evidence);
        }

        if (raises is not null)
        {
            foreach (var raise in raises)
            {
                colour = raise.Colour > colour ? raise.Colour : colour;
                factors[next++] = new ActiveFactor(raise.Id, raise.Colour.ToFactorColour()!.Value, RaiseNameZh, RaiseNameEn, [
                    new FactorEvidence(EvidenceKinds.Raise, null, null, null, null, raise.Date, raise.By, raise.Reason, raise.Id),
                ]);
            }

            Array.Sort(factors, OutputOrder);
        }

        return new RiskAssessment(colour, activation.Purple, factors, catalogue.Catalogue.Id, catalogue.Catalogue.Version) { Prompts = prompts };
    }

    /// <summary>
    /// The coded rows whose prompt holds: not active, not explained by an active factor of the prompt's
    /// <c>unlessActive</c>, codeable on the assessment date (the catalogue's timing rule), and one of the prompt's
    /// conditions met by the case's values. The values of the first condition met are the prompt's evidence.
    /// </summary>
    private static RiskPrompt[] Prompts(CompiledCatalogue catalogue, ref CaseReading reading, ref FactorActivation activation, ref EvidenceList evidence)
    {
        List<RiskPrompt>? prompts = null;
        foreach (var f in catalogue.Prompted)
        {
            var factor = catalogue.Factors[f];
            var definition = factor.Definition;
            if (activation.IsActive(f) || Explained(factor, ref activation)
                || definition.CodingTimeAt(reading.TimeOn(reading.AssessmentDate)) != CodingTime.Fits)
            {
                continue;
            }

            foreach (var condition in factor.PromptConditions)
            {
                if (!FactorActivation.Holds(ref reading, condition, out var exam))
                {
                    continue;
                }

                evidence.Clear();
                foreach (var range in condition.Ranges)
                {
                    evidence.AddObservation(ref reading, range.Observation, exam, note: null);
                }

                foreach (var qualifier in condition.Qualifiers)
                {
                    if (qualifier.Present)
                    {
                        evidence.AddCoded(ref reading, qualifier.Entry);
                    }
                }

                var prompt = definition.Prompt!;
                (prompts ??= []).Add(new RiskPrompt(definition.Id, definition.Colour, definition.NameZh, definition.NameEn, evidence.ToArray(), prompt.WhyZh, prompt.WhyEn));
                break;
            }
        }

        return prompts is null ? [] : [.. prompts];
    }

    private static bool Explained(CompiledFactor factor, ref FactorActivation activation)
    {
        foreach (var explaining in factor.PromptUnless)
        {
            if (activation.IsActive(explaining))
            {
                return true;
            }
        }

        return false;
    }

    private static ActiveFactor Factor(CompiledCatalogue catalogue, ActiveEntry entry, ref CaseReading reading, ref EvidenceList evidence)
    {
        var f = entry.Factor;
        var factor = catalogue.Factors[f];
        var how = entry.How;
        evidence.Clear();
        var satisfied = entry.Satisfied;
        for (var c = 0; c < factor.Conditions.Length; c++)
        {
            if ((satisfied & (1u << c)) == 0)
            {
                continue;
            }

            // Only a condition bound to one exam needs evaluating again, to learn which exam.
            var condition = factor.Conditions[c];
            var exam = CaseReading.NoExam;
            if (condition.SameExam)
            {
                FactorActivation.Holds(ref reading, condition, out exam);
            }

            foreach (var range in condition.Ranges)
            {
                evidence.AddObservation(ref reading, range.Observation, exam, note: null);
            }

            foreach (var qualifier in condition.Qualifiers)
            {
                if (qualifier.Present)
                {
                    evidence.AddCoded(ref reading, qualifier.Entry);
                }
            }
        }

        if ((how & FactorActivation.ByCode) != 0)
        {
            evidence.AddCoded(ref reading, f);
        }

        if ((how & FactorActivation.ByCodedTogether) != 0 && factor.CodedAlternative(ref reading) is { } together)
        {
            foreach (var coded in together)
            {
                evidence.AddCoded(ref reading, coded);
            }
        }

        if ((how & FactorActivation.ByImplication) != 0)
        {
            evidence.AddImplied(entry.ImpliedBy);
        }

        foreach (var shown in factor.Shows)
        {
            evidence.AddObservation(ref reading, shown, CaseReading.NoExam, note: "supporting value, not a condition");
        }

        var definition = factor.Definition;
        return new ActiveFactor(definition.Id, definition.Colour, definition.NameZh, definition.NameEn, evidence.ToArray());
    }

    /// <summary>Raises dated up to the assessment date that no later exam resolved; null when there are none.</summary>
    private static List<ManualRaise>? ActiveRaises(ref CaseReading reading)
    {
        var raises = reading.Facts.Raises;
        List<ManualRaise>? active = null;
        for (var r = 0; r < raises.Count; r++)
        {
            var raise = raises[r];
            if (raise.Date > reading.AssessmentDate || raise.Colour == RiskColour.Green || IsResolved(ref reading, raise))
            {
                continue;
            }

            (active ??= []).Add(raise);
        }

        return active;
    }

    private static bool IsResolved(ref CaseReading reading, ManualRaise raise)
    {
        var exams = reading.Facts.Exams;
        for (var i = 0; i < exams.Count; i++)
        {
            if (!reading.Counts(i) || exams[i].Date <= raise.Date)
            {
                continue;
            }

            foreach (var resolved in exams[i].Resolved)
            {
                if (string.Equals(resolved.Id, raise.Id, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
