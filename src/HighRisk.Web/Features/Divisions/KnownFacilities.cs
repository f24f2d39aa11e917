using HighRisk.Infrastructure.Data;

namespace HighRisk.Features.Divisions;

/// <summary>
/// The one check that a facility code names a facility, for every validator that takes one: a facility is known when it
/// has a name, read through <see cref="FacilityNames"/>, which holds them in memory (facilities come from seeds/, upserted
/// by code and never deleted), so an exam no longer queries for its facility (issue 21). A code not held yet is looked up,
/// so a facility that another instance's seeding added is known at its first use.
/// </summary>
public sealed class KnownFacilities(FacilityNames names)
{
    public async Task<bool> ExistsAsync(HighRiskDb db, string? code, CancellationToken ct) =>
        code is not null && (names.Holds(code) || (await names.OfAsync(db, [code], ct)).ContainsKey(code));

    /// <summary>The check as a FluentValidation predicate: <c>.MustAsync(facilities.Exist(db))</c>.</summary>
    public Func<string?, CancellationToken, Task<bool>> Exist(HighRiskDb db) => (code, ct) => ExistsAsync(db, code, ct);
}
