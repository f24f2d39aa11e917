using HighRisk.Features.Exams;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure.Mediation;
using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// One pregnancy episode from booking (建册) to its close, with the colour-coded risk grade it holds now: the aggregate
/// of her exams, follow-ups, grade history and follow-up schedule, and their only writer. Every change goes through a
/// method named for what happens; each guards its own transition, re-grades where the facts changed, and plans the
/// daily job's next look at her (<see cref="FollowUpSchedule.PlanReview"/>). Domain events are raised here and
/// dispatched by the command's unit of work (TransactionBehavior).
/// </summary>
public sealed partial class Pregnancy : IRaisesDomainEvents
{
    private readonly List<INotification> _events = [];
    private readonly List<Exam> _exams = [];
    private readonly List<FollowUp> _followUps = [];
    private readonly List<GradeChange> _gradeHistory = [];
    private IReadOnlyList<string> _findings = [];

    // Where she lives and who follows her up: set at booking, changed only by a transfer (Pregnancy.Moves.cs).
    private string _divisionCode = null!;
    private string _townshipCode = null!;
    private string _address = null!;
    private string _facilityCode = null!;
    private string _healthWorker = null!;
    private Guid? _responsibleUserId;

    public Guid Id { get; init; }

    /// <summary>The register's running case number, assigned by the database in booking order.</summary>
    public long Number { get; private set; }

    public Guid WomanId { get; init; }

    public Woman Woman { get; init; } = null!;

    public DateOnly Lmp { get; init; }

    public DateOnly Edd { get; init; }

    /// <summary>Residence: 12-digit village/residents' committee code or 9-digit township/sub-district code.</summary>
    public required string DivisionCode { get => _divisionCode; init => _divisionCode = value; }

    /// <summary>Digits of a township or sub-district code (the first nine of a village's).</summary>
    public const int TownshipCodeLength = 9;

    /// <summary>The 9-digit township or sub-district of residence, whose MCH staff follow her up.</summary>
    public required string TownshipCode { get => _townshipCode; init => _townshipCode = value; }

    public required string Address { get => _address; init => _address = value; }

    public required string FacilityCode { get => _facilityCode; init => _facilityCode = value; }

    public required string HealthWorker { get => _healthWorker; init => _healthWorker = value; }

    /// <summary>The health worker's account when she booked the woman herself: her mobile receives the red alerts.</summary>
    public Guid? ResponsibleUserId { get => _responsibleUserId; init => _responsibleUserId = value; }

    public decimal? HeightCm { get; init; }

    public decimal? WeightKg { get; init; }

    public PregnancyHistory History { get; init; } = new();

    /// <summary>Risk-catalogue factor ids coded by the health worker at booking.</summary>
    public IReadOnlyList<string> Findings { get => _findings; init => _findings = value; }

    public DateOnly BookingDate { get; init; }

    public DateTimeOffset BookedAt { get; init; }

    public PregnancyStatus Status { get; private set; } = PregnancyStatus.Open;

    public PregnancyOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeDate { get; private set; }

    public DeliveryMode? DeliveryMode { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Discharge after the delivery; the postpartum visit is due within 7 days of it.</summary>
    public DateOnly? DischargeDate { get; private set; }

    /// <summary>Where she gave birth, when recorded (the case indicators compare its level with what her colour asked).</summary>
    public string? DeliveryFacilityCode { get; private set; }

    /// <summary>Where she was handed over to when she moved away (转出至): the facility that now follows her.</summary>
    public string? ReceivingFacility { get; private set; }

    public FollowUpSchedule Schedule { get; private init; } = new();

    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    public RiskColour Grade { get; private set; }

    public bool Purple { get; private set; }

    public IReadOnlyList<ActiveFactor> Factors { get; private set; } = [];

    public string? CatalogueVersion { get; private set; }

    public DateTimeOffset GradedAt { get; private set; }

    /// <summary>Colours raised by hand by a clinician; each holds until a later exam resolves it by id.</summary>
    public IReadOnlyList<ManualRaise> Raises { get; private set; } = [];

    public IReadOnlyList<Exam> Exams => _exams;

    public IReadOnlyList<GradeChange> GradeHistory => _gradeHistory;

    /// <summary>Domain events raised by the last state changes, dispatched by the command's unit of work.</summary>
    public IReadOnlyList<INotification> Events => _events;

    public void ClearEvents() => _events.Clear();

    /// <summary>建册: the first grading, and the booking visit as her first antenatal contact.</summary>
    public void Book(PregnancyGrader grader, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        if (CatalogueVersion is not null)
        {
            throw new InvalidOperationException("The pregnancy is already booked.");
        }

        Changing(today, policy, () => Regrade(grader, GradeCause.Booking, examId: null, HealthWorker, (BookingDate, null), policy, at, today));
    }

    /// <summary>
    /// 产检: an exam re-grades her from everything recorded, and counts as an antenatal contact (after a delivery, as the
    /// postpartum visit or the 42-day check). A diagnosis its values establish is kept as its finding (<see cref="Exam.Found"/>),
    /// also when it is dated before an exam already recorded (<see cref="PregnancyGrader.DiagnosesFoundOnItsDate"/>).
    /// </summary>
    public void RecordExam(Exam exam, PregnancyGrader grader, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        EnsureTakesExamOn(exam.ExamDate);
        Changing(today, policy, () =>
        {
            var beforeHerLatestDate = exam.ExamDate < PregnancyGrader.AssessmentDateOf(this);
            _exams.Add(exam);
            if (beforeHerLatestDate)
            {
                exam.Found(grader.DiagnosesFoundOnItsDate(PregnancyGrader.FactsOf(this), PregnancyGrader.FactsOf(exam)));
            }

            Regrade(grader, GradeCause.Exam, exam.Id, exam.Examiner, (exam.ExamDate, exam.NextAppointment), policy, at, today);
            exam.Found(grader.DiagnosesFoundBy(Factors, exam.Id.ToString(), exam.Findings, exam.Resolved));
            exam.Graded(Grade, Purple);
        });
    }

    /// <summary>Re-grades her under a new catalogue version: no contact, so only a rising colour moves the schedule.</summary>
    public void RegradeUnderCatalogue(PregnancyGrader grader, string by, FollowUpPolicy policy, DateTimeOffset at, DateOnly today) =>
        Changing(today, policy, () => Regrade(grader, GradeCause.CatalogueUpgrade, examId: null, by, contact: null, policy, at, today));

    /// <summary>
    /// Re-grades from everything recorded (booking, every exam, raises) as of her latest clinical date. When the re-grade
    /// comes with a contact (booking, exam), the schedule moves from it first (with the new colour before the birth; as the
    /// postpartum visit or the 42-day check after it); turning red then still requires a contact within 24 hours.
    /// </summary>
    private void Regrade(
        PregnancyGrader grader, GradeCause cause, Guid? examId, string by, (DateOnly Date, DateOnly? Appointment)? contact, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        var assessment = grader.Assess(this, PregnancyGrader.AssessmentDateOf(this));
        if (contact is var (date, appointment))
        {
            if (IsAfterBirth(date))
            {
                // The exam of the postpartum visit or of the 42-day check: a visit to a clinic, counted as such.
                Schedule.AfterPostpartumContact(date, ContactKind.ClinicVisit, appointment, OutcomeDate!.Value, DischargeDate, policy);
            }
            else
            {
                Schedule.AfterAntenatalContact(date, appointment, assessment.Colour, assessment.Purple, GestationalAgeOn(date), policy);
            }
        }

        ApplyAssessment(assessment, cause, examId, by, at, today, policy);
    }

    /// <summary>
    /// Takes the engine's assessment. A grade-history row is written (and an event raised) only when the colour or
    /// the purple flag changes, on the first grading at booking, and on a merge or its undo (the record's history says so).
    /// </summary>
    private void ApplyAssessment(RiskAssessment assessment, GradeCause cause, Guid? examId, string by, DateTimeOffset at, DateOnly today, FollowUpPolicy policy)
    {
        var first = CatalogueVersion is null;
        var changed = first || assessment.Colour != Grade || assessment.Purple != Purple || cause is GradeCause.Merge or GradeCause.Unmerge;
        var from = first ? (RiskColour?)null : Grade;
        var fromPurple = !first && Purple;

        Grade = assessment.Colour;
        Purple = assessment.Purple;
        Factors = assessment.Factors;
        CatalogueVersion = $"{assessment.CatalogueId}@{assessment.CatalogueVersion}";
        GradedAt = at;
        if (!changed)
        {
            return;
        }

        var change = new GradeChange
        {
            Id = Guid.CreateVersion7(at),
            PregnancyId = Id,
            FromColour = from,
            ToColour = assessment.Colour,
            FromPurple = fromPurple,
            ToPurple = assessment.Purple,
            Factors = assessment.Factors,
            ExamId = examId,
            Cause = cause,
            CatalogueVersion = CatalogueVersion,
            ChangedBy = by,
            ChangedAt = at,
        };
        _gradeHistory.Add(change);
        _events.Add(new GradeChanged(this, change));
        if (Status != PregnancyStatus.Open && !InPostpartumEpisode)
        {
            return;
        }

        if (Status == PregnancyStatus.Open && !first && (assessment.Colour > from || (assessment.Purple && !fromPurple)))
        {
            Schedule.AfterRisingColour(today, assessment.Colour, assessment.Purple, GestationalAgeOn(today), policy);
        }

        if (assessment.Colour == RiskColour.Red && from != RiskColour.Red)
        {
            Schedule.AfterBecomingRed(today, policy);
        }
    }

    /// <summary>
    /// A clinician raises the colour by hand, with a reason. There is no manual lowering: a colour comes down only
    /// when the finding (or raise) behind it is resolved on a later exam, or its measurement returns to normal.
    /// </summary>
    public ManualRaise Raise(RiskColour colour, string reason, string by, DateOnly date, PregnancyGrader grader, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        if (Status == PregnancyStatus.Closed && !(InPostpartumEpisode && date >= OutcomeDate))
        {
            throw InPostpartumEpisode
                ? new ConflictException(Messages.RaiseBeforeBirth, ("Date", OutcomeDate))
                : new ConflictException(Messages.RaiseOnClosedPregnancy);
        }

        var raise = new ManualRaise($"raise-{Raises.Count + 1}", colour, reason, by, date);
        Changing(today, policy, () =>
        {
            Raises = [.. Raises, raise];
            Regrade(grader, GradeCause.ManualRaise, examId: null, by, contact: null, policy, at, today);
        });
        return raise;
    }

    /// <summary>
    /// After a delivery, until the 42-day check: risk is re-assessed at the postpartum visit and at the 42-day check
    /// (产后风险评估), so exams and raises are taken, and a woman who turns red must be reached within 24 hours.
    /// </summary>
    public bool InPostpartumEpisode => Outcome == PregnancyOutcome.Delivery && !Schedule.FortyTwoDayCheckDone;

    /// <summary><see cref="InPostpartumEpisode"/> as a query filter (the 42-day check done: the visit made and nothing due after it).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Pregnancy, bool>> InPostpartumEpisodeFilter =
        p => p.Outcome == PregnancyOutcome.Delivery && !(p.Schedule.PostpartumVisitDone && p.Schedule.CareDueDate == null);

    /// <summary>Whether her episode is still managed: open, or delivered and before the 42-day check.</summary>
    public bool IsManaged => Status == PregnancyStatus.Open || InPostpartumEpisode;

    /// <summary>The date of the birth, when the pregnancy ended in one.</summary>
    public DateOnly? DeliveredOn => Outcome == PregnancyOutcome.Delivery ? OutcomeDate : null;

    /// <summary>Whether an exam on this date is after the birth (a postpartum exam).</summary>
    public bool IsAfterBirth(DateOnly date) => date >= DeliveredOn;

    /// <summary>Guards an exam: an open pregnancy takes exams; after a delivery, postpartum exams until the 42-day check.</summary>
    public void EnsureTakesExamOn(DateOnly date)
    {
        if (Status == PregnancyStatus.Open || (InPostpartumEpisode && IsAfterBirth(date)))
        {
            return;
        }

        var refusal = Outcome != PregnancyOutcome.Delivery ? Messages.ExamOnClosedPregnancy
            : InPostpartumEpisode ? Messages.ExamBeforeBirth
            : Messages.ExamAfterPostpartumEpisode;
        throw new ConflictException(refusal, ("Date", OutcomeDate), ("Outcome", Outcome));
    }

    public GestationalAge GestationalAgeOn(DateOnly date) => GestationalAge.FromLmp(Lmp, date);
}
