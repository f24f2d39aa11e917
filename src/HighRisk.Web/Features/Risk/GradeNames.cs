using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>The API's grade strings: green, yellow, orange, red (purple is a separate boolean).</summary>
public static class GradeNames
{
    public static bool TryParse(string? text, out RiskColour colour)
    {
        foreach (var candidate in Enum.GetValues<RiskColour>())
        {
            if (string.Equals(candidate.ToApiName(), text, StringComparison.Ordinal))
            {
                colour = candidate;
                return true;
            }
        }

        colour = default;
        return false;
    }
}
