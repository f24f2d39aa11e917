using System.Globalization;
using System.Text;
using HighRisk.Infrastructure.Web;

namespace HighRisk.Features.Overdue;

/// <summary>The overdue list as an .xlsx workbook and as a UTF-8 .csv (with BOM, so Excel reads the Chinese).</summary>
public static class OverdueExports
{
    public static byte[] Workbook(string title, IReadOnlyList<OverdueRow> rows) =>
        Spreadsheet.Workbook("逾期随访名单", title, OverdueRow.Headings, rows.Select(r => r.Cells()), [6, 10, 14, 18, 14, 16, 12, 6, 12, 16, 9, 6, 12, 12, 12]);

    public static byte[] Csv(IReadOnlyList<OverdueRow> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', OverdueRow.Headings.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Cells().Select(c => Quote(Convert.ToString(c, CultureInfo.InvariantCulture) ?? string.Empty))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// CSV quoting, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start: a health worker's
    /// name typed as =HYPERLINK(…)) is prefixed with an apostrophe, so it is shown, never run. Numbers are written as numbers.
    /// </summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
