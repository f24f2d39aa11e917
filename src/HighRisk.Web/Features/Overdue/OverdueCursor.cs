using System.Globalization;

namespace HighRisk.Features.Overdue;

/// <summary>
/// A place in one overdue list (a division's, for a date) as an opaque cursor: the list's order (township, urgency, due
/// date, pregnancy id) of the last row returned, and its rank in its township, so that the next page's ranks go on. The
/// list of a date is a stored snapshot, so the cursor keeps its date: the next page is of the same day's list even after
/// midnight or the next morning's run.
/// </summary>
public sealed record OverdueCursor(DateOnly Date, string Division, string TownshipCode, int Urgency, DateOnly DueDate, Guid PregnancyId, int Rank)
{
    public static OverdueCursor After(DateOnly date, string division, OverdueRows.Entry last) =>
        new(date, division, last.Row.TownshipCode, last.Urgency, last.Row.DueDate, last.Row.PregnancyId, last.Row.Rank);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Date:yyyyMMdd}.{Division}.{TownshipCode}.{Urgency}.{DueDate:yyyyMMdd}.{PregnancyId:N}.{Rank}");

    public static bool TryParse(string? text, out OverdueCursor cursor)
    {
        cursor = null!;
        var parts = text?.Split('.') ?? [];
        if (parts.Length != 7
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || parts[1].Length is < 2 or > 9 || !parts[1].All(char.IsAsciiDigit)
            || parts[2].Length != 9 || !parts[2].All(char.IsAsciiDigit)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var urgency) || urgency > 4
            || !DateOnly.TryParseExact(parts[4], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            || !Guid.TryParseExact(parts[5], "N", out var id)
            || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
        {
            return false;
        }

        cursor = new OverdueCursor(date, parts[1], parts[2], urgency, due, id, rank);
        return true;
    }
}
