using System.Collections.Concurrent;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Divisions;

/// <summary>
/// Where the lists, boards, digests and views get the names of the divisions beside their codes (townships, villages).
/// Divisions come from seeds/ (<see cref="ReferenceDataSeeder"/>: upserted by code at start-up, never deleted), so a name
/// read once is held in memory and a list no longer queries for its names (issue 21); only codes not held yet are read,
/// in one query, so a division that another instance's seeding added is named at its first use. A division renamed in
/// seeds/ reaches a running instance at its next start, which is when its seeding runs. Memory grows with the codes
/// shown: at most Hunan's ~30,000 divisions.
/// </summary>
public sealed class DivisionNames
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Code → name for the codes that name a division (unknown codes are left out).</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(HighRiskDb db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (code is not null && !names.ContainsKey(code))
            {
                if (_names.TryGetValue(code, out var name))
                {
                    names[code] = name;
                }
                else
                {
                    missing.Add(code);
                }
            }
        }

        if (missing.Count > 0)
        {
            foreach (var division in await db.Divisions.AsNoTracking().Where(d => missing.Contains(d.Code)).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            {
                _names[division.Code] = division.Name;
                names[division.Code] = division.Name;
            }
        }

        return names;
    }
}
