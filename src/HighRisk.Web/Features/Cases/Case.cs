using HighRisk.Infrastructure;
using HighRisk.Localization;
using HighRisk.Rules;

namespace HighRisk.Features.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// 专案: the case management of one orange, red or purple woman through one pregnancy episode, from the report to the
/// county MCH institution until the 42-day check or the close of the pregnancy (or county staff close it, with a reason,
/// after she has come down). It holds the report and its deadline, the named manager, the plan's versions, and the flags
/// the board shows; it is their only writer. The time-bound flags (late report, no plan, plan overdue) are decided by
/// <see cref="Review"/>, here, whether a command changes the case or the review job finds its time has come.
/// </summary>
public sealed partial class Case
{
    private readonly List<CasePlan> _plans = [];

    // Her place, followed from the pregnancy: set when the case opens, changed only when she moves (Move).
    private string _divisionCode = null!;
    private string _townshipCode = null!;
    private string _facilityCode = null!;

    public Guid Id { get; init; }

    public Guid PregnancyId { get; init; }

    /// <summary>Her residence (12 or 9 digits), copied from the pregnancy: the case is seen by whoever sees her.</summary>
    public required string DivisionCode { get => _divisionCode; init => _divisionCode = value; }

    public required string TownshipCode { get => _townshipCode; init => _townshipCode = value; }

    /// <summary>The booking facility (a health worker sees the women booked at her facility).</summary>
    public required string FacilityCode { get => _facilityCode; init => _facilityCode = value; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    /// <summary>The colour that opened the case ("orange", "red" or "purple").</summary>
    public required string OpenedAs { get; init; }

    /// <summary>Her colour now, followed from the pregnancy's grade; a case stays open when it comes down.</summary>
    public RiskColour Colour { get; private set; }

    public bool Purple { get; private set; }

    public DateTimeOffset ReportDueAt { get; private set; }

    public DateTimeOffset? ReportAcknowledgedAt { get; private set; }

    public string? ReportAcknowledgedBy { get; private set; }

    /// <summary>Past its deadline and not acknowledged.</summary>
    public bool ReportLate { get; private set; }

    /// <summary>When the county on-duty contact was told of the late report (once per report).</summary>
    public DateTimeOffset? ReportEscalatedAt { get; private set; }

    public Guid? ManagerId { get; private set; }

    public DateTimeOffset? ManagerAssignedAt { get; private set; }

    /// <summary>The last day the first plan is on time.</summary>
    public DateOnly PlanDueOn { get; private set; }

    public IReadOnlyList<CasePlan> Plans => _plans;

    public int PlanCount { get; private set; }

    public DateTimeOffset? PlannedAt { get; private set; }

    /// <summary>The latest plan's next case review date.</summary>
    public DateOnly? PlanReviewOn { get; private set; }

    public string? CareFacilityCode { get; private set; }

    public string? DeliveryFacilityCode { get; private set; }

    /// <summary>Where the latest plan's continuation assessment (red) was made.</summary>
    public string? AssessmentFacilityCode { get; private set; }

    /// <summary>No plan and the first plan's deadline has passed.</summary>
    public bool NoPlan { get; private set; }

    /// <summary>The latest plan's review date has passed.</summary>
    public bool PlanOverdue { get; private set; }

    /// <summary>The places of the latest plan below what her colour asks now (<see cref="Cases.LevelMismatches"/> codes).</summary>
    public IReadOnlyList<string> LevelMismatches { get; private set; } = [];

    public bool LevelMismatch { get; private set; }

    /// <summary>When a time-bound flag can next change; the review job looks at the case then. Null: only a command can change one.</summary>
    public DateTimeOffset? ReviewAt { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>Maternal near-miss events (危重孕产妇) recorded on the case.</summary>
    public int NearMissCount { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? CloseReason { get; private set; }

    /// <summary>发现一例、登记一例、报告一例: a case opens with her grade now, its report due, and the manager of her area if there is one.</summary>
    public static Case Open(Guid id, Pregnancies.Pregnancy pregnancy, Guid? managerId, CasePolicy policy, DateTimeOffset now, DateOnly today)
    {
        var opened = new Case
        {
            Id = id,
            PregnancyId = pregnancy.Id,
            DivisionCode = pregnancy.DivisionCode,
            TownshipCode = pregnancy.TownshipCode,
            CountyCode = pregnancy.DivisionCode[..6],
            CityCode = pregnancy.DivisionCode[..4],
            FacilityCode = pregnancy.FacilityCode,
            Edd = pregnancy.Edd,
            OpenedAs = CasePolicy.CaseColour(pregnancy.Grade, pregnancy.Purple),
        };
        opened.Start(pregnancy.Grade, pregnancy.Purple, policy, now, today);
        opened.FollowFollowUpState(pregnancy.Schedule.State);
        opened.ManagerId = managerId;
        opened.ManagerAssignedAt = managerId is null ? null : now;
        return opened;
    }

    private void Start(RiskColour colour, bool purple, CasePolicy policy, DateTimeOffset now, DateOnly today)
    {
        if (OpenedAt == default)
        {
            OpenedAt = now;
            OpenedOn = today;
        }

        Colour = colour;
        Purple = purple;
        ReportDueAt = now + policy.ReportWithin(colour, purple);
        ReportAcknowledgedAt = null;
        ReportAcknowledgedBy = null;
        ReportEscalatedAt = null;
        PlanDueOn = today.AddDays(policy.FirstPlanWithin(colour, purple));
        Status = CaseStatus.Open;
        ClosedAt = null;
        ClosedBy = null;
        CloseReason = null;
        Review(now, today);
    }

    /// <summary>
    /// Her grade changed. The case follows the colour (and re-checks the places of the plan against it); a case county
    /// staff closed after she came down reopens when she turns orange, red or purple again in the same episode, with a
    /// new report due.
    /// </summary>
    /// <returns>True when the case reopened.</returns>
    public bool FollowGrade(RiskColour colour, bool purple, CasePolicy policy, PlannedPlaces places, DateTimeOffset now, DateOnly today)
    {
        var reopens = Status == CaseStatus.Closed && CasePolicy.OpensCase(colour, purple);
        if (reopens)
        {
            Start(colour, purple, policy, now, today);
        }

        Colour = colour;
        Purple = purple;
        BoardRank = BoardRankOf(colour, FollowUpOverdue);
        Recheck(policy, places);
        return reopens;
    }

    /// <summary>County MCH staff acknowledge the report (报告一例).</summary>
    public void AcknowledgeReport(string by, DateTimeOffset now, DateOnly today)
    {
        EnsureOpen();
        if (ReportAcknowledgedAt is not null)
        {
            throw new ConflictException(Messages.CaseReportAcknowledged, ("By", ReportAcknowledgedBy));
        }

        ReportAcknowledgedAt = now;
        ReportAcknowledgedBy = by;
        Review(now, today);
    }

    public void AssignManager(Guid userId, DateTimeOffset now)
    {
        EnsureOpen();
        ManagerId = userId;
        ManagerAssignedAt = now;
    }

    /// <summary>A new version of the management plan; the places are checked against her colour now.</summary>
    public CasePlan AddPlan(CasePlan draft, CasePolicy policy, PlannedPlaces places, DateTimeOffset now, DateOnly today)
    {
        EnsureOpen();
        var mismatches = LevelMismatchesOf(policy, places);
        var plan = new CasePlan
        {
            Id = draft.Id,
            CaseId = Id,
            Version = PlanCount + 1,
            CareFacilityCode = draft.CareFacilityCode,
            DeliveryFacilityCode = draft.DeliveryFacilityCode,
            TreatmentPlan = draft.TreatmentPlan,
            EmergencyPlan = draft.EmergencyPlan,
            NextReviewDate = draft.NextReviewDate,
            Continuation = draft.Continuation,
            Pmtct = draft.Pmtct,
            LevelMismatches = mismatches,
            Author = draft.Author,
            CreatedAt = now,
        };
        _plans.Add(plan);
        PlanCount = plan.Version;
        PlannedAt = now;
        PlanReviewOn = plan.NextReviewDate;
        CareFacilityCode = plan.CareFacilityCode;
        DeliveryFacilityCode = plan.DeliveryFacilityCode;
        AssessmentFacilityCode = plan.Continuation?.FacilityCode;
        SetMismatches(mismatches);
        Review(now, today);
        return plan;
    }

    /// <summary>危重孕产妇: a near-miss event during her episode. A closed case takes none (the episode is over).</summary>
    public NearMiss RecordNearMiss(Guid id, DateOnly date, string facilityCode, string[] criteria, string outcome, string? note, string by, DateTimeOffset now)
    {
        EnsureOpen();
        NearMissCount++;
        return new NearMiss
        {
            Id = id, CaseId = Id, Date = date, FacilityCode = facilityCode, Criteria = criteria, Outcome = outcome, Note = note, RecordedBy = by, RecordedAt = now,
        };
    }

    /// <summary>County staff close the case with a reason, once she has come down (动态监管): a woman still orange, red or purple stays managed.</summary>
    public void Close(string reason, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureOpen();
        if (CasePolicy.OpensCase(Colour, Purple))
        {
            throw new ConflictException(Messages.CaseStillHighRisk, ("Colour", CasePolicy.CaseColour(Colour, Purple)));
        }

        End(reason, by, now, today);
    }

    /// <summary>The episode ended (the pregnancy closed, or the 42-day check was made): the case ends with it.</summary>
    public void EndWithEpisode(string reason, DateTimeOffset now, DateOnly today)
    {
        if (Status == CaseStatus.Open)
        {
            End(reason, "system", now, today);
        }
    }

    private void End(string reason, string by, DateTimeOffset now, DateOnly today)
    {
        Status = CaseStatus.Closed;
        ClosedAt = now;
        ClosedBy = by;
        CloseReason = reason;
        Review(now, today);
    }

    private void EnsureOpen()
    {
        if (Status == CaseStatus.Closed)
        {
            throw new ConflictException(Messages.CaseClosed, ("Reason", CloseReason));
        }
    }
}

/// <summary>The facilities of the latest plan, as the level rule reads them (null: not planned).</summary>
public sealed record PlannedPlaces(FacilityFacts? Care, FacilityFacts? Delivery, FacilityFacts? Assessment)
{
    public static readonly PlannedPlaces None = new(null, null, null);
}
