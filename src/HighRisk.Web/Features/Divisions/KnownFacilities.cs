using System.Collections.Concurrent;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Divisions;

/// <summary>
/// The one check that a facility code names a facility, for every validator that takes one. Facilities come from
/// seeds/ (<see cref="ReferenceDataSeeder"/>: upserted by code, never deleted), so a code found once stays valid and is
/// held in memory: an exam no longer queries for its facility (issue 21). A code not held yet is looked up, so a facility
/// that another instance's seeding added is known at its first use.
/// </summary>
public sealed class KnownFacilities
{
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(HighRiskDb db, string? code, CancellationToken ct)
    {
        if (code is null)
        {
            return false;
        }

        if (_known.ContainsKey(code))
        {
            return true;
        }

        if (!await db.Facilities.AnyAsync(f => f.Code == code, ct))
        {
            return false;
        }

        _known.TryAdd(code, 0);
        return true;
    }

    /// <summary>The check as a FluentValidation predicate: <c>.MustAsync(facilities.Exist(db))</c>.</summary>
    public Func<string?, CancellationToken, Task<bool>> Exist(HighRiskDb db) => (code, ct) => ExistsAsync(db, code, ct);
}
