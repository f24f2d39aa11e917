namespace HighRisk.Rules;

/// <summary>
/// Grades a case against a catalogue. Pure: no I/O, no clock (the assessment date is an argument), no mutable state,
/// so the same facts and date always give the same assessment and one engine can serve every thread.
/// </summary>
public sealed class RiskEngine
{
    // Working state lives on the stack up to these sizes (a busy case is well inside them), on the heap beyond.
    private const int StackExams = 64;
    private const int StackCodedIds = 16;

    private readonly CompiledCatalogue compiled;

    public RiskEngine(RiskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        compiled = new CompiledCatalogue(catalogue);
    }

    public RiskCatalogue Catalogue => compiled.Catalogue;

    /// <summary>
    /// The grade on <paramref name="assessmentDate"/>: exams and raises dated later are ignored, age is counted on
    /// this date. Colour is the highest active factor or raise (green when none); purple is a flag beside it.
    /// </summary>
    public RiskAssessment Assess(CaseFacts facts, DateOnly assessmentDate)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.History);
        var examCount = facts.Exams.Count;
        if (examCount > CaseReading.MaxExams)
        {
            throw new ArgumentException($"A case can hold at most {CaseReading.MaxExams} exams.", nameof(facts));
        }

        var reading = new CaseReading(
            compiled,
            facts,
            assessmentDate,
            stackalloc ObservationValue[Observations.Count],
            examCount <= StackExams ? stackalloc ExamState[examCount] : new ExamState[examCount],
            stackalloc CodedState[StackCodedIds]);
        reading.Read();
        reading.Derive();

        var activation = new FactorActivation(
            compiled,
            FactorActivation.Capacity(compiled, ref reading) <= FactorActivation.StackSlots
                ? stackalloc ActiveEntry[FactorActivation.StackSlots]
                : new ActiveEntry[compiled.Factors.Length]);
        activation.Evaluate(ref reading);

        return AssessmentWriter.Write(compiled, ref reading, ref activation);
    }
}
