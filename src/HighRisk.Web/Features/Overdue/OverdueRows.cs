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
        var found = await entries
            .Join(db.OverdueLists, e => e.ListId, l => l.Id, (e, l) => new { Entry = e, l.TownshipCode })
            .OrderBy(x => x.TownshipCode).ThenBy(x => x.Entry.Rank)
            .ToListAsync(ct);
        var codes = found.SelectMany(x => new[] { x.TownshipCode, x.Entry.VillageCode }).Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return found.ConvertAll(x =>
        {
            var e = x.Entry;
            return new OverdueRow(
                e.Rank, e.PregnancyId, x.TownshipCode, names.GetValueOrDefault(x.TownshipCode), e.VillageCode, names.GetValueOrDefault(e.VillageCode),
                e.MaskedName, fullMobile ? personalData.Unprotect(e.MobileCipher) : e.MobileMasked, e.Colour.ToApiName(), e.Purple, e.GestationalWeeks,
                e.DueDate, e.DueKind, e.DaysOverdue, e.State, e.LastContactDate, e.FailedAttempts, e.HealthWorker);
        });
    }
}
