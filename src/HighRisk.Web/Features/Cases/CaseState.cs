using HighRisk.Rules;

namespace HighRisk.Features.Cases;

/// <summary>
/// A case's management state as every view of it shows it: the report, the plan, the flags. Commands answer it; the
/// board and the case page carry it beside what they add.
/// </summary>
public sealed record CaseState(
    Guid Id, Guid PregnancyId, CaseStatus Status, string OpenedAs, DateTimeOffset OpenedAt, string Colour, bool Purple, CaseState.ReportView Report,
    Guid? ManagerId, CaseState.PlanView Plan, IReadOnlyList<string> LevelMismatches, IReadOnlyList<string> Flags, DateTimeOffset? ClosedAt,
    string? ClosedBy, string? CloseReason)
{
    public const string LateReport = "lateReport";
    public const string NoPlan = "noPlan";
    public const string PlanOverdue = "planOverdue";
    public const string LevelMismatch = "levelMismatch";

    public static readonly string[] AllFlags = [LateReport, NoPlan, PlanOverdue, LevelMismatch];

    /// <param name="Status">due, late or acknowledged.</param>
    /// <param name="AcknowledgedLate">Acknowledged after its deadline.</param>
    public sealed record ReportView(string Status, DateTimeOffset DueAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, bool AcknowledgedLate, DateTimeOffset? EscalatedAt);

    /// <param name="Status">due (the first is not yet late), missing (late: no plan), current, or overdue (its review date has passed).</param>
    public sealed record PlanView(string Status, DateOnly DueOn, int Versions, DateTimeOffset? PlannedAt, DateOnly? ReviewOn);

    public static CaseState Of(Case c) => new(
        c.Id, c.PregnancyId, c.Status, c.OpenedAs, c.OpenedAt, c.Colour.ToApiName(), c.Purple, ReportOf(c), c.ManagerId, PlanOf(c), c.LevelMismatches,
        FlagsOf(c.ReportLate, c.NoPlan, c.PlanOverdue, c.LevelMismatch), c.ClosedAt, c.ClosedBy, c.CloseReason);

    public static ReportView ReportOf(Case c) => new(
        c.ReportAcknowledgedAt is not null ? "acknowledged" : c.ReportLate ? "late" : "due",
        c.ReportDueAt, c.ReportAcknowledgedAt, c.ReportAcknowledgedBy, c.ReportAcknowledgedAt > c.ReportDueAt, c.ReportEscalatedAt);

    public static PlanView PlanOf(Case c) => new(
        c.PlanCount == 0 ? (c.NoPlan ? "missing" : "due") : c.PlanOverdue ? "overdue" : "current", c.PlanDueOn, c.PlanCount, c.PlannedAt, c.PlanReviewOn);

    public static IReadOnlyList<string> FlagsOf(bool lateReport, bool noPlan, bool planOverdue, bool levelMismatch) =>
        [.. new[] { (lateReport, LateReport), (noPlan, NoPlan), (planOverdue, PlanOverdue), (levelMismatch, LevelMismatch) }.Where(f => f.Item1).Select(f => f.Item2)];
}
