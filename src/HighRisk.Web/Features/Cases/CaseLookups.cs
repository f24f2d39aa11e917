using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>What a case needs to know from elsewhere: the manager of her area, and the facts of the places planned for her.</summary>
public sealed class CaseLookups(HighRiskDb db)
{
    /// <summary>The manager of the longest area prefix of the division whose account is active; null when no area covers it.</summary>
    public async Task<Guid?> ManagerForAsync(string divisionCode, CancellationToken ct)
    {
        var prefixes = Enumerable.Range(2, divisionCode.Length - 1).Select(l => divisionCode[..l]).ToList();
        return await db.CaseAreas.AsNoTracking()
            .Where(a => prefixes.Contains(a.DivisionPrefix))
            .Where(a => db.Users.Any(u => u.Id == a.ManagerId && !u.Disabled && (u.Role == StaffRole.CountyStaff || u.Role == StaffRole.CityStaff)))
            .OrderByDescending(a => a.DivisionPrefix.Length)
            .Select(a => (Guid?)a.ManagerId)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Whether the account may manage a case in this division (<see cref="ManagersOf"/>).</summary>
    public Task<bool> CanManageAsync(Guid userId, string divisionCode, CancellationToken ct) =>
        ManagersOf(divisionCode).AnyAsync(u => u.Id == userId, ct);

    /// <summary>Who may manage a case in this division: active county or city MCH staff whose area holds it.</summary>
    public IQueryable<StaffUser> ManagersOf(string divisionCode) =>
        db.Users.AsNoTracking().Where(u => !u.Disabled && (u.Role == StaffRole.CountyStaff || u.Role == StaffRole.CityStaff) && divisionCode.StartsWith(u.DivisionCode));

    public async Task<PlannedPlaces> PlacesOfAsync(string? care, string? delivery, string? assessment, CancellationToken ct)
    {
        var facts = await FactsAsync([care, delivery, assessment], ct);
        return new PlannedPlaces(facts.GetValueOrDefault(care ?? ""), facts.GetValueOrDefault(delivery ?? ""), facts.GetValueOrDefault(assessment ?? ""));
    }

    public Task<PlannedPlaces> PlacesOfAsync(Case c, CancellationToken ct) =>
        c.PlanCount == 0 ? Task.FromResult(PlannedPlaces.None) : PlacesOfAsync(c.CareFacilityCode, c.DeliveryFacilityCode, c.AssessmentFacilityCode, ct);

    public async Task<Dictionary<string, FacilityFacts>> FactsAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Facilities.AsNoTracking().Where(f => wanted.Contains(f.Code))
                .Select(f => new FacilityFacts(f.Code, f.Name, f.Level, f.CriticalCareCentre, f.Midwifery))
                .ToDictionaryAsync(f => f.Code, ct);
    }
}
