using System.Linq.Expressions;
using HighRisk.Features.Accounts;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// Deciding a transfer starts here: the transfer must be visible to the user (404 otherwise) and the user on the side that
/// decides — the receiving area for a transfer out, the holding area for a request (403 otherwise). Her pregnancy is then
/// locked whatever the user's area (the receiving side does not see her yet; the decider was checked on the transfer), and
/// the transfer after it, the order every command takes.
/// </summary>
public static class TransferLock
{
    public static async Task<(Transfer Transfer, Pregnancy Pregnancy)> LockTransferAsync(this HighRiskDb db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var seen = await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("No such transfer.");
        if (!Decider(user)(seen))
        {
            throw new ForbiddenException(Messages.TransferNotDecider);
        }

        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM pregnancies WHERE id = {seen.PregnancyId} FOR UPDATE", ct);
        var pregnancy = await db.Pregnancies.IgnoreQueryFilters().SingleAsync(p => p.Id == seen.PregnancyId, ct);
        var transfer = await db.Transfers.FromSql($"SELECT * FROM transfers WHERE id = {id} FOR UPDATE").IgnoreQueryFilters().SingleAsync(ct);
        return (transfer, pregnancy);
    }

    /// <summary>
    /// Who answers a transfer, written once for SQL and for C#: the receiving area a transfer out, the holding area (whoever
    /// sees her record there) a request; an administrator either.
    /// </summary>
    public static Expression<Func<Transfer, bool>> DecidedBy(CurrentUser user)
    {
        if (user.DivisionPrefix is not { } prefix)
        {
            return t => true;
        }

        var own = user.FacilityCode;
        return t => t.Kind == TransferKind.Out
            ? t.ToDivisionCode.StartsWith(prefix)
            : t.FromDivisionCode.StartsWith(prefix) || (own != null && t.FromFacilityCode == own);
    }

    /// <summary>Whether the user is on the side that answers this transfer (<see cref="DecidedBy"/>).</summary>
    public static Func<Transfer, bool> Decider(CurrentUser user) => DecidedBy(user).Compile();
}
