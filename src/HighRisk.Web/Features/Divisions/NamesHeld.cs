using System.Collections.Concurrent;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Divisions;

/// <summary>
/// Names of reference data beside their codes, held in memory (issue 21): divisions and facilities come from seeds/
/// (<see cref="ReferenceDataSeeder"/>: upserted by code at start-up, never deleted), so a name read once stays valid and a
/// list no longer queries for its names. Only codes not held yet are read, in one query, so a code that another instance's
/// seeding added is named at its first use; a name changed in seeds/ reaches a running instance at its next start, which
/// is when its seeding runs. Memory grows with the codes shown: at most Hunan's ~30,000 divisions and its facilities.
/// </summary>
public abstract class NamesHeld
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>A code and its name, as <see cref="Read"/> projects them.</summary>
    protected sealed class CodeName
    {
        public required string Code { get; init; }

        public required string Name { get; init; }
    }

    /// <summary>The rows among <paramref name="codes"/> that this kind of reference data has.</summary>
    protected abstract IQueryable<CodeName> Read(HighRiskDb db, IReadOnlyCollection<string> codes);

    /// <summary>Whether the code's name is held already (no query, no allocation: the validators' hot path).</summary>
    public bool Holds(string code) => _names.ContainsKey(code);

    /// <summary>Code → name for the codes that name one (unknown codes are left out).</summary>
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
            foreach (var row in await Read(db, missing).AsNoTracking().ToListAsync(ct))
            {
                _names[row.Code] = row.Name;
                names[row.Code] = row.Name;
            }
        }

        return names;
    }
}

/// <summary>Where the lists, boards, digests and views get the names of the divisions beside their codes (townships, villages).</summary>
public sealed class DivisionNames : NamesHeld
{
    protected override IQueryable<CodeName> Read(HighRiskDb db, IReadOnlyCollection<string> codes) =>
        db.Divisions.Where(d => codes.Contains(d.Code)).Select(d => new CodeName { Code = d.Code, Name = d.Name });
}

/// <summary>Where the referral views get the names of the facilities beside their codes.</summary>
public sealed class FacilityNames : NamesHeld
{
    protected override IQueryable<CodeName> Read(HighRiskDb db, IReadOnlyCollection<string> codes) =>
        db.Facilities.Where(f => codes.Contains(f.Code)).Select(f => new CodeName { Code = f.Code, Name = f.Name });
}
