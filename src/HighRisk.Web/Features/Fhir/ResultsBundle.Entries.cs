using System.Globalization;
using System.Text.Json;
using HighRisk.Infrastructure;
using HighRisk.Rules;
using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>Each entry of a results Bundle, read into the exam command's fields.</summary>
public sealed partial class ResultsBundle
{
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
}
