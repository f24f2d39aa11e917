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
            Note = $"FHIR Bundle {_bundle.Identifier!.Value}".Length > 2000 ? null : $"FHIR Bundle {_bundle.Identifier!.Value}",
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

    private void ReadObservation(Hl7.Fhir.Model.Observation observation, string at)
    {
        if (observation.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected))
        {
            Fail(IssueType.Value, "Only final results are recorded (status final, amended or corrected).", $"{at}.status");
        }

        ReadSubject(observation.Subject, $"{at}.subject");
        ReadDate(observation.Effective, $"{at}.effective");
        foreach (var (performer, index) in observation.Performer.Select((p, n) => (p, n)))
        {
            ReadPerformer(performer, $"{at}.performer[{index}]");
        }

        if (observation.Code?.Coding.Any(c => c.System == FhirSystems.Loinc && c.Code == ObservationCodes.BloodPressurePanel) == true)
        {
            Targets.Add("systolicBp");
            for (var j = 0; j < observation.Component.Count; j++)
            {
                var component = observation.Component[j];
                ReadValue(component.Code, component.Value, $"{at}.component[{j}]", $"{at}.component[{j}].code");
            }

            return;
        }

        Targets.Add(ReadValue(observation.Code, observation.Value, at, $"{at}.code") ?? string.Empty);
    }

    /// <summary>Maps a coded value to its measurement; returns the measurement name, or null (and an issue) when it cannot.</summary>
    private string? ReadValue(CodeableConcept? code, DataType? value, string at, string codeElement)
    {
        var coded = code?.Coding.Select(c => ObservationCodes.TryFind(c.System, c.Code, out var found) ? found : null).FirstOrDefault(c => c is not null);
        if (coded is null)
        {
            var sent = string.Join(", ", code?.Coding.Select(c => $"{c.System}|{c.Code}") ?? []);
            Fail(IssueType.CodeInvalid, $"HighRisk does not record this code ({sent}); the codes it takes are listed in docs/fhir.md.", codeElement);
            return null;
        }

        var name = coded.Info.ApiName;
        if (_measurements.ContainsKey(name))
        {
            Fail(IssueType.Duplicate, $"A second value for {name} in the same exam.", codeElement);
            return null;
        }

        if (coded.Unit is null)
        {
            var text = value switch
            {
                FhirString s => s.Value,
                CodeableConcept c => c.Text ?? c.Coding.FirstOrDefault()?.Code,
                _ => null,
            };
            if (text is null)
            {
                Fail(IssueType.Value, $"{name} is a dipstick grade: valueString one of {string.Join(", ", UrineProteinGrade.Texts)}.", $"{at}.value");
                return null;
            }

            Map(name, JsonSerializer.SerializeToElement(text), $"{at}.valueString");
            return name;
        }

        if (value is not Quantity quantity || quantity.Value is not { } number)
        {
            Fail(IssueType.Value, $"{name} is a valueQuantity in UCUM {coded.Unit}.", $"{at}.value");
            return null;
        }

        if (quantity.System != FhirSystems.Ucum || quantity.Code != coded.Unit)
        {
            Fail(IssueType.Value, $"{name} must be in UCUM {coded.Unit} (system {FhirSystems.Ucum}), not {quantity.Code ?? quantity.Unit ?? "no unit"}.", $"{at}.valueQuantity.code");
            return null;
        }

        Map(name, JsonSerializer.SerializeToElement(number), $"{at}.valueQuantity.value");
        return name;
    }

    private void Map(string name, JsonElement value, string element)
    {
        _measurements[name] = value;
        Elements[$"measurements.{name}"] = element;
    }

    private void ReadCondition(Condition condition, string at)
    {
        Targets.Add($"finding:{_findings.Count}");
        ReadSubject(condition.Subject, $"{at}.subject");
        var clinical = condition.ClinicalStatus?.Coding.FirstOrDefault()?.Code;
        if (clinical is not (null or "active" or "recurrence" or "relapse"))
        {
            Fail(IssueType.Value, "Only an active finding is recorded from a Bundle.", $"{at}.clinicalStatus");
        }

        var code = condition.Code?.Coding.FirstOrDefault(c => c.System == FhirSystems.RiskFactor)?.Code;
        if (code is null)
        {
            Fail(IssueType.CodeInvalid, $"A Condition is coded with the catalogue ({FhirSystems.RiskFactor}).", $"{at}.code");
            return;
        }

        Elements[$"findings[{_findings.Count}]"] = $"{at}.code";
        _findings.Add(code);
    }

    private void ReadEncounter(Encounter encounter, string at)
    {
        Targets.Add("exam");
        ReadSubject(encounter.Subject, $"{at}.subject");
        for (var j = 0; j < encounter.EpisodeOfCare.Count; j++)
        {
            _episodes.Add((encounter.EpisodeOfCare[j], $"{at}.episodeOfCare[{j}]"));
        }

        if (encounter.Period?.StartElement is { } start)
        {
            ReadDate(start, $"{at}.period.start");
        }

        if (encounter.ServiceProvider is { } provider)
        {
            ReadPerformer(provider, $"{at}.serviceProvider");
        }

        foreach (var participant in encounter.Participant.Where(p => !string.IsNullOrWhiteSpace(p.Individual?.Display)))
        {
            _examiners.Insert(0, participant.Individual!.Display!.Trim());
        }
    }

    private void ReadSubject(ResourceReference? subject, string at)
    {
        if (subject is null)
        {
            return;
        }

        if (subject.Reference?.StartsWith("EpisodeOfCare/", StringComparison.Ordinal) == true)
        {
            _episodes.Add((subject, at));
        }
        else
        {
            _subjects.Add((subject, at));
        }
    }

    private void ReadPerformer(ResourceReference performer, string at)
    {
        if (performer.Identifier is { System: FhirSystems.FacilityCode, Value: { Length: > 0 } code })
        {
            _facilities.Add((code.Trim(), $"{at}.identifier.value", string.IsNullOrWhiteSpace(performer.Display) ? null : performer.Display.Trim()));
        }
        else if (!string.IsNullOrWhiteSpace(performer.Display))
        {
            _examiners.Add(performer.Display.Trim());
        }
    }

    private void ReadDate(DataType? effective, string at)
    {
        var text = effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Period period => period.Start,
            Instant instant => instant.Value?.ToString("o", CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            Fail(IssueType.Required, "The date of the exam is required (effectiveDateTime).", at);
            return;
        }

        if (ExamDay(text) is not { } day)
        {
            Fail(IssueType.Value, "A full date (YYYY-MM-DD, with or without a time) is required.", at);
            return;
        }

        _dates.Add((day, at));
    }

    /// <summary>The business day (Asia/Shanghai) of a FHIR date or dateTime with a day.</summary>
    private static DateOnly? ExamDay(string text)
    {
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BusinessClock.Zone).DateTime)
            : null;
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
