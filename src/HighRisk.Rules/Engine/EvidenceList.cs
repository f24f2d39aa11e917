using System.Globalization;
using System.Runtime.CompilerServices;

namespace HighRisk.Rules;

/// <summary>
/// Collects one factor's evidence without repeats (an observation read by two conditions is listed once), then hands
/// it out as an array. Lives on the stack and is reused across the factors of one assessment.
/// </summary>
internal ref struct EvidenceList
{
    private readonly CompiledCatalogue catalogue;
    private readonly CaseFacts facts;
    private readonly DateOnly assessmentDate;
    private EvidenceBuffer buffer;
    private List<FactorEvidence>? overflow;
    private int count;

    public EvidenceList(CompiledCatalogue catalogue, CaseFacts facts, DateOnly assessmentDate)
    {
        this.catalogue = catalogue;
        this.facts = facts;
        this.assessmentDate = assessmentDate;
    }

    public void Clear()
    {
        count = 0;
        overflow?.Clear();
    }

    public readonly FactorEvidence[] ToArray()
    {
        var array = new FactorEvidence[count];
        for (var i = 0; i < count; i++)
        {
            array[i] = this[i];
        }

        return array;
    }

    public void AddObservation(ref CaseReading reading, int observation, int exam, string? note)
    {
        var info = ((Observation)observation).Info();
        if (!reading.TryValue(observation, exam, out var comparable))
        {
            return;
        }

        var value = comparable.Value;
        var evidence = info.Observation switch
        {
            Observation.AgeYears => Derived(info, value, null, assessmentDate, facts.BirthDate is null
                ? "age as recorded at booking"
                : "completed years from the birth date on the assessment date"),
            Observation.Bmi => Bmi(ref reading, info, value),
            Observation.GestationalWeeks => GestationalAge(ref reading, info, value, exam),
            Observation.Abortions or Observation.UterineOperations or Observation.MonthsSinceUterineSurgery =>
                new FactorEvidence(EvidenceKinds.History, info.ApiName, value, info.Unit, null, facts.BookingDate, facts.BookedBy, HistoryNote(ref reading, info.Observation)),
            _ => Measured(info, value, exam == CaseReading.NoExam ? reading.LatestExam(observation) : exam, note),
        };

        for (var i = 0; i < count; i++)
        {
            var existing = this[i];
            if (existing.Observation == evidence.Observation && existing.ExamId == evidence.ExamId)
            {
                return;
            }
        }

        Add(evidence);
    }

    /// <summary>A coded finding or qualifier: who coded it, where and when.</summary>
    public void AddCoded(ref CaseReading reading, int entry)
    {
        var id = EntryId(entry);
        for (var i = 0; i < count; i++)
        {
            var existing = this[i];
            if (existing.Finding == id && existing.Kind is EvidenceKinds.Coded or EvidenceKinds.History)
            {
                return;
            }
        }

        var note = entry >= catalogue.Factors.Length ? catalogue.QualifierNotes[entry - catalogue.Factors.Length] : null;
        var source = reading.CodedSource(entry);
        Add(source switch
        {
            CaseReading.FromHistory => new FactorEvidence(EvidenceKinds.History, null, null, null, null, facts.BookingDate, facts.BookedBy, note ?? "history flag", id),
            CaseReading.FromBooking => new FactorEvidence(EvidenceKinds.Coded, null, null, null, null, facts.BookingDate, facts.BookedBy, note ?? "coded at booking", id),
            _ => new FactorEvidence(EvidenceKinds.Coded, null, null, null, facts.Exams[source].ExamId, facts.Exams[source].Date, facts.Exams[source].Examiner, note, id),
        });
    }

    public void AddImplied(int sourceFactor) =>
        Add(new FactorEvidence(EvidenceKinds.Implied, null, null, null, null, assessmentDate, null, catalogue.ImpliedNotes[sourceFactor], catalogue.Factors[sourceFactor].Definition.Id));

    private readonly FactorEvidence this[int index] => index < EvidenceBuffer.Length ? buffer[index]! : overflow![index - EvidenceBuffer.Length];

    private void Add(FactorEvidence evidence)
    {
        if (count < EvidenceBuffer.Length)
        {
            buffer[count] = evidence;
        }
        else
        {
            (overflow ??= []).Add(evidence);
        }

        count++;
    }

    private readonly FactorEvidence Measured(ObservationInfo info, decimal value, int exam, string? note)
    {
        var source = facts.Exams[exam];
        return new FactorEvidence(EvidenceKinds.Measurement, info.ApiName, value, info.Unit, source.ExamId, source.Date, source.Examiner, note);
    }

    private static FactorEvidence Derived(ObservationInfo info, decimal value, string? examId, DateOnly date, string note) =>
        new(EvidenceKinds.Derived, info.ApiName, value, info.Unit, examId, date, null, note);

    private readonly FactorEvidence Bmi(ref CaseReading reading, ObservationInfo info, decimal value)
    {
        var weightFrom = reading.BmiWeightExam == CaseReading.FromBooking ? "booking" : "exam " + facts.Exams[reading.BmiWeightExam].ExamId;
        var heightFrom = reading.BmiHeightExam == CaseReading.FromBooking ? "booking" : "exam " + facts.Exams[reading.BmiHeightExam].ExamId;
        var date = reading.BmiWeightExam == CaseReading.FromBooking ? facts.BookingDate : facts.Exams[reading.BmiWeightExam].Date;
        return new FactorEvidence(
            EvidenceKinds.Derived,
            info.ApiName,
            value,
            info.Unit,
            null,
            date,
            null,
            string.Create(CultureInfo.InvariantCulture, $"weight {reading.BmiWeight} kg ({weightFrom}) / height {reading.BmiHeight} cm ({heightFrom}) squared, unrounded"));
    }

    private readonly FactorEvidence GestationalAge(ref CaseReading reading, ObservationInfo info, decimal value, int exam)
    {
        var date = exam == CaseReading.NoExam ? assessmentDate : facts.Exams[exam].Date;
        var lmp = reading.Lmp!.Value;
        var age = Rules.GestationalAge.FromLmp(lmp, date);
        var lmpNote = facts.Lmp is null ? "LMP implied by the recorded gestational weeks" : "LMP";
        return Derived(info, value, exam == CaseReading.NoExam ? null : facts.Exams[exam].ExamId, date, string.Create(CultureInfo.InvariantCulture, $"{age} weeks on {date:O} from {lmpNote} {lmp:O}"));
    }

    private readonly string? HistoryNote(ref CaseReading reading, Observation observation) => observation switch
    {
        Observation.UterineOperations => "caesareans + other uterine operations",
        Observation.MonthsSinceUterineSurgery => string.Create(CultureInfo.InvariantCulture, $"last uterine operation {facts.History.LastUterineSurgery:O}, LMP {reading.Lmp:O}"),
        _ => null,
    };

    private readonly string EntryId(int entry) =>
        entry < catalogue.Factors.Length
            ? catalogue.Factors[entry].Definition.Id
            : catalogue.Catalogue.Qualifiers[entry - catalogue.Factors.Length].Id;
}

/// <summary>Room for a factor's evidence on the stack; rarely does a factor have more.</summary>
[InlineArray(Length)]
internal struct EvidenceBuffer
{
    public const int Length = 8;

    private FactorEvidence? first;
}
