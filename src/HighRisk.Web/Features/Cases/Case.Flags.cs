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
        ReportLate = open && ReportAcknowledgedAt is null && now >= ReportDueAt;
        NoPlan = open && PlanCount == 0 && today > PlanDueOn;
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
