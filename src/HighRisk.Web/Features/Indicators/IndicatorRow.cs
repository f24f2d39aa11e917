namespace HighRisk.Features.Indicators;

/// <summary>A proportion: the numerator over the denominator, and the rate in per cent (one decimal; null when there is no denominator).</summary>
public sealed record Proportion(int Numerator, int Denominator)
{
    public static readonly Proportion None = new(0, 0);

    public decimal? Percent => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);

    public static Proportion operator +(Proportion a, Proportion b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);

    public static Proportion Add(Proportion a, Proportion b) => a + b;
}

/// <summary>
/// One county's indicators for a month (or a city's total), each defined in docs/indicators.md. The counts beside a
/// proportion are kept out of it: a report or first plan still within its deadline, a delivery with no facility recorded.
/// </summary>
/// <param name="ReportedInTime">Orange and red cases opened in the month whose report was acknowledged at or before its deadline.</param>
/// <param name="ReportsStillDue">Of those cases, reports not acknowledged and still within their deadline.</param>
/// <param name="PlannedInTime">Cases opened in the month (orange, red, purple) whose first plan was made by its last day.</param>
/// <param name="PlansStillDue">Of those cases, first plans not made and still within their deadline.</param>
/// <param name="RedAssessedAtLevel">Cases opened in the month as red with a continuation assessment at a facility of the level red asks (三级).</param>
/// <param name="DeliveredAtLevel">Deliveries in the month of women with an orange or red case, at a facility that meets her colour at the birth.</param>
/// <param name="DeliveriesNotRecorded">Such deliveries with no delivery facility recorded.</param>
/// <param name="LostToFollowUp">Women with a case who first appeared as lost to follow-up on an overdue list in the month.</param>
/// <param name="NearMisses">Near-miss events (危重孕产妇) dated in the month.</param>
/// <param name="MaternalDeaths">Maternal deaths (death reports) with the date of death in the month.</param>
/// <param name="RemindersSent">SMS reminders to the women themselves sent in the month (Features/Reminders).</param>
/// <param name="VisitedAfterReminder">Of those whose 7 days are over (or who were seen), reminders followed by an exam or a reached follow-up within 7 days.</param>
/// <param name="RemindersWithinWeek">Reminders sent fewer than 7 days ago and not yet followed by a visit.</param>
public sealed record IndicatorRow(
    string DivisionCode, string Name, Proportion ReportedInTime, int ReportsStillDue, Proportion PlannedInTime, int PlansStillDue,
    Proportion RedAssessedAtLevel, Proportion DeliveredAtLevel, int DeliveriesNotRecorded, int LostToFollowUp, int NearMisses, int MaternalDeaths,
    int RemindersSent, Proportion VisitedAfterReminder, int RemindersWithinWeek)
{
    /// <summary>The sum of rows: counts added, proportions as the sum of numerators over the sum of denominators.</summary>
    public static IndicatorRow Sum(string divisionCode, string name, IReadOnlyList<IndicatorRow> rows) => new(
        divisionCode, name, rows.Aggregate(Proportion.None, (s, r) => s + r.ReportedInTime), rows.Sum(r => r.ReportsStillDue),
        rows.Aggregate(Proportion.None, (s, r) => s + r.PlannedInTime), rows.Sum(r => r.PlansStillDue),
        rows.Aggregate(Proportion.None, (s, r) => s + r.RedAssessedAtLevel), rows.Aggregate(Proportion.None, (s, r) => s + r.DeliveredAtLevel),
        rows.Sum(r => r.DeliveriesNotRecorded), rows.Sum(r => r.LostToFollowUp), rows.Sum(r => r.NearMisses), rows.Sum(r => r.MaternalDeaths),
        rows.Sum(r => r.RemindersSent), rows.Aggregate(Proportion.None, (s, r) => s + r.VisitedAfterReminder), rows.Sum(r => r.RemindersWithinWeek));
}

/// <summary>A county's counts as the handler adds them up, case by case, before they become an <see cref="IndicatorRow"/>.</summary>
internal sealed class CountyCounts
{
    public Tally Reported { get; } = new();

    public Tally Planned { get; } = new();

    public Tally Assessed { get; } = new();

    public Tally Delivered { get; } = new();

    /// <summary>Reminders sent: visited within 7 days or not; apart, those whose 7 days are not over.</summary>
    public Tally Reminded { get; } = new();

    public int LostToFollowUp { get; set; }

    public int NearMisses { get; set; }

    public int MaternalDeaths { get; set; }

    public IndicatorRow Row(string code, string name) => new(
        code, name, Reported.Proportion, Reported.Apart, Planned.Proportion, Planned.Apart, Assessed.Proportion, Delivered.Proportion, Delivered.Apart,
        LostToFollowUp, NearMisses, MaternalDeaths, Reminded.Proportion.Denominator + Reminded.Apart, Reminded.Proportion, Reminded.Apart);

    /// <summary>One proportion's counts: an answer yes or no goes in the denominator (and yes in the numerator); no answer yet is counted apart.</summary>
    internal sealed class Tally
    {
        private int _yes;
        private int _no;

        public int Apart { get; private set; }

        public Proportion Proportion => new(_yes, _yes + _no);

        public void Add(bool? met)
        {
            switch (met)
            {
                case true:
                    _yes++;
                    break;
                case false:
                    _no++;
                    break;
                default:
                    Apart++;
                    break;
            }
        }
    }
}
