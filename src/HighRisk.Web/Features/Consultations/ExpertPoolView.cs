using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>A pool as administrators see it: its division by name and each member's account as it stands now.</summary>
public sealed record ExpertPoolView(
    Guid Id, string Name, Specialty Specialty, string DivisionCode, string? DivisionName, IReadOnlyList<ExpertPoolView.Member> Members, string UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    /// <param name="Disabled">Disabled since it joined: it takes and answers nothing until enabled again.</param>
    public sealed record Member(Guid Id, string DisplayName, StaffRole Role, string DivisionCode, bool Disabled);

    public static async Task<IReadOnlyList<ExpertPoolView>> ShapeAsync(HighRiskDb db, Divisions.DivisionNames divisions, IReadOnlyList<ExpertPool> pools, CancellationToken ct)
    {
        var memberIds = pools.SelectMany(p => p.MemberIds).Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new Member(u.Id, u.DisplayName, u.Role, u.DivisionCode, u.Disabled), ct);
        var codes = pools.Select(p => p.DivisionCode).Distinct().ToList();
        var names = await divisions.OfAsync(db, codes, ct);
        return [.. pools.Select(p => new ExpertPoolView(
            p.Id, p.Name, p.Specialty, p.DivisionCode, names.GetValueOrDefault(p.DivisionCode), [.. p.MemberIds.Where(members.ContainsKey).Select(id => members[id])],
            p.UpdatedBy, p.UpdatedAt))];
    }
}
