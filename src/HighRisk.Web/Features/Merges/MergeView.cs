using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>A merge as the administrators' API and page show it: both records (masked), what moved, and its undo.</summary>
public sealed record MergeView(
    Guid Id, MergeView.Record Keep, MergeView.Record Merged, int Exams, int FollowUps, int GradeChanges, int Referrals, string MergedBy, DateTimeOffset MergedAt,
    DateTimeOffset UndoBefore, DateTimeOffset? UndoneAt, string? UndoneBy, bool Undoable)
{
    /// <summary>One of the two records: its register number, the woman's masked name and resident ID, where she lives, and her colour now.</summary>
    public sealed record Record(Guid Id, long Number, string MaskedName, string ResidentIdMasked, string DivisionCode, string Grade, bool Purple, PregnancyStatus Status);

    public static async Task<IReadOnlyList<MergeView>> OfAsync(HighRiskDb db, IReadOnlyList<PregnancyMerge> merges, DateTimeOffset now, CancellationToken ct)
    {
        var ids = merges.SelectMany(m => new[] { m.KeepId, m.MergedId }).Distinct().ToList();
        var records = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Record(p.Id, p.Number, p.Woman.FullNameMasked, p.Woman.ResidentIdMasked, p.DivisionCode, p.Grade.ToApiName(), p.Purple, p.Status))
            .ToDictionaryAsync(r => r.Id, ct);
        return [.. merges.Select(m => Of(m, records[m.KeepId], records[m.MergedId], now))];
    }

    public static MergeView Of(PregnancyMerge m, Record keep, Record merged, DateTimeOffset now) => new(
        m.Id, keep, merged, m.Taken.Exams.Count, m.Taken.FollowUps.Count, m.Taken.GradeChanges.Count, m.ReferralIds.Count,
        m.MergedBy, m.MergedAt, m.UndoBefore, m.UndoneAt, m.UndoneBy, m.UndoneAt is null && now < m.UndoBefore);

    /// <summary>A record as it stands in this unit of work (after the merge or its undo, before the save).</summary>
    public static Record RecordOf(Pregnancy p) =>
        new(p.Id, p.Number, p.Woman.FullNameMasked, p.Woman.ResidentIdMasked, p.DivisionCode, p.Grade.ToApiName(), p.Purple, p.Status);
}
