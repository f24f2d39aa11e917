using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Audit;

/// <summary>Writes audit events for the current user through the request's unit of work.</summary>
public sealed class AuditTrail(HighRiskDb db, CurrentUser user, BusinessClock clock)
{
    /// <summary>
    /// One INSERT in the request's connection (and so its transaction): not through the change tracker, which would
    /// scan the whole unit of work a second time and add a savepoint pair to every request.
    /// </summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct, string? userName = null) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (at, user_name, role, action, entity, entity_id, remote_address, detail, referral_id)
            VALUES ({clock.Now}, {Cut(userName ?? user.Name, 64)}, {user.Role?.ToString()}, {entry.Action.ToString()}, {Cut(entry.Entity, 64)}, {Cut(entry.EntityId, 64)},
                    {Cut(user.RemoteAddress, 64)}, {Cut(entry.Detail, 500)}, {user.ReferredPregnancy?.ReferralId})
            """, ct);

    /// <summary>What a request copies into the audit line (a filter, a name) is cut to the column, never a reason to fail the request.</summary>
    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..(length - 1)] + "…";
}
