namespace HighRisk.Rules.Tests.Builders;

/// <summary>Builds one exam: <c>e => e.On(date).Hb(55).Finding("y_icp")</c>.</summary>
public sealed class AnExam
{
    private readonly List<Measurement> measurements = [];
    private readonly List<string> findings = [];
    private readonly List<ResolvedFinding> resolved = [];
    private string? examId;
    private string? examiner = "Dr Wang";

    public AnExam(DateOnly date) => Date = date;

    public DateOnly Date { get; private set; }

    public AnExam On(DateOnly date)
    {
        Date = date;
        return this;
    }

    public AnExam Id(string id)
    {
        examId = id;
        return this;
    }

    public AnExam By(string? name)
    {
        examiner = name;
        return this;
    }

    public AnExam Measure(Observation observation, decimal value)
    {
        measurements.Add(new Measurement(observation, value));
        return this;
    }

    public AnExam Hb(decimal gramsPerLitre) => Measure(Observation.Hemoglobin, gramsPerLitre);

    public AnExam Platelets(decimal count) => Measure(Observation.Platelets, count);

    public AnExam Bp(decimal systolic, decimal diastolic) =>
        Measure(Observation.SystolicBp, systolic).Measure(Observation.DiastolicBp, diastolic);

    public AnExam Protein(string grade) =>
        Measure(Observation.UrineProtein, UrineProteinGrade.TryParse(grade, out var value) ? value : throw new ArgumentException(grade, nameof(grade)));

    public AnExam Glucose(decimal fasting) => Measure(Observation.FastingGlucose, fasting);

    public AnExam Finding(params string[] ids)
    {
        findings.AddRange(ids);
        return this;
    }

    public AnExam Resolve(string id, string reason = "resolved on review")
    {
        resolved.Add(new ResolvedFinding(id, reason));
        return this;
    }

    public ExamFacts Build(int position) =>
        new(examId ?? $"exam-{position + 1}", Date, examiner, [.. measurements], [.. findings], [.. resolved]);
}
