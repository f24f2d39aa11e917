namespace HighRisk.Rules;

/// <summary>The latest value of one observation in one assessment. <see cref="Key"/> 0 means "no value".</summary>
internal struct ObservationValue
{
    /// <summary>Set while exams are read; converted to <see cref="Value"/> once, when the latest is known.</summary>
    public decimal Latest;
    public ComparableValue Value;
    public long Key;
    public int Exam;
}

/// <summary>An exam's place in time (0 when it is after the assessment date) and the observations it recorded.</summary>
internal struct ExamState
{
    public long Key;
    public ulong Recorded;
}

/// <summary>The latest coding and latest resolution of one coded id.</summary>
internal struct CodedState
{
    public int Entry;
    public int Source;
    public long CodedKey;
    public long ResolvedKey;

    /// <summary>Active unless resolved strictly after its latest coding.</summary>
    public readonly bool IsActive => CodedKey != 0 && CodedKey >= ResolvedKey;
}

/// <summary>An active factor: which conditions hold, how it is active, and which factor implied it.</summary>
internal struct ActiveEntry
{
    public int Factor;
    public uint Satisfied;
    public byte How;
    public int ImpliedBy;
}
