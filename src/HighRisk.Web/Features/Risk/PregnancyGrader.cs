using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>
/// Turns a stored pregnancy (with all its exams loaded) into the engine's facts and grades it. The pregnancy calls it
/// when it re-grades itself; it changes nothing.
/// </summary>
public sealed class PregnancyGrader(RiskEngine engine, RiskCatalogue catalogue)
{
    public RiskAssessment Assess(Pregnancy pregnancy, DateOnly assessmentDate) =>
        engine.Assess(FactsOf(pregnancy), assessmentDate);

    /// <summary>Whether a factor is a diagnosis that lasts the pregnancy once found (the catalogue's <c>persists</c>).</summary>
    public bool Persists(string factorId) => catalogue.TryGetFactor(factorId, out var definition) && definition.Persists;

    /// <summary>
    /// The lasting diagnoses (the catalogue's <c>persists</c>) an exam's own values establish in a grade: active from a
    /// measurement of this exam, and neither coded nor resolved by it.
    /// </summary>
    public IEnumerable<string> DiagnosesFoundBy(IReadOnlyList<ActiveFactor> factors, string examId, IReadOnlyList<string> findings, IReadOnlyList<ResolvedFinding> resolved) =>
        factors.Where(f => Persists(f.Id) && !findings.Contains(f.Id) && !resolved.Any(r => r.Id == f.Id)
                && f.Evidence.Any(e => e.Kind == EvidenceKinds.Measurement && e.ExamId == examId))
            .Select(f => f.Id);

    /// <summary>
    /// What an exam dated before her latest clinical date found, graded as of its own date. The re-grade as of her latest
    /// date reads the later exams' values, so it cannot see what this one's established: a paper exam entered late, a
    /// laboratory result posted after a later visit. Taken before the re-grade, so that the re-grade counts it.
    /// </summary>
    public IReadOnlyList<string> DiagnosesFoundOnItsDate(CaseFacts facts, ExamFacts exam) =>
        [.. DiagnosesFoundBy(engine.Assess(facts, exam.Date).Factors, exam.ExamId, exam.Findings, exam.Resolved)];

    /// <summary>The clinical date a re-grade is made for: the latest exam or raise, or the booking date.</summary>
    public static DateOnly AssessmentDateOf(Pregnancy pregnancy)
    {
        var latest = pregnancy.BookingDate;
        foreach (var exam in pregnancy.Exams)
        {
            latest = exam.ExamDate > latest ? exam.ExamDate : latest;
        }

        foreach (var raise in pregnancy.Raises)
        {
            latest = raise.Date > latest ? raise.Date : latest;
        }

        return latest;
    }

    public static CaseFacts FactsOf(Pregnancy pregnancy) => new(
        pregnancy.Woman.BirthDate,
        AgeYears: null,
        pregnancy.Lmp,
        GestationalWeeks: null,
        pregnancy.HeightCm,
        pregnancy.WeightKg,
        HistoryOf(pregnancy.History),
        pregnancy.Findings,
        pregnancy.HealthWorker,
        pregnancy.BookingDate,
        pregnancy.Exams.OrderBy(e => e.ExamDate).ThenBy(e => e.RecordedAt).Select(FactsOf).ToList(),
        pregnancy.Raises,
        pregnancy.DeliveredOn);

    public static BookingHistory HistoryOf(PregnancyHistory history) => new(
        history.Gravidity, history.Parity, history.Abortions, history.Cesareans, history.UterineSurgeries, history.LastUterineSurgery, history.Flags);

    public static ExamFacts FactsOf(Exam exam) => new(
        exam.Id.ToString(),
        exam.ExamDate,
        exam.Examiner,
        MeasurementsOf(exam.Measurements),
        exam.Findings,
        exam.Resolved);

    public static IReadOnlyList<Measurement> MeasurementsOf(IReadOnlyDictionary<string, decimal> measurements)
    {
        var list = new List<Measurement>(measurements.Count);
        foreach (var (name, value) in measurements)
        {
            if (Observations.TryParse(name, out var observation))
            {
                list.Add(new Measurement(observation, value));
            }
        }

        return list;
    }
}
