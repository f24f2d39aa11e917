using HighRisk.Features.Pregnancies;

namespace HighRisk.Features.FollowUps;

/// <summary>A schedule as it stood, kept by a merge so that its undo can put it back.</summary>
public sealed record ScheduleSnapshot(
    DateOnly? NextDueDate, DueKind? NextDueKind, DateOnly? CareDueDate, DueKind? CareDueKind, DateOnly? ReferralDueDate, DateOnly? LastContactDate,
    int FailedAttempts, DateOnly? FirstFailedAttempt, DateOnly? LastFailedAttempt, bool PostpartumVisitDone, DateOnly? MovedAwayOn, FollowUpState State);

/// <summary>The schedule when two records of one woman become one (<see cref="Pregnancy.MergeIn"/>), and when that is undone.</summary>
public sealed partial class FollowUpSchedule
{
    public ScheduleSnapshot Snapshot() => new(
        NextDueDate, NextDueKind, CareDueDate, CareDueKind, ReferralDueDate, LastContactDate, FailedAttempts, FirstFailedAttempt, LastFailedAttempt,
        PostpartumVisitDone, MovedAwayOn, State);

    /// <summary>
    /// The other record's schedule joins this one: what is due, the last contact and the tracing attempts are those of
    /// the record whose last contact is the later (she was last seen there); the earliest referral deadline of both counts.
    /// </summary>
    public void TakeOver(FollowUpSchedule other)
    {
        var referralDue = Earlier(ReferralDueDate, other.ReferralDueDate);
        if (other.LastContactDate > LastContactDate || (LastContactDate is null && other.LastContactDate is not null))
        {
            Restore(other.Snapshot());
        }

        ReferralDueDate = referralDue;
        Refresh();
    }

    /// <summary>Puts back a schedule as it stood (the undo of a merge); its referral deadline is the one of the referrals it has now.</summary>
    public void Restore(ScheduleSnapshot snapshot, DateOnly? earliestOpenReferralDue)
    {
        Restore(snapshot);
        ReferralDueDate = earliestOpenReferralDue;
        Refresh();
    }

    private void Restore(ScheduleSnapshot s)
    {
        (NextDueDate, NextDueKind, CareDueDate, CareDueKind, ReferralDueDate, LastContactDate) =
            (s.NextDueDate, s.NextDueKind, s.CareDueDate, s.CareDueKind, s.ReferralDueDate, s.LastContactDate);
        (FailedAttempts, FirstFailedAttempt, LastFailedAttempt, PostpartumVisitDone, MovedAwayOn, State) =
            (s.FailedAttempts, s.FirstFailedAttempt, s.LastFailedAttempt, s.PostpartumVisitDone, s.MovedAwayOn, s.State);
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
