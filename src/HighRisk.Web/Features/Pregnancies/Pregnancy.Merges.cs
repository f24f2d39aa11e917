using HighRisk.Features.FollowUps;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// What a merge moved from one record to the other, and both schedules as they stood before it and the kept one's after
/// it: all that its undo needs to give each record back what was its own.
/// </summary>
public sealed record MergeTaken(
    IReadOnlyList<Guid> Exams, IReadOnlyList<Guid> FollowUps, IReadOnlyList<Guid> GradeChanges, IReadOnlyList<string> Raises, IReadOnlyList<string> Findings,
    ScheduleSnapshot KeptBefore, ScheduleSnapshot KeptAfter, ScheduleSnapshot MergedBefore);

/// <summary>The same woman booked twice (重复建册): an administrator merges the second record into the first, reversibly.</summary>
public sealed partial class Pregnancy
{
    /// <summary>The record this one was merged into (its outcome is then <see cref="PregnancyOutcome.Merged"/>).</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>
    /// Takes in the other record of the same woman: its exams, follow-ups, grade history and raises join this one's (read in
    /// date order), its booking findings are added, its schedule joins (<see cref="FollowUpSchedule.TakeOver"/>), and she is
    /// graded again from everything (a grade-history row says so). The other record is closed as merged into this one.
    /// </summary>
    public MergeTaken MergeIn(Pregnancy other, PregnancyGrader grader, string by, FollowUpPolicy policy, DateTimeOffset at, DateOnly today)
    {
        EnsureMergeable(this, "kept");
        EnsureMergeable(other, "merged");
        var clash = other.Raises.Select(r => r.Id).Intersect(Raises.Select(r => r.Id)).FirstOrDefault();
        if (clash is not null)
        {
            throw new ConflictException(Messages.MergeRaisesCollide, ("Id", clash));
        }

        var (keptBefore, mergedBefore) = (Schedule.Snapshot(), other.Schedule.Snapshot());
        var findings = other.Findings.Except(Findings).ToList();
        var moved = (Exams: other._exams.ToList(), FollowUps: other._followUps.ToList(), Grades: other._gradeHistory.ToList());
        Changing(today, policy, () =>
        {
            other._exams.Clear();
            other._followUps.Clear();
            other._gradeHistory.Clear();
            _exams.AddRange(moved.Exams);
            _followUps.AddRange(moved.FollowUps);
            _gradeHistory.AddRange(moved.Grades);
            _findings = [.. Findings, .. findings];
            Raises = [.. Raises, .. other.Raises];
            Schedule.TakeOver(other.Schedule);
            Regrade(grader, GradeCause.Merge, examId: null, by, contact: null, policy, at, today);
        });
        other.CloseAsMergedInto(this, policy, at, today);
        return new MergeTaken(
            [.. moved.Exams.Select(e => e.Id)], [.. moved.FollowUps.Select(f => f.Id)], [.. moved.Grades.Select(g => g.Id)], [.. other.Raises.Select(r => r.Id)], findings,
            keptBefore, Schedule.Snapshot(), mergedBefore);
    }

    /// <summary>
    /// The undo of <see cref="MergeIn"/>: what came from the merged record goes back to it, and it is open again with its
    /// schedule as it stood. This record keeps what was recorded on it since; its schedule goes back too unless it changed
    /// since the merge. Both are graded again from what is their own.
    /// </summary>
    public void GiveBack(
        Pregnancy merged, MergeTaken taken, DateOnly? keptReferralDue, DateOnly? mergedReferralDue, PregnancyGrader grader, string by, FollowUpPolicy policy,
        DateTimeOffset at, DateOnly today)
    {
        if (merged.MergedIntoId != Id || merged.Outcome != PregnancyOutcome.Merged)
        {
            throw new ConflictException(Messages.MergeRecordChanged, ("What", "merged record reopened"));
        }

        var (exams, followUps, grades) = (taken.Exams.ToHashSet(), taken.FollowUps.ToHashSet(), taken.GradeChanges.ToHashSet());
        var raises = taken.Raises.ToHashSet(StringComparer.Ordinal);
        Changing(today, policy, () =>
        {
            Move(_exams, merged._exams, e => exams.Contains(e.Id));
            Move(_followUps, merged._followUps, f => followUps.Contains(f.Id));
            Move(_gradeHistory, merged._gradeHistory, g => grades.Contains(g.Id));
            Raises = [.. Raises.Where(r => !raises.Contains(r.Id))];
            _findings = [.. Findings.Except(taken.Findings)];
            if (Schedule.Snapshot() == taken.KeptAfter)
            {
                Schedule.Restore(taken.KeptBefore, keptReferralDue);
            }
            else
            {
                Schedule.AfterReferralsSettled(keptReferralDue);
            }

            Regrade(grader, GradeCause.Unmerge, examId: null, by, contact: null, policy, at, today);
        });
        merged.ReopenAfterUndo(taken.MergedBefore, mergedReferralDue, grader, by, policy, at, today);
    }

    private void CloseAsMergedInto(Pregnancy kept, FollowUpPolicy policy, DateTimeOffset at, DateOnly today) =>
        Changing(today, policy, () =>
        {
            Status = PregnancyStatus.Closed;
            Outcome = PregnancyOutcome.Merged;
            OutcomeDate = today;
            ClosedAt = at;
            MergedIntoId = kept.Id;
            Schedule.Stop();
        });

    private void ReopenAfterUndo(ScheduleSnapshot schedule, DateOnly? referralDue, PregnancyGrader grader, string by, FollowUpPolicy policy, DateTimeOffset at, DateOnly today) =>
        Changing(today, policy, () =>
        {
            Status = PregnancyStatus.Open;
            Outcome = null;
            OutcomeDate = null;
            ClosedAt = null;
            MergedIntoId = null;
            Schedule.Restore(schedule, referralDue);
            Regrade(grader, GradeCause.Unmerge, examId: null, by, contact: null, policy, at, today);
        });

    private static void EnsureMergeable(Pregnancy pregnancy, string which)
    {
        if (pregnancy.Status != PregnancyStatus.Open)
        {
            throw new ConflictException(Messages.MergeRecordNotOpen, ("Which", which));
        }
    }

    private static void Move<T>(List<T> from, List<T> to, Func<T, bool> taken)
    {
        var moving = from.Where(taken).ToList();
        from.RemoveAll(moving.Contains);
        to.AddRange(moving);
    }
}
