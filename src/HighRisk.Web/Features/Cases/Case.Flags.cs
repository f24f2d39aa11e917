using HighRisk.Infrastructure;

namespace HighRisk.Features.Cases;

/// <summary>The case's flags: the time-bound ones (<see cref="Review"/>) and the level mismatch of its places.</summary>
public sealed partial class Case
{
    /// <summary>
    /// The time-bound flags, decided here and only here: the report is late when its deadline has passed unacknowledged;
    /// "no plan" when the first plan's last day has passed without one; "plan overdue" when the latest plan's review
    /// date has passed. A closed case carries none. Sets when they can next change.
    /// </summary>
    /// <returns>True when the report has just become late and nobody was told yet: the county on-duty contact must be.</returns>
    public bool Review(DateTimeOffset now, DateOnly today)
    {
        var open = Status == CaseStatus.Open;
        ReportLate = open && ReportAcknowledgedAt is null && ReportInTime(now) == false;
        NoPlan = open && PlanCount == 0 && FirstPlanInTime(null, today) == false;
        PlanOverdue = open && PlanReviewOn is { } review && today > review;

        var next = new List<DateTimeOffset>();
        if (open && ReportAcknowledgedAt is null && !ReportLate)
        {
            next.Add(ReportDueAt);
        }

        if (open && PlanCount == 0 && !NoPlan)
        {
            next.Add(StartOf(PlanDueOn.AddDays(1)));
        }

        if (open && PlanReviewOn is { } reviewOn && !PlanOverdue)
        {
            next.Add(StartOf(reviewOn.AddDays(1)));
        }

        ReviewAt = next.Count == 0 ? null : next.Min();
        if (!ReportLate || ReportEscalatedAt is not null)
        {
            return false;
        }

        ReportEscalatedAt = now;
        return true;
    }

    /// <summary>
    /// Whether the report was in time: acknowledged at or before its deadline (true); acknowledged after it, or not
    /// acknowledged and the deadline passed (false); not acknowledged and still within it (null). The late-report flag
    /// and the indicators (docs/indicators.md) both read it.
    /// </summary>
    public bool? ReportInTime(DateTimeOffset now) => ReportAcknowledgedAt is { } at ? at <= ReportDueAt : now >= ReportDueAt ? false : null;

    /// <summary>
    /// Whether the first plan was in time, given the business date it was made (null: none yet): made by its last day
    /// (true); made after it, or none and the day passed (false); none and still within it (null).
    /// </summary>
    public bool? FirstPlanInTime(DateOnly? firstPlannedOn, DateOnly today) => firstPlannedOn is { } on ? on <= PlanDueOn : today > PlanDueOn ? false : null;

    private void Recheck(CasePolicy policy, PlannedPlaces places) => SetMismatches(LevelMismatchesOf(policy, places));

    private string[] LevelMismatchesOf(CasePolicy policy, PlannedPlaces places) =>
        Cases.LevelMismatches.Find(policy.RequirementsFor(Colour, Purple), places.Care, places.Delivery, places.Assessment);

    private void SetMismatches(string[] mismatches)
    {
        LevelMismatches = mismatches;
        LevelMismatch = mismatches.Length > 0;
    }

    private static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), BusinessClock.Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
