using System.Text.Json;
using FluentValidation.Results;
using HighRisk.Localization;
using HighRisk.Rules;

namespace HighRisk.Features.Exams;

/// <summary>
/// The <c>measurements</c> object of an exam (and of an evaluation): API names from the observation vocabulary,
/// numbers in the vocabulary's unit, urine protein as its dipstick text ("-", "+-", "1+" … "4+").
/// </summary>
public static class MeasurementInput
{
    /// <summary>Checks names, types and plausible ranges; each failure names <c>measurements.&lt;name&gt;</c>.</summary>
    public static List<ValidationFailure> Check(IReadOnlyDictionary<string, JsonElement>? measurements, string prefix = "measurements")
    {
        var failures = new List<ValidationFailure>();
        if (measurements is null)
        {
            return failures;
        }

        foreach (var (name, element) in measurements)
        {
            var field = $"{prefix}.{name}";
            if (!Observations.TryParse(name, out var observation) || observation.Info().Source != ObservationSource.Measured)
            {
                failures.Add(Messages.MeasurementUnknown.At(field, ("Name", name)));
                continue;
            }

            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (Parse(observation, element) is not { } value)
            {
                failures.Add(observation == Observation.UrineProtein
                    ? Messages.MeasurementNotAGrade.At(field, ("Name", name), ("Grades", string.Join(", ", UrineProteinGrade.Texts)))
                    : Messages.MeasurementNotANumber.At(field, ("Name", name)));
            }
            else if (!observation.Info().IsPlausible(value))
            {
                var info = observation.Info();
                failures.Add((info.WholeNumber ? Messages.MeasurementOutOfRangeWhole : Messages.MeasurementOutOfRange)
                    .At(field, ("Name", name), ("Min", info.Min), ("Max", info.Max), ("Unit", Messages.Unit(info.Unit))));
            }
        }

        if (ValueOf(measurements, Observation.SystolicBp) is { } systolic && ValueOf(measurements, Observation.DiastolicBp) is { } diastolic && systolic <= diastolic)
        {
            failures.Add(Messages.SystolicNotAboveDiastolic.At($"{prefix}.systolicBp"));
        }

        if (ValueOf(measurements, Observation.SystolicBp) is null != ValueOf(measurements, Observation.DiastolicBp) is null)
        {
            failures.Add(Messages.BloodPressureIncomplete.At($"{prefix}.diastolicBp"));
        }

        return failures;
    }

    /// <summary>The validated measurements as stored: API name → value (urine protein as its ordinal grade).</summary>
    public static Dictionary<string, decimal> ToValues(IReadOnlyDictionary<string, JsonElement>? measurements)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (measurements is null)
        {
            return values;
        }

        foreach (var (name, element) in measurements)
        {
            if (Observations.TryParse(name, out var observation) && Parse(observation, element) is { } value)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The stored values back in their API form (urine protein as text).</summary>
    public static Dictionary<string, object> ToApi(IReadOnlyDictionary<string, decimal> values)
    {
        var api = new Dictionary<string, object>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            api[name] = name == Observation.UrineProtein.ToApiName() ? UrineProteinGrade.Format(value) : value;
        }

        return api;
    }

    private static decimal? ValueOf(IReadOnlyDictionary<string, JsonElement> measurements, Observation observation) =>
        measurements.TryGetValue(observation.ToApiName(), out var element) ? Parse(observation, element) : null;

    private static decimal? Parse(Observation observation, JsonElement element)
    {
        if (observation == Observation.UrineProtein)
        {
            return element.ValueKind == JsonValueKind.String && UrineProteinGrade.TryParse(element.GetString(), out var grade) ? grade : null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) ? value : null;
    }
}
