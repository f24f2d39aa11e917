using System.Collections.Concurrent;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Accounts;

/// <summary>
/// The accounts of signed-in users as last read, kept for <see cref="Lifetime"/>, so that a request need not read its
/// account before its own work (issue 21: a round trip of every signed-in request). Only enabled accounts are kept; an
/// unknown or disabled one is read on every request. A change (<see cref="UpdateUser"/>) forgets the account on this
/// instance at once and keeps it from being kept again for a lifetime, which outlasts the change's transaction, so a
/// request never keeps what it read before the commit; another instance of the service sees the change within
/// <see cref="Lifetime"/>. The kept accounts are shared between requests: nobody may change them.
/// </summary>
public sealed class SignedInAccounts(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, (StaffUser Account, DateTimeOffset ReadAt)> _kept = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _changedAt = new();

    /// <summary>The enabled account with this id, or null; read from the database unless kept.</summary>
    public async Task<StaffUser?> FindAsync(HighRiskDb db, Guid id, bool fresh, CancellationToken ct)
    {
        var readAt = time.GetUtcNow();
        if (!fresh && _kept.TryGetValue(id, out var kept) && readAt - kept.ReadAt < Lifetime)
        {
            return kept.Account;
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && !u.Disabled, ct);
        if (account is null || (_changedAt.TryGetValue(id, out var changedAt) && readAt - changedAt < Lifetime))
        {
            _kept.TryRemove(id, out _);
        }
        else
        {
            _kept[id] = (account, readAt);
            if (_changedAt.TryGetValue(id, out changedAt) && changedAt >= readAt)
            {
                _kept.TryRemove(id, out _);   // changed while this was read
            }
        }

        return account;
    }

    /// <summary>The account changes (scope, role, disabled, name): the next request reads it again.</summary>
    public void Forget(Guid id)
    {
        _changedAt[id] = time.GetUtcNow();
        _kept.TryRemove(id, out _);
    }
}
