using HighRisk.Features.Pregnancies;
using HighRisk.Rules;
using Hl7.Fhir.Model;
using RiskAssessment = Hl7.Fhir.Model.RiskAssessment;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

public static partial class FhirResources
{
    /// <summary>
    /// The grade now (id = the pregnancy's) and each change of it (id = the change's): the colour as the qualitative risk,
    /// the evidence (the measurements and coded findings that made each active factor) as the basis, the catalogue
    /// version as the method.
    /// </summary>
    public static IEnumerable<RiskAssessment> RiskAssessments(FhirRecord record)
    {
        var p = record.Pregnancy;
        var lastChange = p.GradeHistory.LastOrDefault();
        yield return RiskAssessment(record, p.Id.ToString(), ObservationStatus.Final, p.Grade, p.Purple, p.Factors, p.CatalogueVersion, p.GradedAt, lastChange?.ExamId);
        foreach (var change in p.GradeHistory)
        {
            yield return RiskAssessment(record, change.Id.ToString(), ObservationStatus.Amended, change.To, change.ToPurple, change.Factors, change.CatalogueVersion, change.ChangedAt, change.ExamId);
        }
    }

    private static RiskAssessment RiskAssessment(
        FhirRecord record, string id, ObservationStatus status, string colour, bool purple, IReadOnlyList<ActiveFactor> factors, string? catalogue, DateTimeOffset at, Guid? examId)
    {
        var assessment = new RiskAssessment
        {
            Id = id,
            Meta = Updated(at),
            Status = status,
            Code = new CodeableConcept { Text = "妊娠风险评估 (pregnancy risk grade, five colours)" },
            Subject = PatientOf(record),
            Encounter = examId is { } exam ? new ResourceReference($"Encounter/{exam}") : null,
            Occurrence = new FhirDateTime(at.ToOffset(TimeSpan.FromHours(8))),
            Method = catalogue is null ? null : new CodeableConcept(FhirSystems.RiskCatalogue, catalogue, catalogue, null),
            Prediction =
            [
                new RiskAssessment.PredictionComponent
                {
                    Outcome = new CodeableConcept { Text = "pregnancy risk" },
                    QualitativeRisk = Colour(colour),
                    Rationale = string.Join("; ", factors.Select(f => $"{f.Id} ({f.Colour.ToApiName()}): {f.NameZh}")) is { Length: > 0 } why ? why : null,
                },
            ],
            Basis = [.. Basis(record, factors)],
        };
        if (purple)
        {
            assessment.Note = [new Annotation { Text = new Markdown("purple: infectious disease (紫色，传染病)") }];
        }

        return assessment;
    }

    /// <summary>The evidence of the active factors: each measurement as its Observation, each coded finding as its Condition.</summary>
    private static IEnumerable<ResourceReference> Basis(FhirRecord record, IReadOnlyList<ActiveFactor> factors)
    {
        var conditions = Conditions(record).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evidence in factors.SelectMany(f => f.Evidence))
        {
            string? reference = null;
            if (evidence.Kind == EvidenceKinds.Measurement && evidence.ExamId is { } exam && evidence.Observation is { } name && Guid.TryParse(exam, out var examId))
            {
                reference = $"Observation/{FhirIds.Measurement(examId, name)}";
            }
            else if (evidence.Finding is { } finding && conditions.FirstOrDefault(c => c.Code!.Coding[0].Code == finding
                && (evidence.ExamId is null || c.Id!.StartsWith(evidence.ExamId, StringComparison.Ordinal))) is { } condition)
            {
                reference = $"Condition/{condition.Id}";
            }

            if (reference is not null && seen.Add(reference))
            {
                yield return new ResourceReference(reference);
            }
        }
    }

    /// <summary>Her colour now (id = the pregnancy's) and the purple flag (active while she is purple).</summary>
    public static IEnumerable<Flag> Flags(FhirRecord record)
    {
        var p = record.Pregnancy;
        var managed = p.Status == PregnancyStatus.Open || p.InPostpartumEpisode;
        yield return Flag(record, p.Id.ToString(), p.Grade, managed, p.GradedAt);
        var purpleSince = p.GradeHistory.LastOrDefault(g => g.ToPurple != g.FromPurple)?.ChangedAt ?? p.GradedAt;
        yield return Flag(record, p.Id + FhirIds.PurpleSuffix, "purple", managed && p.Purple, purpleSince);
    }

    private static Flag Flag(FhirRecord record, string id, string colour, bool active, DateTimeOffset since) => new()
    {
        Id = id,
        Meta = Updated(since),
        Status = active ? Hl7.Fhir.Model.Flag.FlagStatus.Active : Hl7.Fhir.Model.Flag.FlagStatus.Inactive,
        Category = [new CodeableConcept(FhirSystems.FlagCategory, "clinical")],
        Code = Colour(colour),
        Subject = PatientOf(record),
        Period = new Period { Start = new FhirDateTime(since.ToOffset(TimeSpan.FromHours(8))).Value },
    };

    private static CodeableConcept Colour(string colour) =>
        new(FhirSystems.RiskColour, colour, ColourNames.TryGetValue(colour, out var name) ? name : colour, null);

    internal static readonly Dictionary<string, string> ColourNames = new(StringComparer.Ordinal)
    {
        ["green"] = "绿色 (low risk)",
        ["yellow"] = "黄色 (general risk)",
        ["orange"] = "橙色 (relatively high risk)",
        ["red"] = "红色 (high risk)",
        ["purple"] = "紫色 (infectious disease)",
    };
}
