using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// The one way HighRisk writes its lists as .xlsx: one sheet, a bold title in the first row and grey bold headings in
/// the second, then the rows; fixed widths, headings frozen. The rows are streamed into the sheet (Open XML SDK's
/// <see cref="OpenXmlWriter"/>), so the sheet costs little beyond the rows themselves — a city's 20,000-case board took the
/// process from 230 to 670 MB and 35 s through a cell-object model (ClosedXML), 380 MB and 17 s this way (docs/benchmarks.md). Text goes in as text (an
/// inline string: a name typed as <c>=HYPERLINK(…)</c> stays a name, never a formula — PostpartumAssessmentTests
/// checks it; a division code stays text, not a number), numbers as numbers.
/// </summary>
public static class Spreadsheet
{
    private const uint TitleStyle = 1;
    private const uint HeadingStyle = 2;

    public static byte[] Workbook(string sheetName, string title, IReadOnlyList<string> headings, IEnumerable<object?[]> rows, IReadOnlyList<double> widths)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = book.AddNewPart<WorksheetPart>();
            WriteSheet(sheet, title, headings, rows, widths);
            book.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = book.GetIdOfPart(sheet) }));
            book.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, string title, IReadOnlyList<string> headings, IEnumerable<object?[]> rows, IReadOnlyList<double> widths)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        var view = new SheetView { TabSelected = true, WorkbookViewId = 0 };
        view.Append(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft });
        writer.WriteElement(new SheetViews(view));
        if (widths.Count > 0)
        {
            writer.WriteStartElement(new Columns());
            for (var c = 0; c < widths.Count; c++)
            {
                writer.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, [title], TitleStyle);
        WriteRow(writer, 2, headings.Cast<object?>().ToArray(), HeadingStyle);
        var r = 3u;
        foreach (var row in rows)
        {
            WriteRow(writer, r++, row, 0);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, object?[] values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Length; c++)
        {
            if (Cell(values[c]) is { } cell)
            {
                cell.CellReference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
                if (style != 0)
                {
                    cell.StyleIndex = style;
                }

                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        int or long or decimal or double or float => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0"),
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>A, B, … Z, AA, AB, … for a zero-based column.</summary>
    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Style 0 plain, 1 the title (bold), 2 a heading (bold, wrapped, light grey).</summary>
    private static Stylesheet Styles()
    {
        var grey = new PatternFill { PatternType = PatternValues.Solid };
        grey.Append(new ForegroundColor { Rgb = "FFD3D3D3" }, new BackgroundColor { Indexed = 64 });
        var heading = new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true };
        heading.Append(new Alignment { WrapText = true });
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), new Fill(grey)),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                heading),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
