using System.Globalization;

namespace HighRisk.Rules;

/// <summary>
/// Gestational age as weeks + days (孕周, written "24+3"). HighRisk uses one rule system-wide: EDD = LMP + 280 days
/// (reference 5.4: the calendar Naegele rule can differ by 1–3 days, +280 is unambiguous).
/// </summary>
public readonly record struct GestationalAge(int Weeks, int Days) : IComparable<GestationalAge>
{
    public const int TermDays = 280;

    [System.Text.Json.Serialization.JsonIgnore]
    public int TotalDays => (Weeks * 7) + Days;

    /// <summary>Gestational age on <paramref name="date"/> for a pregnancy dated by <paramref name="lmp"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before the LMP.</exception>
    public static GestationalAge FromLmp(DateOnly lmp, DateOnly date)
    {
        var days = date.DayNumber - lmp.DayNumber;
        ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(date));
        return FromDays(days);
    }

    public static GestationalAge FromDays(int totalDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalDays);
        return new GestationalAge(totalDays / 7, totalDays % 7);
    }

    public static DateOnly EddFromLmp(DateOnly lmp) => lmp.AddDays(TermDays);

    /// <summary>The LMP equivalent of an EDD, e.g. after ultrasound redating.</summary>
    public static DateOnly LmpFromEdd(DateOnly edd) => edd.AddDays(-TermDays);

    public int CompareTo(GestationalAge other) => TotalDays.CompareTo(other.TotalDays);

    public static bool operator <(GestationalAge left, GestationalAge right) => left.TotalDays < right.TotalDays;

    public static bool operator >(GestationalAge left, GestationalAge right) => left.TotalDays > right.TotalDays;

    public static bool operator <=(GestationalAge left, GestationalAge right) => left.TotalDays <= right.TotalDays;

    public static bool operator >=(GestationalAge left, GestationalAge right) => left.TotalDays >= right.TotalDays;

    /// <summary>"24+3", the way it is written in the handbook.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Weeks}+{Days}");
}
