using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Audit;

/// <summary>Writes audit events for the current user through the request's unit of work.</summary>
public sealed class AuditTrail(HighRiskDb db, CurrentUser user, BusinessClock clock)
{
    /// <summary>
    /// A command's audit row, added to its unit of work: the command's one save (TransactionBehavior) writes it in the
    /// same statement batch as the change it records (issue 21), and the change tracker is not asked to scan twice.
    /// </summary>
    public void Add(AuditEntry entry) => db.AuditEvents.Add(Row(entry, null));

    /// <summary>
    /// One INSERT in the request's connection (and so its transaction), for what has no save of its own to ride on: a
    /// query's read, a sign-in.
    /// </summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct, string? userName = null)
    {
        var row = Row(entry, userName);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (at, user_name, role, action, entity, entity_id, remote_address, detail, referral_id)
            VALUES ({row.At}, {row.UserName}, {row.Role}, {row.Action.ToString()}, {row.Entity}, {row.EntityId}, {row.RemoteAddress}, {row.Detail}, {row.ReferralId})
            """, ct);
    }

    private AuditEvent Row(AuditEntry entry, string? userName) => new()
    {
        At = clock.Now,
        UserName = Cut(userName ?? user.Name, 64)!,
        Role = user.Role?.ToString(),
        Action = entry.Action,
        Entity = Cut(entry.Entity, 64)!,
        EntityId = Cut(entry.EntityId, 64),
        RemoteAddress = Cut(user.RemoteAddress, 64),
        Detail = Cut(entry.Detail, 500),
        ReferralId = user.ReferredPregnancy?.ReferralId,
    };

    /// <summary>What a request copies into the audit line (a filter, a name) is cut to the column, never a reason to fail the request.</summary>
    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..(length - 1)] + "…";
}
