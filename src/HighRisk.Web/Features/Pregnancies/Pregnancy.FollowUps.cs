using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Pregnancies;

/// <summary>The pregnancy's follow-up: the close, contacts and referrals, each moving her schedule (随访、转诊、结案).</summary>
public sealed partial class Pregnancy
{
    /// <summary>结案: the outcome. After a delivery the postpartum visit is due; after any other outcome nothing is.</summary>
    public void Close(
        PregnancyOutcome outcome, DateOnly date, DeliveryMode? mode, DateOnly? discharged, string? deliveryFacility, string? receivingFacility, FollowUpPolicy policy,
        DateTimeOffset at, DateOnly today)
    {
        if (Status == PregnancyStatus.Closed)
        {
            throw new ConflictException(Messages.PregnancyAlreadyClosed, ("Date", OutcomeDate), ("Outcome", Outcome));
        }

        Changing(today, policy, () =>
        {
            Status = PregnancyStatus.Closed;
            Outcome = outcome;
            OutcomeDate = date;
            DeliveryMode = outcome == PregnancyOutcome.Delivery ? mode : null;
            DischargeDate = outcome == PregnancyOutcome.Delivery ? discharged : null;
            DeliveryFacilityCode = outcome == PregnancyOutcome.Delivery ? deliveryFacility : null;
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
        });
    }

    /// <summary>
    /// A follow-up contact. Before the birth a reached contact is an antenatal contact; after a delivery it is the
    /// postpartum visit and then the 42-day check. A failed attempt leaves the due date and counts towards lost.
    /// </summary>
    public FollowUp RecordFollowUp(
        Guid id, DateOnly date, ContactKind kind, bool reached, string? note, DateOnly? appointment, bool movedAway, string by, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        var postpartum = Outcome == PregnancyOutcome.Delivery;
        if (Status == PregnancyStatus.Closed && (!postpartum || Schedule.NextDueDate is null))
        {
            throw new ConflictException(Messages.NothingToFollowUp);
        }

        return Changing(today, policy, () =>
        {
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
            _followUps.Add(followUp);
            return followUp;
        });
    }

    /// <summary>转诊: a referral's outcome is due within the policy's days and counts in the follow-up schedule.</summary>
    /// <returns>The date the referral's outcome is due.</returns>
    public DateOnly Refer(DateOnly date, FollowUpPolicy policy, DateOnly today)
    {
        if (Status == PregnancyStatus.Closed && Schedule.NextDueDate is null)
        {
            throw new ConflictException(Messages.FollowUpEnded);
        }

        return Changing(today, policy, () => Schedule.AfterReferral(date, policy));
    }

    /// <summary>A referral's outcome was recorded: the earliest outcome still open (if any) is what is due for referrals.</summary>
    public void ReferralsSettled(DateOnly? earliestOpenOutcomeDue, FollowUpPolicy policy, DateOnly today) =>
        Changing(today, policy, () => Schedule.AfterReferralsSettled(earliestOpenOutcomeDue));

    /// <summary>
    /// A referral's feedback came back with the day her township must see her next: that day is due. A pregnancy whose
    /// follow-up has ended (closed without a birth to follow) keeps its schedule as it is.
    /// </summary>
    public void ReferralFeedback(DateOnly followUpOn, DateOnly? earliestOpenOutcomeDue, FollowUpPolicy policy, DateOnly today) =>
        Changing(today, policy, () =>
        {
            if (IsFollowedUp(Status, Outcome, Schedule))
            {
                Schedule.AfterReferralFeedback(followUpOn, earliestOpenOutcomeDue);
            }
        });

    /// <summary>Whether the follow-up schedule applies to her: open, or delivered with a visit still due.</summary>
    public static bool IsFollowedUp(PregnancyStatus status, PregnancyOutcome? outcome, FollowUpSchedule schedule) =>
        status == PregnancyStatus.Open || (outcome == PregnancyOutcome.Delivery && schedule.NextDueDate is not null);

    /// <summary>
    /// A change, then the daily job's next look at her, from her state before it and after; and the events of what changed
    /// for others: her follow-up state (the case board's order), when she is next due or was last seen (her reminders),
    /// the end of her episode (her case, a death report).
    /// </summary>
    private void Changing(DateOnly today, FollowUpPolicy policy, Action change) =>
        Changing(today, policy, () =>
        {
            change();
            return 0;
        });

    private T Changing<T>(DateOnly today, FollowUpPolicy policy, Func<T> change)
    {
        var (wasListed, wasManaged, state) = (Schedule.IsListed, IsManaged, Schedule.State);
        var due = (Schedule.NextDueDate, Schedule.NextDueKind, Schedule.LastContactDate, Status, Grade, Purple);
        var result = change();
        Schedule.PlanReview(today, Grade, Purple, wasListed, policy);
        if (Schedule.State != state)
        {
            _events.Add(new FollowUpStateChanged(this, state));
        }

        if (due != (Schedule.NextDueDate, Schedule.NextDueKind, Schedule.LastContactDate, Status, Grade, Purple))
        {
            _events.Add(new NextDueChanged(this));
        }

        if (wasManaged && !IsManaged)
        {
            _events.Add(new EpisodeEnded(this));
        }

        return result;
    }
}
