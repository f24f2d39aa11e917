namespace HighRisk.Rules;

/// <summary>Calendar arithmetic the grading table relies on.</summary>
public static class ClinicalDates
{
    /// <summary>
    /// Age in completed years (周岁) on <paramref name="date"/>: the birthday itself counts. Someone born on 29 February
    /// becomes a year older on 1 March in a common year.
    /// </summary>
    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if (date.Month < birthDate.Month || (date.Month == birthDate.Month && date.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// Completed calendar months from <paramref name="from"/> to <paramref name="to"/>: the largest n with
    /// from + n months &lt;= to (31 January + 1 month is 28/29 February). Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static int CompletedMonths(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CompletedMonths(to, from);
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (from.AddMonths(months) > to)
        {
            months--;
        }

        return months;
    }
}
