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
