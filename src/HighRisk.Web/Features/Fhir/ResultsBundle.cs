using System.Globalization;
using System.Text.Json;
using HighRisk.Features.Exams;
using HighRisk.Infrastructure;
using HighRisk.Rules;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Issue = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>
/// Reads a hospital's transaction Bundle (Observations, optional Conditions coded with the catalogue, an optional
/// Encounter) as the exam API's <see cref="RecordExam.Command"/>: the same command a typed exam sends, so the same
/// validation, grading, history, alerts and follow-up apply. Only the translation lives here: codes to measurement names,
/// UCUM units checked against the vocabulary's, references to the woman and the facility. Every field of the command
/// remembers the element it came from, so that the command's own validation failures name the Bundle's element.
/// </summary>
public sealed partial class ResultsBundle
{
    private readonly Bundle _bundle;
    private readonly List<Issue> _issues = [];
    private readonly Dictionary<string, JsonElement> _measurements = new(StringComparer.Ordinal);
    private readonly List<string> _findings = [];
    private readonly List<string> _examiners = [];
    private readonly List<(string Code, string Element, string? Display)> _facilities = [];
    private readonly List<(DateOnly Date, string Element)> _dates = [];
    private readonly List<(ResourceReference Reference, string Element)> _subjects = [];
    private readonly List<(ResourceReference Reference, string Element)> _episodes = [];

    private ResultsBundle(Bundle bundle) => _bundle = bundle;

    /// <summary>Command field (as the exam API names it in its errors) → the Bundle element it was read from.</summary>
    public Dictionary<string, string> Elements { get; } = new(StringComparer.Ordinal);

    /// <summary>The Bundle element a field of the exam command came from (a blood pressure half: the other half's).</summary>
    public string ElementOf(string field) =>
        Elements.GetValueOrDefault(field)
        ?? (field is "measurements.systolicBp" or "measurements.diastolicBp"
            ? Elements.GetValueOrDefault("measurements.systolicBp") ?? Elements.GetValueOrDefault("measurements.diastolicBp")
            : null)
        ?? "Bundle";

    /// <summary>For each entry, in order, what it became: a measurement name, a finding index, or the exam itself.</summary>
    public List<string> Targets { get; } = [];

    /// <summary>The key that makes a second post of the same Bundle write nothing: its identifier.</summary>
    public string IdempotencyKey => $"{_bundle.Identifier!.System}|{_bundle.Identifier.Value}";

    public static ResultsBundle Read(Bundle bundle)
    {
        var reading = new ResultsBundle(bundle);
        reading.ReadAll();
        if (reading._issues.Count > 0)
        {
            throw new FhirProblem(StatusCodes.Status422UnprocessableEntity, reading._issues);
        }

        return reading;
    }

    /// <summary>The exam command for the pregnancy found for the Bundle's woman (see <see cref="ResultsTarget"/>).</summary>
    public RecordExam.Command ToCommand(Guid pregnancyId)
    {
        var facility = _facilities[0];
        var examiner = _examiners.FirstOrDefault() ?? facility.Display ?? facility.Code;
        return new RecordExam.Command
        {
            PregnancyId = pregnancyId,
            ExamDate = _dates[0].Date,
            FacilityCode = facility.Code,
            Examiner = examiner.Length > 50 ? examiner[..50] : examiner,
            Measurements = _measurements,
            Findings = _findings.Count > 0 ? _findings : null,
            Note = $"FHIR Bundle {_bundle.Identifier!.Value}" is { Length: <= 2000 } note ? note : null,
        };
    }

    public IReadOnlyList<(ResourceReference Reference, string Element)> Subjects => _subjects;

    public IReadOnlyList<(ResourceReference Reference, string Element)> Episodes => _episodes;

    private void ReadAll()
    {
        if (_bundle.Type != Bundle.BundleType.Transaction)
        {
            Fail(IssueType.NotSupported, "Only a transaction Bundle is taken here.", "Bundle.type");
        }

        if (string.IsNullOrWhiteSpace(_bundle.Identifier?.System) || string.IsNullOrWhiteSpace(_bundle.Identifier?.Value))
        {
            Fail(IssueType.Required, "Bundle.identifier (system and value) is required: it makes a second post of the same Bundle write nothing.", "Bundle.identifier");
        }

        if (_bundle.Entry.Count == 0)
        {
            Fail(IssueType.Required, "The Bundle has no entries.", "Bundle.entry");
        }

        for (var i = 0; i < _bundle.Entry.Count; i++)
        {
            var entry = _bundle.Entry[i];
            var at = $"Bundle.entry[{i}]";
            if (entry.Request?.Method != Bundle.HTTPVerb.POST)
            {
                Fail(IssueType.NotSupported, "Each entry is created: request.method must be POST.", $"{at}.request.method");
            }

            switch (entry.Resource)
            {
                case Hl7.Fhir.Model.Observation observation:
                    ReadObservation(observation, $"{at}.resource");
                    break;
                case Condition condition:
                    ReadCondition(condition, $"{at}.resource");
                    break;
                case Encounter encounter when !Targets.Contains("exam"):
                    ReadEncounter(encounter, $"{at}.resource");
                    break;
                default:
                    Targets.Add(string.Empty);
                    Fail(IssueType.NotSupported, $"An entry is an Observation, a Condition or one Encounter, not {entry.Resource?.TypeName ?? "empty"}.", $"{at}.resource");
                    break;
            }
        }

        if (_issues.Count == 0)
        {
            CheckOneExam();
        }
    }

    private void CheckOneExam()
    {
        if (_dates.Count == 0)
        {
            Fail(IssueType.Required, "The date of the exam is required: effectiveDateTime on the Observations, or the Encounter's period.start.", "Bundle.entry[0].resource.effective");
        }
        else if (_dates.FirstOrDefault(d => d.Date != _dates[0].Date) is { Element: not null } other)
        {
            Fail(IssueType.Value, $"One Bundle is one exam of one date: {other.Date:yyyy-MM-dd} differs from {_dates[0].Date:yyyy-MM-dd}.", other.Element);
        }
        else
        {
            Elements["examDate"] = _dates[0].Element;
            Elements["nextAppointment"] = _dates[0].Element;
        }

        if (_facilities.Count == 0)
        {
            Fail(IssueType.Required, $"The performing organization is required, identified by its facility code ({FhirSystems.FacilityCode}).", "Bundle.entry[0].resource.performer");
        }
        else if (_facilities.FirstOrDefault(f => f.Code != _facilities[0].Code) is { Element: not null } otherFacility)
        {
            Fail(IssueType.Value, "One Bundle is one exam at one facility.", otherFacility.Element);
        }
        else
        {
            Elements["facilityCode"] = _facilities[0].Element;
            Elements["examiner"] = _facilities[0].Element;
        }

        if (_subjects.Count == 0 && _episodes.Count == 0)
        {
            Fail(IssueType.Required, $"Whose results: a subject identified by resident ID ({FhirSystems.ResidentId}) or Patient id, or an EpisodeOfCare.", "Bundle.entry[0].resource.subject");
        }
    }

    private void Fail(IssueType type, string diagnostics, string element) => _issues.Add(FhirIssues.Invalid(type, diagnostics, element));
}
