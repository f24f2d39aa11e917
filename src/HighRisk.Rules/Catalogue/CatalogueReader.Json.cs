using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HighRisk.Rules;

/// <summary>Typed reads of JSON values that fail with the current entry's line.</summary>
internal sealed partial class CatalogueReader
{
    private string Id(JsonElement element)
    {
        var id = RequiredString(element, "id");
        if (!IdPattern().IsMatch(id))
        {
            throw Fail($"id '{id}' must be lower-case letters, digits and underscores, starting with a letter");
        }

        return id;
    }

    private Observation ObservationNamed(string factorId, string name) =>
        Observations.TryParse(name, out var observation)
            ? observation
            : throw Fail($"factor '{factorId}': unknown observation '{name}' (see docs/observations.md)");

    private void RequireObject(JsonElement element, string what, HashSet<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{what} must be a JSON object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fail($"{what}: unknown property '{property.Name}'");
            }
        }
    }

    private string RequiredString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? String(value, $"'{name}'")
            : throw Fail($"missing '{name}'{Naming(element)}");

    private string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? String(value, $"'{name}'") : null;

    private string String(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Fail($"{what} must be a non-empty string");

    private bool Boolean(JsonElement value, string what) =>
        value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"{what} must be true or false"),
        };

    private decimal? OptionalNumber(string factorId, JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Fail($"factor '{factorId}': '{name}' must be a number");
    }

    private JsonElement.ArrayEnumerator Array(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw Fail($"{what} must be an array");

    private static string Naming(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? string.Create(CultureInfo.InvariantCulture, $" in '{id.GetString()}'")
            : string.Empty;

    private CatalogueException Fail(string problem) => new(sourceName, line, problem);

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
