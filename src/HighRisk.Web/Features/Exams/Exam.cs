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
    /// Records as findings of this exam the lasting diagnoses its own values establish (diabetes/GDM, a hypertensive
    /// disorder, severe pre-eclampsia: <see cref="Risk.PregnancyGrader.DiagnosesFoundBy"/>), so that a later normal
    /// reading under treatment does not lower her colour: she keeps them until a clinician resolves them with a reason.
    /// </summary>
    internal void Found(IEnumerable<string> diagnoses)
    {
        foreach (var id in diagnoses)
        {
            if (!Findings.Contains(id))
            {
                Findings.Add(id);
            }
        }
    }

    /// <summary>The pregnancy's grade after this exam.</summary>
    internal void Graded(RiskColour colour, bool purple)
    {
        GradeAfter = colour;
        PurpleAfter = purple;
    }
}
