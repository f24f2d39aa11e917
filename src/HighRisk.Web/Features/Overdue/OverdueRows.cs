using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>Reads a day's stored overdue lists as rows for people: ranked, division names joined, mobiles decrypted for those who may see them.</summary>
public sealed class OverdueRows(HighRiskDb db, PersonalData personalData, Accounts.CurrentUser user, Divisions.DivisionNames divisions)
{
    /// <summary>A row with its place in the list's order (for the next page's cursor).</summary>
    public sealed record Entry(OverdueRow Row, int Urgency);

    /// <summary>
    /// The spells on the lists of <paramref name="date"/> for the townships under <paramref name="division"/> (none for a
    /// date not run), within the user's scope: the same rule as for pregnancies (the division, or the health worker's facility).
    /// </summary>
    public IQueryable<OverdueSpell> On(DateOnly date, string division)
    {
        var spells = db.OverdueSpells.AsNoTracking().Where(s => s.FromDate <= date && s.UntilDate > date
            && db.OverdueLists.Any(l => l.BusinessDate == date && l.TownshipCode == s.TownshipCode));
        if (division.Length >= 9)
        {
            spells = spells.Where(s => s.TownshipCode == division);
        }
        else
        {
            // The division's townships as a range of codes (not LIKE), so that the list-order index is walked from its start.
            var (from, to) = CodeRange(division);
            spells = to is null
                ? spells.Where(s => string.Compare(s.TownshipCode, from) >= 0)
                : spells.Where(s => string.Compare(s.TownshipCode, from) >= 0 && string.Compare(s.TownshipCode, to) < 0);
        }

        if (user.DivisionPrefix is { } prefix)
        {
            var facility = user.FacilityCode;
            spells = spells.Where(s => s.VillageCode.StartsWith(prefix) || s.FacilityCode == facility);
        }

        return spells;
    }

    /// <summary>The whole list, township by township in the list's order.</summary>
    public async Task<List<OverdueRow>> ReadAsync(IQueryable<OverdueSpell> spells, DateOnly date, bool fullMobile, CancellationToken ct) =>
        (await PageAsync(spells, date, fullMobile, null, null, ct)).ConvertAll(e => e.Row);

    /// <summary>
    /// The rows after <paramref name="after"/> (from the start when null) in the list's order — township, then red → orange →
    /// purple → yellow → green, then the longest overdue (the earliest due date) first, then pregnancy id — at most
    /// <paramref name="limit"/> of them (all when null). A pregnancy has one spell on a date, so the order is total.
    /// </summary>
    public async Task<List<Entry>> PageAsync(IQueryable<OverdueSpell> spells, DateOnly date, bool fullMobile, OverdueCursor? after, int? limit, CancellationToken ct)
    {
        if (after is not null)
        {
            spells = spells.Where(s => EF.Functions.GreaterThan(
                ValueTuple.Create(s.TownshipCode, s.Urgency, s.DueDate, s.PregnancyId),
                ValueTuple.Create(after.TownshipCode, after.Urgency, after.DueDate, after.PregnancyId)));
        }

        var ordered = spells.OrderBy(s => s.TownshipCode).ThenBy(s => s.Urgency).ThenBy(s => s.DueDate).ThenBy(s => s.PregnancyId);
        var page = limit is { } n ? ordered.Take(n) : ordered;

        // The women's names and mobiles come from their records; the spells are already limited to the reader's scope. A pending
        // transfer is read in the same statement (few transfers wait at a time); the last reminders by the page's ids, as a
        // subquery for each row would rank every queued reminder of the province (measured: +1.5 ms of PostgreSQL per page).
        var waiting = Transfers.PendingTransfers.Waiting(db.Transfers);   // the query ignores the scope filters (its join below)
        var found = await page
            .Join(db.Pregnancies.IgnoreQueryFilters(), s => s.PregnancyId, p => p.Id,
                (s, p) => new { Spell = s, p.Woman.FullNameMasked, p.Woman.MobileCipher, p.Woman.MobileMasked, Moving = waiting.Contains(s.PregnancyId) })
            .OrderBy(x => x.Spell.TownshipCode).ThenBy(x => x.Spell.Urgency).ThenBy(x => x.Spell.DueDate).ThenBy(x => x.Spell.PregnancyId)
            .ToListAsync(ct);
        var codes = found.SelectMany(x => new[] { x.Spell.TownshipCode, x.Spell.VillageCode }).Distinct().ToList();
        var names = await divisions.OfAsync(db, codes, ct);
        var reminded = await Reminders.LastReminders.OfAsync(db, found.Select(x => x.Spell.PregnancyId).ToList(), date, ct);
        var rows = new List<Entry>(found.Count);
        var (township, rank) = (after?.TownshipCode, after?.Rank ?? 0);
        foreach (var x in found)
        {
            var s = x.Spell;
            rank = s.TownshipCode == township ? rank + 1 : 1;
            township = s.TownshipCode;
            rows.Add(new Entry(
                new OverdueRow(
                    rank, s.PregnancyId, s.TownshipCode, names.GetValueOrDefault(s.TownshipCode), s.VillageCode, names.GetValueOrDefault(s.VillageCode),
                    x.FullNameMasked, fullMobile ? personalData.Unprotect(x.MobileCipher) : x.MobileMasked, s.Colour.ToApiName(), s.Purple,
                    Math.Max(0, (date.DayNumber - s.Lmp.DayNumber) / 7), s.DueDate, s.DueKind, Math.Max(0, date.DayNumber - s.DueDate.DayNumber), s.State,
                    s.LastContactDate, s.FailedAttempts, s.HealthWorker, s.DeliveredOn is { } born ? Math.Max(0, date.DayNumber - born.DayNumber) : null,
                    x.Moving, reminded.GetValueOrDefault(s.PregnancyId)),
                s.Urgency));
        }

        return rows;
    }

    /// <summary>A line per township of the list: its counts in the list's order, so that they add up to its total (purple counts the purple women who are not red or orange).</summary>
    public async Task<List<GetOverdueList.TownshipLine>> TownshipsAsync(IQueryable<OverdueSpell> spells, CancellationToken ct)
    {
        var lines = await spells.GroupBy(s => s.TownshipCode).Select(g => new
        {
            Code = g.Key,
            Red = g.Count(s => s.Urgency == 0),
            Orange = g.Count(s => s.Urgency == 1),
            Purple = g.Count(s => s.Urgency == 2),
            Yellow = g.Count(s => s.Urgency == 3),
            Green = g.Count(s => s.Urgency == 4),
            Lost = g.Count(s => s.State == FollowUps.FollowUpState.Lost),
            Total = g.Count(),
        }).OrderBy(l => l.Code).ToListAsync(ct);
        var codes = lines.ConvertAll(l => l.Code);
        var names = await divisions.OfAsync(db, codes, ct);
        return lines.ConvertAll(l => new GetOverdueList.TownshipLine(
            l.Code, names.GetValueOrDefault(l.Code), new GetOverdueList.Counts(l.Red, l.Orange, l.Purple, l.Yellow, l.Green, l.Lost, l.Total)));
    }

    /// <summary>The codes under a digit prefix as a half-open range: 430302 → [430302, 430303); 4399 → [4399, 44); 99 → [99, ∞).</summary>
    public static (string From, string? To) CodeRange(string prefix)
    {
        var digits = prefix.ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] < '9')
            {
                digits[i]++;
                return (prefix, new string(digits, 0, i + 1));
            }
        }

        return (prefix, null);
    }
}
