using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>A request that the staff of a facility a woman was referred to may make about her, even outside their area: her record, an exam.</summary>
public interface IReachableByReferral
{
    Guid ReferredPregnancyId { get; }
}

/// <summary>
/// The receiving facility's window on her record: while a referral to it is open, and for the policy's days after it
/// completes, its staff read her record and record exams for her. The window is looked up per request, so it closes by
/// itself; every such read and write carries the referral's id into the audit trail.
/// </summary>
public sealed class ReferralAccess(HighRiskDb db, CurrentUser user, BusinessClock clock)
{
    /// <returns>True when a referral to the user's facility lets this request reach the pregnancy.</returns>
    public async Task<bool> AllowAsync(Guid pregnancyId, CancellationToken ct)
    {
        if (user.ReferralFacility is not { } facility)
        {
            return false;
        }

        var now = clock.Now;
        var referrals = await db.Referrals.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.PregnancyId == pregnancyId && r.ToFacilityCode == facility && r.Status != ReferralStatus.Declined && r.Status != ReferralStatus.Cancelled)
            .OrderByDescending(r => r.RequestedAt)
            .ToListAsync(ct);
        if (referrals.FirstOrDefault(r => r.GrantsAccessAt(now)) is not { } referral)
        {
            return false;
        }

        user.AllowReferred(pregnancyId, referral.Id);
        return true;
    }

    /// <summary>Whether this request already goes through a referral to the pregnancy.</summary>
    public bool Allowed(Guid pregnancyId) => user.ReferredPregnancy?.PregnancyId == pregnancyId;

    /// <summary>The receiving side acting on its own referral reaches her record through it.</summary>
    public void Allow(Referral referral) => user.AllowReferred(referral.PregnancyId, referral.Id);
}

/// <summary>
/// Opens the referral window for the requests that may use it (<see cref="IReachableByReferral"/>): when her record is not
/// found through the user's area, a referral to the user's facility may let the request through; it then runs again,
/// in a new transaction, and its audit line names the referral. A user in her area pays nothing for it.
/// </summary>
public sealed class ReferralAccessBehavior<TMessage, TResponse>(ReferralAccess access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IReachableByReferral reachable)
        {
            return await next(message, cancellationToken);
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (NotFoundException) when (!access.Allowed(reachable.ReferredPregnancyId))
        {
            if (!await access.AllowAsync(reachable.ReferredPregnancyId, cancellationToken))
            {
                throw;
            }
        }

        return await next(message, cancellationToken);
    }
}
