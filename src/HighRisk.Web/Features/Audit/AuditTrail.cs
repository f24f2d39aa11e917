using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;

namespace HighRisk.Features.Audit;

/// <summary>Writes audit events for the current user through the request's unit of work.</summary>
public sealed class AuditTrail(HighRiskDb db, CurrentUser user, BusinessClock clock)
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct, string? userName = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.Now,
            UserName = userName ?? user.Name,
            Role = user.Role?.ToString(),
            Action = entry.Action,
            Entity = entry.Entity,
            EntityId = entry.EntityId,
            RemoteAddress = user.RemoteAddress,
            Detail = entry.Detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
