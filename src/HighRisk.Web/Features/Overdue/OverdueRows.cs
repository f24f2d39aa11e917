using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>Reads a day's stored overdue lists as rows for people: ranked, division names joined, mobiles decrypted for those who may see them.</summary>
public sealed class OverdueRows(HighRiskDb db, PersonalData personalData, Accounts.CurrentUser user)
{
    /// <summary>
    /// The spells on the lists of <paramref name="date"/> for the townships under <paramref name="division"/> (none for a
    /// date not run), within the user's scope: the same rule as for pregnancies (the division, or the health worker's facility).
    /// </summary>
    public IQueryable<OverdueSpell> On(DateOnly date, string division)
    {
        var spells = db.OverdueSpells.AsNoTracking().Where(s => s.FromDate <= date && s.UntilDate > date
            && db.OverdueLists.Any(l => l.BusinessDate == date && l.TownshipCode == s.TownshipCode && l.TownshipCode.StartsWith(division)));
        if (user.DivisionPrefix is { } prefix)
        {
            var facility = user.FacilityCode;
            spells = spells.Where(s => s.VillageCode.StartsWith(prefix) || s.FacilityCode == facility);
        }

        return spells;
    }

    public async Task<List<OverdueRow>> ReadAsync(IQueryable<OverdueSpell> spells, DateOnly date, bool fullMobile, CancellationToken ct)
    {
        // The women's names and mobiles come from their records; the spells are already limited to the reader's scope.
        var found = await spells
            .Join(db.Pregnancies.IgnoreQueryFilters(), s => s.PregnancyId, p => p.Id,
                (s, p) => new { Spell = s, p.Woman.FullNameMasked, p.Woman.MobileCipher, p.Woman.MobileMasked })
            .ToListAsync(ct);
        var codes = found.SelectMany(x => new[] { x.Spell.TownshipCode, x.Spell.VillageCode }).Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var moving = await Transfers.PendingTransfers.AmongAsync(db, found.Select(x => x.Spell.PregnancyId).ToList(), ct);
        var reminded = await Reminders.LastReminders.OfAsync(db, found.Select(x => x.Spell.PregnancyId).ToList(), date, ct);
        var rows = new List<OverdueRow>(found.Count);
        foreach (var township in found.GroupBy(x => x.Spell.TownshipCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rank = 0;
            foreach (var x in township.OrderBy(x => Urgency(x.Spell)).ThenBy(x => x.Spell.DueDate).ThenBy(x => x.Spell.PregnancyId))
            {
                var s = x.Spell;
                rows.Add(new OverdueRow(
                    ++rank, s.PregnancyId, s.TownshipCode, names.GetValueOrDefault(s.TownshipCode), s.VillageCode, names.GetValueOrDefault(s.VillageCode),
                    x.FullNameMasked, fullMobile ? personalData.Unprotect(x.MobileCipher) : x.MobileMasked, s.Colour.ToApiName(), s.Purple,
                    Math.Max(0, (date.DayNumber - s.Lmp.DayNumber) / 7), s.DueDate, s.DueKind, Math.Max(0, date.DayNumber - s.DueDate.DayNumber), s.State,
                    s.LastContactDate, s.FailedAttempts, s.HealthWorker, s.DeliveredOn is { } born ? Math.Max(0, date.DayNumber - born.DayNumber) : null,
                    moving.Contains(s.PregnancyId), reminded.GetValueOrDefault(s.PregnancyId)));
            }
        }

        return rows;
    }

    /// <summary>Red, orange, purple, yellow, green; then the longest overdue (the earliest due date) first.</summary>
    private static int Urgency(OverdueSpell s) => s.Colour switch
    {
        RiskColour.Red => 0,
        RiskColour.Orange => 1,
        _ when s.Purple => 2,
        RiskColour.Yellow => 3,
        _ => 4,
    };
}
