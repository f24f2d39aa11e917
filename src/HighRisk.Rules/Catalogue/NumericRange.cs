using System.Globalization;
using System.Text;

namespace HighRisk.Rules;

/// <summary>
/// An interval with optional, inclusive or exclusive ends, as written in the catalogue with gt/gte/lt/lte/eq.
/// </summary>
public readonly record struct NumericRange(decimal? Lower, bool LowerInclusive, decimal? Upper, bool UpperInclusive)
{
    public bool Contains(decimal value)
    {
        if (Lower is { } lower && (LowerInclusive ? value < lower : value <= lower))
        {
            return false;
        }

        return Upper is not { } upper || (UpperInclusive ? value <= upper : value < upper);
    }

    /// <summary>True when the range holds no value at all (e.g. gt 5 and lt 5).</summary>
    public bool IsEmpty =>
        Lower is { } lower && Upper is { } upper
        && (lower > upper || (lower == upper && !(LowerInclusive && UpperInclusive)));

    /// <summary>True when some value lies in both ranges.</summary>
    public bool Overlaps(NumericRange other)
    {
        // The intersection's lower end is the larger lower end (exclusive wins a tie), its upper end the smaller upper end.
        var lower = Lower;
        var lowerInclusive = LowerInclusive;
        if (other.Lower is { } otherLower && (lower is null || otherLower > lower || (otherLower == lower && !other.LowerInclusive)))
        {
            lower = otherLower;
            lowerInclusive = other.LowerInclusive;
        }

        var upper = Upper;
        var upperInclusive = UpperInclusive;
        if (other.Upper is { } otherUpper && (upper is null || otherUpper < upper || (otherUpper == upper && !other.UpperInclusive)))
        {
            upper = otherUpper;
            upperInclusive = other.UpperInclusive;
        }

        return !new NumericRange(lower, lowerInclusive, upper, upperInclusive).IsEmpty;
    }

    /// <summary>Interval notation, e.g. "[60, 110)" or "(-∞, 30)".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Lower is null ? "(-∞" : (LowerInclusive ? "[" : "(") + Lower.Value.ToString(CultureInfo.InvariantCulture));
        text.Append(", ");
        text.Append(Upper is null ? "∞)" : Upper.Value.ToString(CultureInfo.InvariantCulture) + (UpperInclusive ? "]" : ")"));
        return text.ToString();
    }
}
