using HighRisk.Rules;

namespace HighRisk.Features.Exams;

/// <summary>An antenatal examination (产检): measurements, coded findings, resolutions, and the grade after it.</summary>
public sealed class Exam
{
    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    public DateOnly ExamDate { get; init; }

    public required string FacilityCode { get; init; }

    public required string Examiner { get; init; }

    /// <summary>Observation API name → value in the vocabulary's unit (urine protein as its ordinal).</summary>
    public Dictionary<string, decimal> Measurements { get; init; } = [];

    public List<string> Findings { get; init; } = [];

    public List<ResolvedFinding> Resolved { get; init; } = [];

    public string? Note { get; init; }

    public DateOnly? NextAppointment { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public RiskColour GradeAfter { get; private set; }

    public bool PurpleAfter { get; private set; }

    /// <summary>
    /// The pregnancy's grade after this exam. A diagnosis this exam's values establish (the catalogue's persisting rows:
    /// diabetes/GDM, a hypertensive disorder, severe pre-eclampsia) is recorded as a finding of the exam, so that a later
    /// normal reading under treatment does not lower her colour: she keeps it until a clinician resolves it with a reason.
    /// </summary>
    internal void Graded(IReadOnlyList<ActiveFactor> factors, Func<string, bool> persists, RiskColour colour, bool purple)
    {
        var id = Id.ToString();
        foreach (var factor in factors)
        {
            if (persists(factor.Id) && !Findings.Contains(factor.Id) && !Resolved.Any(r => r.Id == factor.Id)
                && factor.Evidence.Any(e => e.Kind == EvidenceKinds.Measurement && e.ExamId == id))
            {
                Findings.Add(factor.Id);
            }
        }

        GradeAfter = colour;
        PurpleAfter = purple;
    }
}
