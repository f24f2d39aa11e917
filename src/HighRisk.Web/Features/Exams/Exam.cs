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

    public RiskColour GradeAfter { get; set; }

    public bool PurpleAfter { get; set; }
}
