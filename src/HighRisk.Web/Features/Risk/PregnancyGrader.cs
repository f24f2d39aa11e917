using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>Turns a stored pregnancy (with all its exams loaded) into the engine's facts and grades it.</summary>
public sealed class PregnancyGrader(RiskEngine engine)
{
    public RiskAssessment Assess(Pregnancy pregnancy, DateOnly assessmentDate) =>
        engine.Assess(FactsOf(pregnancy), assessmentDate);

    /// <summary>The clinical date a re-grade is made for: the latest exam, or the booking date.</summary>
    public static DateOnly AssessmentDateOf(Pregnancy pregnancy)
    {
        var latest = pregnancy.BookingDate;
        foreach (var exam in pregnancy.Exams)
        {
            if (exam.ExamDate > latest)
            {
                latest = exam.ExamDate;
            }
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
        pregnancy.Raises);

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
