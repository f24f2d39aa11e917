using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// Every command on a case starts here: only county and city MCH staff manage cases (others: 403); the row is locked
/// for the rest of the transaction and loaded through the area filter (outside it: 404).
/// </summary>
public static class CaseLock
{
    public static async Task<Case> LockCaseAsync(this HighRiskDb db, Guid id, CurrentUser user, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cases WHERE id = {id} FOR UPDATE", ct);
        var found = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("No such case.");
        if (!user.IsSystem && user.Role is not (StaffRole.CountyStaff or StaffRole.CityStaff))
        {
            throw new ForbiddenException(Messages.CaseActionRole);
        }

        return found;
    }

    /// <summary>
    /// The case of a pregnancy whose command holds the pregnancy's lock (an exam, a close): locked too, so that a county
    /// command on the case at the same moment (a plan, a review) is serialised with it, not overwritten. Null: no case.
    /// </summary>
    public static async Task<Case?> LockCaseOfAsync(this HighRiskDb db, Guid pregnancyId, CancellationToken ct) =>
        await db.Cases.FromSql($"SELECT * FROM cases WHERE pregnancy_id = {pregnancyId} FOR UPDATE").IgnoreQueryFilters().SingleOrDefaultAsync(ct);
}
