using ClosedXML.Excel;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// The one way HighRisk writes its lists as .xlsx. Text goes in as text (<c>SetValue</c>: a name typed as
/// <c>=HYPERLINK(…)</c> stays a name, never a formula — PostpartumAssessmentTests checks it), numbers as numbers.
/// </summary>
public static class Spreadsheet
{
    public static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.SetValue(text).SetDataType(XLDataType.Text);   // a division code stays text, not a number
                break;
            case int or long or decimal or double or float:
                cell.Value = value;
                break;
            default:
                cell.SetValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>A sheet with a bold title in the first row and grey bold headings in the second, then the rows; fixed widths, headings frozen.</summary>
    public static byte[] Workbook(string sheetName, string title, IReadOnlyList<string> headings, IEnumerable<object?[]> rows, IReadOnlyList<double> widths)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        Put(sheet.Cell(1, 1), title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        for (var c = 0; c < headings.Count; c++)
        {
            var cell = sheet.Cell(2, c + 1);
            Put(cell, headings[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
        }

        var r = 3;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                Put(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        // Fixed widths: AdjustToContents needs libgdiplus, which servers do not have.
        for (var c = 0; c < widths.Count; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.SheetView.FreezeRows(2);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
