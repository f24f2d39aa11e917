using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.FollowUps;

/// <summary>
/// A pregnancy's follow-up schedule: what is due next and by when, the last contact, failed tracing attempts, and the
/// overdue state (reviewed by the daily job on her review date, see <see cref="Review"/>; moved at once by a reached
/// contact, and to lost by the failed attempt that makes her lost). Part of the <see cref="Pregnancy"/> aggregate: only
/// the pregnancy calls the methods that change it.
/// </summary>
public sealed partial class FollowUpSchedule
{
    public DateOnly? NextDueDate { get; private set; }

    public DueKind? NextDueKind { get; private set; }

    /// <summary>The antenatal or postpartum due date, before referral deadlines are taken into account.</summary>
    public DateOnly? CareDueDate { get; private set; }

    public DueKind? CareDueKind { get; private set; }

    /// <summary>The earliest open referral's outcome deadline.</summary>
    public DateOnly? ReferralDueDate { get; private set; }

    public DateOnly? LastContactDate { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateOnly? FirstFailedAttempt { get; private set; }

    public DateOnly? LastFailedAttempt { get; private set; }

    public bool PostpartumVisitDone { get; private set; }

    /// <summary>The 42-day check was made: the episode after the birth is over.</summary>
    public bool FortyTwoDayCheckDone => PostpartumVisitDone && CareDueDate is null;

    /// <summary>The date a failed attempt found she had moved away with no receiving facility; cleared when she is reached.</summary>
    public DateOnly? MovedAwayOn { get; private set; }

    public FollowUpState State { get; private set; } = FollowUpState.OnTrack;

    /// <summary>
    /// The business date on which the daily job next looks at her state: the first day she can be overdue (or lost),
    /// or the next morning when a change leaves her overdue or lost; null when only a contact or a close can change it.
    /// The job reads just the women whose date has come, so its work follows the day's changes, not the register's size.
    /// </summary>
    public DateOnly? ReviewOn { get; private set; }

    /// <summary>
    /// How many times her review was planned (after every change) or made (by the daily job): it moves with every write
    /// of her follow-up review, and the job writes its answer only where it is still the revision it read, so a change
    /// made meanwhile is never overwritten (see <c>FollowUpReviews</c>).
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>Days past the due date on a business date while overdue or lost (worked out when read, never stored: it changes every day).</summary>
    public int DaysOverdueOn(DateOnly today) => DaysOverdue(State, NextDueDate, today);

    public static int DaysOverdue(FollowUpState state, DateOnly? nextDueDate, DateOnly today) =>
        state is FollowUpState.Overdue or FollowUpState.Lost && nextDueDate is { } due ? Math.Max(0, today.DayNumber - due.DayNumber) : 0;

    /// <summary>After an antenatal contact (booking, exam, reached follow-up): the earlier of the appointment and the policy interval.</summary>
    public void AfterAntenatalContact(DateOnly date, DateOnly? appointment, RiskColour colour, bool purple, GestationalAge age, FollowUpPolicy policy)
    {
        RecordContact(date);
        if (LastContactDate > date)
        {
            return; // a contact entered late, older than the last one, does not move the schedule
        }

        var due = date.AddDays(policy.IntervalFor(colour, purple, age));
        if (appointment is { } a && a < due)
        {
            due = a;
        }

        SetCare(due, DueKind.Antenatal);
    }

    /// <summary>
    /// A higher colour (or purple) found without a contact, by a raise or a re-grade: the due date comes no later than
    /// the new colour's interval from the grading. With a contact (an exam) the interval was already counted from it.
    /// </summary>
    public void AfterRisingColour(DateOnly gradedOn, RiskColour colour, bool purple, GestationalAge age, FollowUpPolicy policy)
    {
        var due = gradedOn.AddDays(policy.IntervalFor(colour, purple, age));
        if (CareDueKind is DueKind.Antenatal && CareDueDate > due)
        {
            SetCare(due, DueKind.Antenatal);
        }
    }

    /// <summary>A woman newly graded red must be contacted within 24 hours of the grading.</summary>
    public void AfterBecomingRed(DateOnly gradedOn, FollowUpPolicy policy)
    {
        var due = gradedOn.AddDays(policy.NewlyRedContactDays);
        if (CareDueDate is null || due < CareDueDate)
        {
            SetCare(due, DueKind.RedContact);
        }
    }

    /// <summary>After the birth: the postpartum visit within 7 days of discharge (the delivery date when not recorded).</summary>
    public void AfterDelivery(DateOnly delivered, DateOnly? discharged, FollowUpPolicy policy)
    {
        PostpartumVisitDone = false;
        Found(); // her delivery was recorded: she has been found
        SetCare((discharged ?? delivered).AddDays(policy.Postpartum.VisitWithinDaysOfDischarge), DueKind.PostpartumVisit);
    }

    /// <summary>
    /// A reached contact after the birth. A home or clinic visit is the postpartum visit; a clinic visit from day 28 is
    /// the 42-day check, which ends the episode. A phone call counts as a contact (she is not lost) but is neither: the
    /// visit stays due. A contact dated before the birth, entered late, is an antenatal contact and moves nothing.
    /// </summary>
    /// <returns>What the contact counted as, or null when it was a contact only.</returns>
    public DueKind? AfterPostpartumContact(DateOnly date, ContactKind kind, DateOnly? appointment, DateOnly delivered, DateOnly? discharged, FollowUpPolicy policy)
    {
        if (date < delivered)
        {
            return null;
        }

        RecordContact(date);
        if (CareDueKind is DueKind.RedContact && LastContactDate == date && date >= CareDueDate!.Value.AddDays(-policy.NewlyRedContactDays))
        {
            // She turned red after the birth and has now been reached: the visit the birth made due is due again.
            if (PostpartumVisitDone)
            {
                SetCare(delivered.AddDays(policy.Postpartum.CheckOnDay), DueKind.PostpartumCheck42);
            }
            else
            {
                SetCare((discharged ?? delivered).AddDays(policy.Postpartum.VisitWithinDaysOfDischarge), DueKind.PostpartumVisit);
            }
        }
        if (kind == ContactKind.ClinicVisit && date >= delivered.AddDays(policy.Postpartum.CheckCountsFromDay))
        {
            PostpartumVisitDone = true;
            CareDueDate = null;
            CareDueKind = null;
            Refresh();
            State = NextDueDate is null ? FollowUpState.None : State;
            return DueKind.PostpartumCheck42;
        }

        if (kind == ContactKind.Phone || PostpartumVisitDone)
        {
            BringForward(appointment);
            return null;
        }

        PostpartumVisitDone = true;
        SetCare(delivered.AddDays(policy.Postpartum.CheckOnDay), DueKind.PostpartumCheck42);
        BringForward(appointment);
        return DueKind.PostpartumVisit;
    }

    /// <summary>After the birth too, the visit due is the earlier of the policy's date and the appointment given.</summary>
    private void BringForward(DateOnly? appointment)
    {
        if (appointment is { } a && CareDueDate is { } due && a < due && CareDueKind is { } kind)
        {
            SetCare(a, kind);
        }
    }

    /// <summary>
    /// A call or visit that did not reach her: the due date stands, and it counts towards lost to follow-up. Lost at
    /// once when she has moved away with no receiving facility, or on the second failed attempt 14 days after the first.
    /// </summary>
    public void AfterFailedAttempt(DateOnly date, bool movedAway, FollowUpPolicy policy)
    {
        FailedAttempts++;
        FirstFailedAttempt = FirstFailedAttempt is { } first && first < date ? first : date;
        LastFailedAttempt = LastFailedAttempt is { } last && last > date ? last : date;
        if (movedAway)
        {
            MovedAwayOn ??= date;
        }

        var lost = policy.LostToFollowUp;
        if (MovedAwayOn is not null
            || (FailedAttempts >= lost.FailedAttempts && LastFailedAttempt.Value.DayNumber - FirstFailedAttempt.Value.DayNumber >= lost.FailedAttemptsApartDays))
        {
            State = FollowUpState.Lost;
        }
    }

    /// <summary>A referral's outcome is due within the policy's days; the earliest open one counts.</summary>
    /// <returns>This referral's outcome due date.</returns>
    public DateOnly AfterReferral(DateOnly referredOn, FollowUpPolicy policy)
    {
        var due = referredOn.AddDays(policy.ReferralOutcomeDays);
        ReferralDueDate = ReferralDueDate is { } current && current < due ? current : due;
        Refresh();
        return due;
    }

    public void AfterReferralsSettled(DateOnly? earliestOpenReferralDue)
    {
        ReferralDueDate = earliestOpenReferralDue;
        Refresh();
    }

    /// <summary>
    /// 下转: the receiving facility's feedback names the day her township sees her next, which becomes what is due (of
    /// the same kind: antenatal, or the postpartum visit still to make); its referral's deadline is settled.
    /// </summary>
    public void AfterReferralFeedback(DateOnly followUpOn, DateOnly? earliestOpenReferralDue)
    {
        ReferralDueDate = earliestOpenReferralDue;
        SetCare(followUpOn, CareDueKind is DueKind.RedContact or null ? DueKind.Antenatal : CareDueKind.Value);
    }

    /// <summary>Closed without a birth to follow (miscarriage, termination, handed over to another facility, death): nothing is due.</summary>
    public void Stop()
    {
        CareDueDate = null;
        CareDueKind = null;
        ReferralDueDate = null;
        MovedAwayOn = null;
        Refresh();
        State = FollowUpState.None;
    }

    /// <summary>
    /// A reached contact. It finds her (failed attempts and a move forgotten, back on track) only when it is not older
    /// than the last contact, the last failed attempt or the move: a contact entered late undoes nothing that came after.
    /// </summary>
    private void RecordContact(DateOnly date)
    {
        if (LastContactDate is { } last && date < last)
        {
            return;
        }

        LastContactDate = date;
        if (LastFailedAttempt > date || MovedAwayOn > date)
        {
            return;
        }

        Found();
    }

    private void Found()
    {
        FailedAttempts = 0;
        FirstFailedAttempt = null;
        LastFailedAttempt = null;
        MovedAwayOn = null;
        State = FollowUpState.OnTrack;
    }

    private void SetCare(DateOnly due, DueKind kind)
    {
        CareDueDate = due;
        CareDueKind = kind;
        Refresh();
    }

    private void Refresh()
    {
        if (ReferralDueDate is { } referral && (CareDueDate is null || referral < CareDueDate))
        {
            NextDueDate = referral;
            NextDueKind = DueKind.ReferralOutcome;
        }
        else
        {
            NextDueDate = CareDueDate;
            NextDueKind = CareDueKind;
        }
    }
}
