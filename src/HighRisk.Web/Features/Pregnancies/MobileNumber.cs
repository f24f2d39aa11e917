using System.Text.RegularExpressions;

namespace HighRisk.Features.Pregnancies;

/// <summary>A mainland mobile number: 11 digits starting 1[3-9], optionally written with +86 / 86, spaces or dashes.</summary>
public static partial class MobileNumber
{
    /// <summary>The 11-digit form, or null when the value is not a mainland mobile number.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (compact.StartsWith("+86", StringComparison.Ordinal))
        {
            compact = compact[3..];
        }
        else if (compact.Length == 13 && compact.StartsWith("86", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }

        return Pattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>
    /// A number of the IoT and data-only segments 140, 141, 144, 146, 148 (five-colour-risk.md §5.2): a card in a device,
    /// not a phone a person answers, so not a woman's own number.
    /// </summary>
    public static bool IsDataOnly(string? value) => Normalize(value) is { } number && DataOnly().IsMatch(number);

    [GeneratedRegex("^14[01468]", RegexOptions.CultureInvariant)]
    private static partial Regex DataOnly();

    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
