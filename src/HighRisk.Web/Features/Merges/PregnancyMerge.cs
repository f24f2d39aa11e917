using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Merges;

/// <summary>
/// An administrator's merge of two records of one woman (重复建册): which record was kept, which was merged into it, what
/// moved, and whether (and by whom) it was undone. The only writer of its own state; an undo is possible for
/// <see cref="UndoDays"/> days.
/// </summary>
public sealed class PregnancyMerge
{
    public const int UndoDays = 30;

    public Guid Id { get; init; }

    public Guid KeepId { get; init; }

    public Guid MergedId { get; init; }

    /// <summary>What the kept record took in (exams, follow-ups, grade history, raises, findings) and the schedules before and after.</summary>
    public required MergeTaken Taken { get; init; }

    /// <summary>The records seen "as whoever sees her" that followed the kept record: her referrals, consultations and alerts.</summary>
    public IReadOnlyList<Guid> ReferralIds { get; init; } = [];

    public IReadOnlyList<Guid> ConsultationIds { get; init; } = [];

    public IReadOnlyList<Guid> AlertIds { get; init; } = [];

    public required string MergedBy { get; init; }

    public DateTimeOffset MergedAt { get; init; }

    public DateTimeOffset UndoBefore { get; init; }

    public DateTimeOffset? UndoneAt { get; private set; }

    public string? UndoneBy { get; private set; }

    public static PregnancyMerge Record(Guid id, Pregnancy kept, Pregnancy merged, MergeTaken taken, SideRecords side, string by, DateTimeOffset now) => new()
    {
        Id = id,
        KeepId = kept.Id,
        MergedId = merged.Id,
        Taken = taken,
        ReferralIds = side.Referrals,
        ConsultationIds = side.Consultations,
        AlertIds = side.Alerts,
        MergedBy = by,
        MergedAt = now,
        UndoBefore = now.AddDays(UndoDays),
    };

    /// <summary>Marks it undone: once, and within <see cref="UndoDays"/> days of the merge.</summary>
    public void Undo(string by, DateTimeOffset now)
    {
        if (UndoneAt is not null)
        {
            throw new ConflictException(Messages.MergeUndone);
        }

        if (now >= UndoBefore)
        {
            throw new ConflictException(Messages.MergeUndoExpired, ("Days", UndoDays), ("Date", DateOnly.FromDateTime(MergedAt.UtcDateTime)));
        }

        UndoneAt = now;
        UndoneBy = by;
    }
}

/// <summary>The ids of a woman's referrals, consultations and alerts that a merge moved to the kept record.</summary>
public sealed record SideRecords(IReadOnlyList<Guid> Referrals, IReadOnlyList<Guid> Consultations, IReadOnlyList<Guid> Alerts);
