using HighRisk.Rules;

namespace HighRisk.Features.FollowUps;

/// <summary>
/// The overdue and lost rule, written once (docs/adr/0005): <see cref="Review"/> on the daily job's morning, and
/// <see cref="PlanReview"/>, the next morning on which the rule can give another answer, after every change.
/// </summary>
public sealed partial class FollowUpSchedule
{
    /// <summary>Overdue or lost: she is on the daily lists.</summary>
    public bool IsListed => State is FollowUpState.Overdue or FollowUpState.Lost;

    /// <summary>
    /// Works out <see cref="ReviewOn"/> after a change to the schedule, the colour or the status (the pregnancy calls it at
    /// the end of every change; the daily review keeps it from then on). A woman who is, or was until this change, overdue
    /// or lost is reviewed the next morning, so that her line on the lists follows the change; so is one whose review is
    /// already pending. Anyone else when she can first become overdue.
    /// </summary>
    public void PlanReview(DateOnly today, RiskColour colour, bool purple, bool wasListed, FollowUpPolicy policy)
    {
        ReviewOn = ReviewOn <= today ? ReviewOn
            : wasListed || IsListed ? today
            : NextDueDate is { } due ? FirstOverdueDay(due, colour, purple, policy)
            : null;
        Revision++;
    }

    /// <summary>
    /// The overdue and lost rule (随访逾期、失访) on a business date, as the 07:00 job asks it of every woman whose review
    /// date has come: overdue once the date is past the due date plus the colour's grace (none for the 24-hour contact of
    /// a woman newly red: the 24 hours are the grace); lost after 28 days with nobody having reached her since the due
    /// date (a woman seen every week whose referral outcome is late is overdue, not lost), after two failed attempts 14
    /// days apart, or when she moved away with no receiving facility. Then the next date on which the answer can change by
    /// itself: the day after the grace, or day 28; never once lost.
    /// </summary>
    /// <param name="followedUp">Whether the schedule applies to her at all (open, or delivered with a visit due); when
    /// not, her state stands and there is nothing to review.</param>
    /// <returns>Whether the state or the review date changed (and with them the <see cref="Revision"/>).</returns>
    public bool Review(DateOnly date, RiskColour colour, bool purple, bool followedUp, FollowUpPolicy policy)
    {
        var (state, reviewOn) = (State, ReviewOn);
        if (!followedUp)
        {
            ReviewOn = null;
        }
        else if (NextDueDate is not { } due)
        {
            (State, ReviewOn) = (FollowUpState.None, null);
        }
        else
        {
            var lost = policy.LostToFollowUp;
            var graceOver = FirstOverdueDay(due, colour, purple, policy);
            var lostDay = due.AddDays(lost.OverdueDays);
            var notReachedSinceDue = LastContactDate is not { } contact || contact < due;
            var lostByAttempts = FailedAttempts >= lost.FailedAttempts
                && LastFailedAttempt?.DayNumber - FirstFailedAttempt?.DayNumber >= lost.FailedAttemptsApartDays;
            var lostForGood = MovedAwayOn is not null || lostByAttempts;
            State = lostForGood || (notReachedSinceDue && date >= lostDay) ? FollowUpState.Lost
                : date >= graceOver ? FollowUpState.Overdue
                : FollowUpState.OnTrack;
            ReviewOn = lostForGood || State == FollowUpState.Lost ? null
                : notReachedSinceDue ? (date >= graceOver ? lostDay : Earliest(graceOver, lostDay))
                : date >= graceOver ? null
                : graceOver;
        }

        var changed = (state, reviewOn) != (State, ReviewOn);
        Revision += changed ? 1 : 0;
        return changed;
    }

    /// <summary>The first day a due date is overdue: the day after the colour's grace (the day after it, for a newly red woman).</summary>
    public DateOnly FirstOverdueDay(DateOnly due, RiskColour colour, bool purple, FollowUpPolicy policy) =>
        due.AddDays(policy.GraceFor(colour, purple, NextDueKind) + 1);

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
