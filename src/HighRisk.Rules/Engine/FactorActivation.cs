namespace HighRisk.Rules;

/// <summary>
/// Which factors are active and why: by which conditions, by a coded finding (or coded ids together), or implied by another factor. Only the
/// conditions triggered by observations the case has are evaluated, and only active factors take a slot.
/// </summary>
internal ref struct FactorActivation
{
    public const byte ByCondition = 1;
    public const byte ByCode = 2;
    public const byte ByImplication = 4;
    public const byte ByCodedTogether = 8;

    /// <summary>Slots kept on the stack; a case needing more (many findings) gets a heap array.</summary>
    public const int StackSlots = 32;

    private readonly CompiledCatalogue catalogue;
    private readonly Span<ActiveEntry> active;

    public FactorActivation(CompiledCatalogue catalogue, Span<ActiveEntry> active)
    {
        this.catalogue = catalogue;
        this.active = active;
    }

    public int Count { get; private set; }

    public RiskColour Colour { get; private set; }

    public bool Purple { get; private set; }

    /// <summary>An upper bound on the active factors: triggered conditions, coded ids and implications.</summary>
    public static int Capacity(CompiledCatalogue catalogue, ref CaseReading reading)
    {
        var bound = reading.CodedCount + catalogue.ImpliedTotal + catalogue.CodedTogether.Length;
        for (var o = 0; o < Observations.Count; o++)
        {
            if (reading.Has(o))
            {
                bound += catalogue.SimpleByTrigger[o].Length + catalogue.ComplexByTrigger[o].Length;
            }
        }

        return Math.Min(bound, catalogue.Factors.Length);
    }

    public readonly ActiveEntry this[int slot] => active[slot];

    public readonly bool IsActive(int factor)
    {
        for (var i = 0; i < Count; i++)
        {
            if (active[i].Factor == factor)
            {
                return true;
            }
        }

        return false;
    }

    public void Evaluate(ref CaseReading reading)
    {
        for (var o = 0; o < Observations.Count; o++)
        {
            if (!reading.Has(o))
            {
                continue;
            }

            ref readonly var value = ref reading.ValueOf(o);
            foreach (ref readonly var condition in catalogue.SimpleByTrigger[o].AsSpan())
            {
                if (condition.Range.Contains(in value))
                {
                    Slot(condition.Factor).Satisfied |= condition.Bit;
                }
            }

            foreach (var condition in catalogue.ComplexByTrigger[o])
            {
                if (Holds(ref reading, condition.Condition, out _))
                {
                    Slot(condition.Factor).Satisfied |= 1u << condition.Index;
                }
            }
        }

        if (reading.HasResolutions)
        {
            DropReadingsFromBeforeResolution(ref reading);
        }

        var factors = catalogue.Factors;
        for (var i = 0; i < reading.CodedCount; i++)
        {
            var state = reading.CodedAt(i);
            if (state.IsActive && state.Entry < factors.Length && factors[state.Entry].Coded)
            {
                Slot(state.Entry).How |= ByCode;
            }
        }

        if (reading.CodedCount >= 2)
        {
            foreach (var f in catalogue.CodedTogether)
            {
                if (factors[f].CodedAlternative(ref reading) is not null)
                {
                    Slot(f).How |= ByCodedTogether;
                }
            }
        }

        // The list only grows, so walking it to its end settles chains of implication in one pass.
        for (var i = 0; i < Count; i++)
        {
            var source = active[i].Factor;
            foreach (var target in factors[source].Implies)
            {
                ref var implied = ref Slot(target);
                if ((implied.How & ByImplication) == 0)
                {
                    implied.How |= ByImplication;
                    implied.ImpliedBy = source;
                }
            }
        }

        for (var i = 0; i < Count; i++)
        {
            if (active[i].Satisfied != 0)
            {
                active[i].How |= ByCondition;
            }

            if (factors[active[i].Factor].GradeColour is { } colour)
            {
                Colour = colour > Colour ? colour : Colour;
            }
            else
            {
                Purple = true;
            }
        }

        SortByRank();
    }

    /// <summary>
    /// Whether every range and qualifier test of the condition holds. A condition over two exam observations is bound
    /// to the latest exam that recorded all of them; <paramref name="exam"/> names it (or is NoExam).
    /// </summary>
    public static bool Holds(ref CaseReading reading, CompiledCondition condition, out int exam)
    {
        exam = CaseReading.NoExam;
        if (condition.SameExam)
        {
            exam = reading.LatestExamWith(condition.MeasuredMask);
            if (exam == CaseReading.NoExam)
            {
                return false;
            }
        }

        var ranges = condition.Ranges;
        for (var r = 0; r < ranges.Length; r++)
        {
            if (!reading.TryValue(ranges[r].Observation, exam, out var value) || !ranges[r].Contains(value))
            {
                return false;
            }
        }

        var qualifiers = condition.Qualifiers;
        for (var q = 0; q < qualifiers.Length; q++)
        {
            if (reading.IsCoded(qualifiers[q].Entry) != qualifiers[q].Present)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A lasting diagnosis (the catalogue's <c>persists</c>: diabetes/GDM, a hypertensive disorder, severe pre-eclampsia)
    /// that a clinician resolved is not found again from the readings she resolved it over: its conditions count only
    /// values recorded in the resolving exam or after it, so it ends even while those readings are still the latest
    /// (a resolution on an exam that measured no glucose). A measured factor that does not persist follows its latest
    /// value whatever is resolved. Runs before coding and implication, so every slot here is held by conditions alone.
    /// </summary>
    private void DropReadingsFromBeforeResolution(ref CaseReading reading)
    {
        var factors = catalogue.Factors;
        for (var i = 0; i < Count; i++)
        {
            var factor = factors[active[i].Factor];
            var resolved = factor.Persists ? reading.ResolvedKey(active[i].Factor) : 0;
            if (resolved == 0)
            {
                continue;
            }

            var satisfied = active[i].Satisfied;
            for (var c = 0; c < factor.Conditions.Length; c++)
            {
                if ((satisfied & (1u << c)) != 0 && reading.ReadingKey(factor.Conditions[c]) < resolved)
                {
                    satisfied &= ~(1u << c);
                }
            }

            active[i].Satisfied = satisfied;
            if (satisfied == 0)
            {
                active.Slice(i + 1, Count - i - 1).CopyTo(active.Slice(i));
                Count--;
                i--;
            }
        }
    }

    private ref ActiveEntry Slot(int factor)
    {
        for (var i = 0; i < Count; i++)
        {
            if (active[i].Factor == factor)
            {
                return ref active[i];
            }
        }

        ref var added = ref active[Count++];
        added = new ActiveEntry { Factor = factor };
        return ref added;
    }

    /// <summary>
    /// Puts the slots in output order. Sorts small integer keys (rank, then slot) rather than the slots themselves;
    /// the list is short and the keys fit in a stack buffer.
    /// </summary>
    private readonly void SortByRank()
    {
        var rank = catalogue.Rank;
        Span<long> keys = stackalloc long[Count];
        for (var i = 0; i < Count; i++)
        {
            keys[i] = ((long)rank[active[i].Factor] << 32) | (uint)i;
        }

        keys.Sort();
        Span<ActiveEntry> sorted = stackalloc ActiveEntry[Count];
        for (var i = 0; i < Count; i++)
        {
            sorted[i] = active[(int)keys[i]];
        }

        sorted.CopyTo(active);
    }
}
