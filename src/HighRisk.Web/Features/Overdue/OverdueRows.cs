using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>Reads stored overdue entries as rows for people: division names joined, mobiles decrypted for those who may see them.</summary>
public sealed class OverdueRows(HighRiskDb db, PersonalData personalData)
{
    public async Task<List<OverdueRow>> ReadAsync(IQueryable<OverdueListEntry> entries, bool fullMobile, CancellationToken ct)
    {
        // The women's names and mobiles come from their records; the entries are already limited to the reader's scope.
        var found = await entries
            .Join(db.OverdueLists, e => e.ListId, l => l.Id, (e, l) => new { Entry = e, l.TownshipCode })
            .Join(db.Pregnancies.IgnoreQueryFilters(), x => x.Entry.PregnancyId, p => p.Id,
                (x, p) => new { x.Entry, x.TownshipCode, p.Woman.FullNameMasked, p.Woman.MobileCipher, p.Woman.MobileMasked })
            .OrderBy(x => x.TownshipCode).ThenBy(x => x.Entry.Rank)
            .ToListAsync(ct);
        var codes = found.SelectMany(x => new[] { x.TownshipCode, x.Entry.VillageCode }).Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return found.ConvertAll(x =>
        {
            var e = x.Entry;
            return new OverdueRow(
                e.Rank, e.PregnancyId, x.TownshipCode, names.GetValueOrDefault(x.TownshipCode), e.VillageCode, names.GetValueOrDefault(e.VillageCode),
                x.FullNameMasked, fullMobile ? personalData.Unprotect(x.MobileCipher) : x.MobileMasked, e.Colour.ToApiName(), e.Purple, e.GestationalWeeks,
                e.DueDate, e.DueKind, e.DaysOverdue, e.State, e.LastContactDate, e.FailedAttempts, e.HealthWorker, e.PostpartumDay);
        });
    }
}
