using HighRisk.Features.Exams;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using HighRisk.Features.Risk;
using HighRisk.Rules;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// One pregnancy episode from booking (建册) to its close, with the colour-coded risk grade it holds now.
/// State changes go through the methods below; each guards its own transition.
/// </summary>
public sealed class Pregnancy
{
    private readonly List<object> _events = [];

    public Guid Id { get; init; }

    /// <summary>The register's running case number, assigned by the database in booking order.</summary>
    public long Number { get; private set; }

    public Guid WomanId { get; init; }

    public Woman Woman { get; init; } = null!;

    public DateOnly Lmp { get; init; }

    public DateOnly Edd { get; init; }

    /// <summary>Residence: 12-digit village/residents' committee code or 9-digit township/sub-district code.</summary>
    public required string DivisionCode { get; init; }

    /// <summary>The 9-digit township or sub-district of residence, whose MCH staff follow her up.</summary>
    public required string TownshipCode { get; init; }

    public required string Address { get; init; }

    public required string FacilityCode { get; init; }

    public required string HealthWorker { get; init; }

    /// <summary>The health worker's account when she booked the woman herself: her mobile receives the red alerts.</summary>
    public Guid? ResponsibleUserId { get; init; }

    public decimal? HeightCm { get; init; }

    public decimal? WeightKg { get; init; }

    public PregnancyHistory History { get; init; } = new();

    /// <summary>Risk-catalogue factor ids coded by the health worker at booking.</summary>
    public List<string> Findings { get; init; } = [];

    public DateOnly BookingDate { get; init; }

    public DateTimeOffset BookedAt { get; init; }

    public PregnancyStatus Status { get; private set; } = PregnancyStatus.Open;

    public PregnancyOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeDate { get; private set; }

    public DeliveryMode? DeliveryMode { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Discharge after the delivery; the postpartum visit is due within 7 days of it.</summary>
    public DateOnly? DischargeDate { get; private set; }

    /// <summary>Where she was handed over to when she moved away (转出至): the facility that now follows her.</summary>
    public string? ReceivingFacility { get; private set; }

    public FollowUpSchedule Schedule { get; init; } = new();

    public List<FollowUp> FollowUps { get; init; } = [];

    public RiskColour Grade { get; private set; }

    public bool Purple { get; private set; }

    public IReadOnlyList<ActiveFactor> Factors { get; private set; } = [];

    public string? CatalogueVersion { get; private set; }

    public DateTimeOffset GradedAt { get; private set; }

    /// <summary>Colours raised by hand by a clinician; each holds until a later exam resolves it by id.</summary>
    public List<ManualRaise> Raises { get; init; } = [];

    public List<Exam> Exams { get; init; } = [];

    public List<GradeChange> GradeHistory { get; init; } = [];

    /// <summary>Domain events raised by the last state changes, dispatched when the unit of work is saved.</summary>
    public IReadOnlyList<object> Events => _events;

    public void ClearEvents() => _events.Clear();

    /// <summary>
    /// Takes the engine's assessment. A grade-history row is written (and an event raised) only when the colour or
    /// the purple flag changes, or on the first grading at booking.
    /// </summary>
    public void ApplyAssessment(RiskAssessment assessment, GradeCause cause, Guid? examId, string by, DateTimeOffset at, DateOnly today, FollowUpPolicy policy)
    {
        var first = CatalogueVersion is null;
        var changed = first || assessment.Colour != Grade || assessment.Purple != Purple;
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
        GradeHistory.Add(change);
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

    public void Close(PregnancyOutcome outcome, DateOnly date, DeliveryMode? mode, DateOnly? discharged, string? receivingFacility, FollowUpPolicy policy, DateTimeOffset at)
    {
        if (Status == PregnancyStatus.Closed)
        {
            throw new ConflictException(Messages.PregnancyAlreadyClosed, ("Date", OutcomeDate), ("Outcome", Outcome));
        }

        Status = PregnancyStatus.Closed;
        Outcome = outcome;
        OutcomeDate = date;
        DeliveryMode = outcome == PregnancyOutcome.Delivery ? mode : null;
        DischargeDate = outcome == PregnancyOutcome.Delivery ? discharged : null;
        ReceivingFacility = outcome == PregnancyOutcome.MovedAway ? receivingFacility : null;
        ClosedAt = at;
        if (outcome == PregnancyOutcome.Delivery)
        {
            Schedule.AfterDelivery(date, discharged, policy);
        }
        else
        {
            Schedule.Stop();
        }
    }

    /// <summary>
    /// A follow-up contact. Before the birth a reached contact is an antenatal contact; after a delivery it is the
    /// postpartum visit and then the 42-day check. A failed attempt leaves the due date and counts towards lost.
    /// </summary>
    public FollowUp RecordFollowUp(
        Guid id, DateOnly date, ContactKind kind, bool reached, string? note, DateOnly? appointment, bool movedAway, string by, FollowUpPolicy policy, DateTimeOffset at)
    {
        var postpartum = Outcome == PregnancyOutcome.Delivery;
        if (Status == PregnancyStatus.Closed && (!postpartum || Schedule.NextDueDate is null))
        {
            throw new ConflictException(Messages.NothingToFollowUp);
        }

        DueKind? countedAs = null;
        if (!reached)
        {
            Schedule.AfterFailedAttempt(date, movedAway, policy);
        }
        else if (postpartum)
        {
            countedAs = Schedule.AfterPostpartumContact(date, kind, appointment, OutcomeDate!.Value, DischargeDate, policy);
        }
        else
        {
            Schedule.AfterAntenatalContact(date, appointment, Grade, Purple, GestationalAgeOn(date), policy);
            countedAs = DueKind.Antenatal;
        }

        var followUp = new FollowUp
        {
            Id = id,
            PregnancyId = Id,
            Date = date,
            Kind = kind,
            Reached = reached,
            Note = note,
            NextAppointment = appointment,
            MovedAway = movedAway,
            CountedAs = countedAs,
            RecordedBy = by,
            RecordedAt = at,
        };
        FollowUps.Add(followUp);
        return followUp;
    }

    /// <summary>
    /// A clinician raises the colour by hand, with a reason. There is no manual lowering: a colour comes down only
    /// when the finding (or raise) behind it is resolved on a later exam, or its measurement returns to normal.
    /// </summary>
    public ManualRaise Raise(RiskColour colour, string reason, string by, DateOnly date)
    {
        if (Status == PregnancyStatus.Closed && !(InPostpartumEpisode && date >= OutcomeDate))
        {
            throw InPostpartumEpisode
                ? new ConflictException(Messages.RaiseBeforeBirth, ("Date", OutcomeDate))
                : new ConflictException(Messages.RaiseOnClosedPregnancy);
        }

        var raise = new ManualRaise($"raise-{Raises.Count + 1}", colour, reason, by, date);
        Raises.Add(raise);
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
