using System.Globalization;

namespace HighRisk.Rules;

/// <summary>
/// Dipstick urine protein is sent as a grade string ("-", "+-", "1+" … "4+") and stored as an ordinal number so that a
/// catalogue condition can say "urineProtein >= 1" (1+ or more).
/// </summary>
public static class UrineProteinGrade
{
    private static readonly (string Text, decimal Value)[] Grades =
    [
        ("-", 0m),
        ("+-", 0.5m),
        ("1+", 1m),
        ("2+", 2m),
        ("3+", 3m),
        ("4+", 4m),
    ];

    /// <summary>All grade strings in ascending order, for API documentation and validation messages.</summary>
    public static IReadOnlyList<string> Texts { get; } = Array.AsReadOnly(Array.ConvertAll(Grades, g => g.Text));

    /// <summary>Parses "-", "+-", "1+"…"4+" (surrounding spaces ignored, "±" accepted for "+-").</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        var trimmed = text?.Trim();
        if (trimmed == "±")
        {
            trimmed = "+-";
        }

        foreach (var (gradeText, gradeValue) in Grades)
        {
            if (string.Equals(gradeText, trimmed, StringComparison.Ordinal))
            {
                value = gradeValue;
                return true;
            }
        }

        value = 0m;
        return false;
    }

    /// <summary>The grade string of an ordinal value; throws for a value that is not a grade.</summary>
    public static string Format(decimal value)
    {
        foreach (var (gradeText, gradeValue) in Grades)
        {
            if (gradeValue == value)
            {
                return gradeText;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value.ToString(CultureInfo.InvariantCulture), "Not a urine protein grade.");
    }

    public static bool IsGrade(decimal value)
    {
        foreach (var (_, gradeValue) in Grades)
        {
            if (gradeValue == value)
            {
                return true;
            }
        }

        return false;
    }
}
