using System.Globalization;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>Date search values: an optional prefix (eq, ge, gt, le, lt) and a year, month or day, compared by business day.</summary>
public static class FhirDates
{
    public static bool Holds(string value, DateOnly day, string parameter)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (Range(text) is not var (from, to))
        {
            throw FhirSearch.Refuse(IssueType.Value, "A date is YYYY, YYYY-MM or YYYY-MM-DD, after an optional prefix eq, ge, gt, le or lt.", parameter);
        }

        return prefix switch
        {
            "eq" => day >= from && day <= to,
            "ge" => day >= from,
            "gt" => day > to,
            "le" => day <= to,
            "lt" => day < from,
            _ => throw FhirSearch.Refuse(IssueType.NotSupported, $"The prefix {prefix} is not supported: eq, ge, gt, le or lt.", parameter),
        };
    }

    /// <summary>The business day of a FHIR date or dateTime (the day as written: HighRisk writes days in Asia/Shanghai).</summary>
    public static DateOnly? Day(string text) =>
        text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static (DateOnly From, DateOnly To)? Range(string text)
    {
        var c = CultureInfo.InvariantCulture;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, c, out var year) && year is >= 1900 and <= 2199)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", c, DateTimeStyles.None, out var day) ? (day, day) : null;
    }
}
