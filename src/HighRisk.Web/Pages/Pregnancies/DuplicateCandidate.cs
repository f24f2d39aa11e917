using System.Text.Json;
using System.Text.Json.Serialization;

namespace HighRisk.Pages.Pregnancies;

/// <summary>
/// A woman already booked who resembles the one being booked, as the booking's 409 <c>PossibleDuplicate</c> lists her:
/// masked, with where she is followed and what she shares with the new booking (<c>nameAndBirthDate</c>, <c>mobileAndName</c>).
/// </summary>
public sealed record DuplicateCandidate(string? FullNameMasked, string? BirthDate, string? MobileMasked, string? TownshipName, string? Match)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The conflict's <c>candidates</c> member read by the API's JSON names, whatever type the command carries them in.</summary>
    public static IReadOnlyList<DuplicateCandidate> Of(object? candidates) =>
        candidates is not null && JsonSerializer.SerializeToElement(candidates, Json) is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Select(c => c.Deserialize<DuplicateCandidate>(Json)!)]
            : [];
}
