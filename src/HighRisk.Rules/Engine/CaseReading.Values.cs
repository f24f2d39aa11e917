namespace HighRisk.Rules;

/// <summary>Reading values back: latest, per exam, derived gestational age; when a condition's values and a resolution were recorded.</summary>
internal ref partial struct CaseReading
{
    /// <summary>
    /// The value a condition reads: from <paramref name="exam"/> when the condition is bound to one exam, else the
    /// latest value (measured) or the case value (derived).
    /// </summary>
    public readonly bool TryValue(int observation, int exam, out ComparableValue value)
    {
        if (exam != NoExam)
        {
            if (observation < FirstDerived)
            {
                // Usually the latest value came from this very exam; only otherwise is the exam searched.
                ref readonly var fromExam = ref values[observation];
                if (fromExam.Key != 0 && fromExam.Exam == exam)
                {
                    value = fromExam.Value;
                    return true;
                }

                return TryExamValue(exam, observation, out value);
            }

            if (observation == (int)Observation.GestationalWeeks)
            {
                var dated = TryGestationalWeeks(Facts.Exams[exam].Date, out var weeks);
                value = ComparableValue.Of(weeks);
                return dated;
            }
        }

        ref readonly var latest = ref values[observation];
        value = latest.Value;
        return latest.Key != 0;
    }

    /// <summary>The key of an entry's latest resolution, or 0 when nothing resolved it.</summary>
    public readonly long ResolvedKey(int entry)
    {
        for (var i = 0; i < codedCount; i++)
        {
            if (coded[i].Entry == entry)
            {
                return coded[i].ResolvedKey;
            }
        }

        return 0;
    }

    /// <summary>
    /// When the measured values a condition reads were recorded: the key of the exam it is bound to, else of the newest
    /// latest value it reads; <see cref="long.MaxValue"/> for a condition over derived values only.
    /// </summary>
    public readonly long ReadingKey(CompiledCondition condition)
    {
        if (condition.MeasuredMask == 0)
        {
            return long.MaxValue;
        }

        if (condition.SameExam)
        {
            var exam = LatestExamWith(condition.MeasuredMask);
            return exam == NoExam ? 0 : exams[exam].Key;
        }

        long key = 0;
        foreach (var range in condition.Ranges)
        {
            if (range.Observation < FirstDerived)
            {
                key = Math.Max(key, values[range.Observation].Key);
            }
        }

        return key;
    }

    /// <summary>The exam behind the latest value of a measured observation, or <see cref="NoExam"/>.</summary>
    public readonly int LatestExam(int observation) => values[observation].Key == 0 ? NoExam : values[observation].Exam;

    /// <summary>The latest counted exam that recorded every observation in <paramref name="mask"/>.</summary>
    public readonly int LatestExamWith(ulong mask)
    {
        var best = NoExam;
        long bestKey = 0;
        for (var i = 0; i < exams.Length; i++)
        {
            if (exams[i].Key > bestKey && (exams[i].Recorded & mask) == mask)
            {
                best = i;
                bestKey = exams[i].Key;
            }
        }

        return best;
    }

    /// <summary>Completed weeks on a date from the LMP up to the birth; none before the LMP or from the delivery date on.</summary>
    public readonly bool TryGestationalWeeks(DateOnly date, out decimal completedWeeks)
    {
        if (TimeOn(date).Age is { } age)
        {
            completedWeeks = age.Weeks;
            return true;
        }

        completedWeeks = 0m;
        return false;
    }

    /// <summary>Where a date falls: at a gestational age, after the birth, or undated.</summary>
    public readonly ClinicalTime TimeOn(DateOnly date) => ClinicalTime.On(date, Lmp, Facts.DeliveryDate);

    /// <summary>The earliest counted exam's value of an observation (BMI without booking measurements), from an exam dated before <paramref name="before"/> when given.</summary>
    private readonly (decimal Value, int Exam) Earliest(Observation observation, DateOnly? before = null)
    {
        var mask = 1UL << (int)observation;
        var best = NoExam;
        for (var i = 0; i < exams.Length; i++)
        {
            if ((exams[i].Recorded & mask) != 0 && !(Facts.Exams[i].Date >= before) && (best == NoExam || exams[i].Key < exams[best].Key))
            {
                best = i;
            }
        }

        return best != NoExam && TryExamValue(best, (int)observation, out var value) ? (value.Value, best) : (0m, NoExam);
    }

    /// <summary>The exam's value of an observation; the last one when the exam recorded it twice.</summary>
    private readonly bool TryExamValue(int exam, int observation, out ComparableValue value)
    {
        var found = -1;
        var measurements = Facts.Exams[exam].Measurements;
        for (var m = 0; m < measurements.Count; m++)
        {
            if ((int)measurements[m].Observation == observation)
            {
                found = m;
            }
        }

        value = found < 0 ? default : ComparableValue.Of(measurements[found].Value);
        return found >= 0;
    }
}
