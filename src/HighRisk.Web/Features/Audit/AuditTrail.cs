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
            INSERT INTO audit_events (at, user_name, role, action, entity, entity_id, remote_address, detail)
            VALUES ({clock.Now}, {userName ?? user.Name}, {user.Role?.ToString()}, {entry.Action.ToString()}, {entry.Entity}, {entry.EntityId}, {user.RemoteAddress}, {entry.Detail})
            """, ct);
}
