namespace HighRisk.Rules;

/// <summary>
/// One assessment's view of the case, indexed for the catalogue: the latest value of every observation, what each exam
/// recorded, which coded ids are active, and the derived values. Lives on the stack for the length of one call.
/// </summary>
/// <remarks>
/// Events are ordered by a key: (date + 1) × 65536 + position, where booking is position 0 and exam i is i + 1. So exams
/// order by date with ties in list order, booking comes before same-day exams, and a key of 0 means "absent".
/// </remarks>
internal ref partial struct CaseReading
{
    public const int NoExam = -1;
    public const int FromBooking = -1;
    public const int FromHistory = -2;
    public const int MaxExams = 65533;

    private const int FirstDerived = (int)Observation.AgeYears;

    /// <summary>An exam's weight stands in for the booking weight in BMI only before this gestational age (the first trimester).</summary>
    private const int BookingWeightBeforeWeeks = 14;

    private readonly CompiledCatalogue catalogue;
    private readonly Span<ObservationValue> values;
    private readonly Span<ExamState> exams;
    private Span<CodedState> coded;
    private int codedCount;

    public CaseReading(CompiledCatalogue catalogue, CaseFacts facts, DateOnly assessmentDate, Span<ObservationValue> values, Span<ExamState> exams, Span<CodedState> coded)
    {
        this.catalogue = catalogue;
        Facts = facts;
        AssessmentDate = assessmentDate;
        this.values = values;
        this.exams = exams;
        this.coded = coded;
    }

    public CaseFacts Facts { get; }

    public DateOnly AssessmentDate { get; }

    /// <summary>The LMP, or the one implied by the recorded gestational weeks.</summary>
    public DateOnly? Lmp { get; private set; }

    public decimal BmiHeight { get; private set; }

    public decimal BmiWeight { get; private set; }

    /// <summary>Exam the BMI height came from, or <see cref="FromBooking"/>.</summary>
    public int BmiHeightExam { get; private set; }

    public int BmiWeightExam { get; private set; }

    public readonly int CodedCount => codedCount;

    /// <summary>Whether any exam resolved anything (most cases: no, and resolved lasting diagnoses need no look).</summary>
    public bool HasResolutions { get; private set; }

    public static long Key(DateOnly date, int position) => ((long)(date.DayNumber + 1) << 16) | (uint)position;

    /// <summary>Exams dated after the assessment date have not happened yet as far as this grade is concerned.</summary>
    public readonly bool Counts(int exam) => exams[exam].Key != 0;

    public readonly bool Has(int observation) => values[observation].Key != 0;

    /// <summary>The latest (or derived) value of an observation the case has.</summary>
    public readonly ref readonly ComparableValue ValueOf(int observation) => ref values[observation].Value;

    /// <summary>
    /// One pass over the case: the latest value of each measured observation, the observations each exam recorded,
    /// and the latest coding and resolution of every coded id. A finding is active unless a resolution came strictly
    /// after its latest coding, so a resolution dated before the finding (or in the same exam) does not count and a
    /// finding coded again is active again.
    /// </summary>
    public void Read()
    {
        var bookingKey = Facts.BookingDate is { } booked ? Key(booked, 0) : 1;
        Code(Facts.History.Flags, bookingKey, FromHistory);
        Code(Facts.BookingFindings, bookingKey, FromBooking);
        var list = ListSpans.Of(Facts.Exams);
        for (var i = 0; i < list.Length; i++)
        {
            var exam = list[i];
            if (exam.Date > AssessmentDate)
            {
                exams[i] = default;
                continue;
            }

            // The hottest loop of an assessment (every measurement of every exam): keep it to the bare update.
            var key = Key(exam.Date, i + 1);
            ulong recorded = 0;
            foreach (var measurement in ListSpans.Of(exam.Measurements))
            {
                var o = (int)measurement.Observation;
                if ((uint)o >= FirstDerived)
                {
                    continue;
                }

                recorded |= 1UL << o;
                ref var latest = ref values[o];
                if (key >= latest.Key)
                {
                    latest.Latest = measurement.Value;
                    latest.Key = key;
                    latest.Exam = i;
                }
            }

            exams[i] = new ExamState { Key = key, Recorded = recorded };
            Code(exam.Findings, key, i);
            Resolve(exam.Resolved, key);
        }

        // Only the latest value of each observation is compared, so only those are converted.
        for (var o = 0; o < FirstDerived; o++)
        {
            ref var latest = ref values[o];
            if (latest.Key != 0)
            {
                latest.Value = ComparableValue.Of(latest.Latest);
            }
        }

        (BmiHeight, BmiHeightExam) = Facts.HeightCm is { } bookedHeight ? (bookedHeight, FromBooking) : Earliest(Observation.HeightCm);
    }

    /// <summary>Then the derived values: age, BMI, gestational age and booking history.</summary>
    public void Derive()
    {
        if (Facts.BirthDate is { } birth)
        {
            Set(Observation.AgeYears, ClinicalDates.AgeOn(birth, AssessmentDate));
        }
        else if (Facts.AgeYears is { } age)
        {
            Set(Observation.AgeYears, age);
        }

        Lmp = Facts.Lmp
            ?? (Facts.GestationalWeeks is { } weeks ? (Facts.BookingDate ?? AssessmentDate).AddDays(-7 * weeks) : null);
        if (TryGestationalWeeks(AssessmentDate, out var gestationalWeeks))
        {
            Set(Observation.GestationalWeeks, gestationalWeeks);
        }

        // The weight of BMI is the pre-pregnancy or booking weight. Without one, an exam's weight stands in only when it
        // was taken before 14+0 weeks: a weight from later in pregnancy includes the pregnancy's gain.
        (BmiWeight, BmiWeightExam) = Facts.WeightKg is { } bookedWeight
            ? (bookedWeight, FromBooking)
            : Earliest(Observation.WeightKg, Lmp?.AddDays(7 * BookingWeightBeforeWeeks));
        if (BmiHeight > 0m && BmiWeight > 0m)
        {
            Set(Observation.Bmi, BodyMass.Index(BmiWeight, BmiHeight));
        }

        var history = Facts.History;
        Set(Observation.Abortions, history.Abortions);
        Set(Observation.UterineOperations, history.Cesareans + history.UterineSurgeries);
        if (history.LastUterineSurgery is { } surgery && Lmp is { } lmp)
        {
            Set(Observation.MonthsSinceUterineSurgery, ClinicalDates.CompletedMonths(surgery, lmp));
        }
    }

    public readonly CodedState CodedAt(int slot) => coded[slot];

    public readonly bool IsCoded(int entry)
    {
        for (var i = 0; i < codedCount; i++)
        {
            if (coded[i].Entry == entry)
            {
                return coded[i].IsActive;
            }
        }

        return false;
    }

    /// <summary>Where the active coding came from: an exam index, <see cref="FromBooking"/> or <see cref="FromHistory"/>.</summary>
    public readonly int CodedSource(int entry)
    {
        for (var i = 0; i < codedCount; i++)
        {
            if (coded[i].Entry == entry)
            {
                return coded[i].Source;
            }
        }

        return FromBooking;
    }

    private void Code(IReadOnlyList<string> ids, long key, int source)
    {
        var index = catalogue.EntryIndex;
        var codeable = catalogue.Codeable;
        foreach (var id in ListSpans.Of(ids))
        {
            // Ids the catalogue does not know (or cannot code) are ignored: the host validates them on the way in,
            // and a finding stored under an older catalogue version must not break a regrade.
            if (index.TryGetValue(id, out var entry) && codeable[entry])
            {
                ref var state = ref State(entry);
                if (key >= state.CodedKey)
                {
                    state.CodedKey = key;
                    state.Source = source;
                }
            }
        }
    }

    private void Resolve(IReadOnlyList<ResolvedFinding> resolved, long key)
    {
        foreach (var resolution in ListSpans.Of(resolved))
        {
            if (catalogue.EntryIndex.TryGetValue(resolution.Id, out var entry))
            {
                HasResolutions = true;
                ref var state = ref State(entry);
                state.ResolvedKey = Math.Max(state.ResolvedKey, key);
            }
        }
    }

    /// <summary>The state slot of an entry, added on first use; a case codes a handful of ids, so a scan is cheapest.</summary>
    private ref CodedState State(int entry)
    {
        for (var i = 0; i < codedCount; i++)
        {
            if (coded[i].Entry == entry)
            {
                return ref coded[i];
            }
        }

        if (codedCount == coded.Length)
        {
            // More ids than the stack slots: move to a heap array twice the size.
            var larger = new CodedState[Math.Max(16, coded.Length * 2)];
            coded.CopyTo(larger);
            coded = larger;
        }

        ref var added = ref coded[codedCount++];
        added = new CodedState { Entry = entry };
        return ref added;
    }

    private readonly void Set(Observation observation, decimal value)
    {
        ref var slot = ref values[(int)observation];
        slot.Value = ComparableValue.Of(value);
        slot.Key = 1;
        slot.Exam = NoExam;
    }
}
