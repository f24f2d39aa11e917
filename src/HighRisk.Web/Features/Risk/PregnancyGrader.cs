using HighRisk.Features.Exams;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>Turns a stored pregnancy (with all its exams loaded) into the engine's facts and grades it.</summary>
public sealed class PregnancyGrader(RiskEngine engine, BusinessClock clock, FollowUpPolicy policy)
{
    public RiskAssessment Assess(Pregnancy pregnancy, DateOnly assessmentDate) =>
        engine.Assess(FactsOf(pregnancy), assessmentDate);

    /// <summary>
    /// Re-grades the pregnancy from everything recorded (booking, every exam, raises) as of its latest clinical date,
    /// writing history when the colour or purple changes and moving the schedule when she turns red.
    /// </summary>
    /// <param name="contact">When the re-grade comes with a contact (booking, exam), the schedule moves from it first (with
    /// the new colour before the birth; as the postpartum visit or the 42-day check after it); turning red then still
    /// requires a contact within 24 hours.</param>
    public void Regrade(Pregnancy pregnancy, GradeCause cause, Guid? examId, string by, (DateOnly Date, DateOnly? Appointment)? contact = null)
    {
        var assessment = Assess(pregnancy, AssessmentDateOf(pregnancy));
        if (contact is var (date, appointment))
        {
            if (pregnancy.IsAfterBirth(date))
            {
                // The exam of the postpartum visit or of the 42-day check: a visit to a clinic, counted as such.
                pregnancy.Schedule.AfterPostpartumContact(date, ContactKind.ClinicVisit, appointment, pregnancy.OutcomeDate!.Value, pregnancy.DischargeDate, policy);
            }
            else
            {
                pregnancy.Schedule.AfterAntenatalContact(date, appointment, assessment.Colour, assessment.Purple, pregnancy.GestationalAgeOn(date), policy);
            }
        }

        pregnancy.ApplyAssessment(assessment, cause, examId, by, clock.Now, clock.Today, policy);
    }

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
