using HighRisk.Features.Accounts;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>Which side of a referral may do something: the facility it was sent to, or the side that sent her.</summary>
public enum ReferralSide
{
    Receiving,
    Sending,
}

/// <summary>
/// Every command on a referral starts here: the referral must be visible to the user (sending side or receiving facility;
/// otherwise 404) and the user on the side the action belongs to (otherwise 403). Her pregnancy is locked first, then the
/// referral — the order every command takes — so two answers at once are serialised.
/// </summary>
public static class ReferralLock
{
    public static async Task<(Referral Referral, Pregnancy Pregnancy)> LockReferralAsync(
        this HighRiskDb db, ReferralAccess access, CurrentUser user, Guid id, ReferralSide side, CancellationToken ct)
    {
        var seen = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("No such referral.");
        var allowed = side == ReferralSide.Receiving
            ? user.ReferralFacility == seen.ToFacilityCode
            : user.CanSee(seen.DivisionCode, seen.FacilityCode);
        if (!allowed)
        {
            throw new ForbiddenException(side == ReferralSide.Receiving ? Messages.ReferralNotReceiver : Messages.ReferralNotSender);
        }

        access.Allow(seen);
        var pregnancy = await db.LockPregnancyAsync(seen.PregnancyId, withExams: false, ct);
        var referral = await db.Referrals.FromSql($"SELECT * FROM referrals WHERE id = {id} FOR UPDATE").IgnoreQueryFilters().SingleAsync(ct);
        return (referral, pregnancy);
    }

    /// <summary>The earliest outcome still due among her other open referrals (null: none), once this one has settled.</summary>
    public static Task<DateOnly?> EarliestOtherOpenOutcomeAsync(this HighRiskDb db, Referral settled, CancellationToken ct) =>
        db.EarliestOpenOutcomeAsync(settled.PregnancyId, settled.Id, ct);

    /// <summary>The earliest outcome still due among her open referrals (but one), which her follow-up schedule counts.</summary>
    public static Task<DateOnly?> EarliestOpenOutcomeAsync(this HighRiskDb db, Guid pregnancyId, Guid? except, CancellationToken ct) =>
        db.Referrals.IgnoreQueryFilters()
            .Where(r => r.PregnancyId == pregnancyId && r.Id != except
                && (r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Arrived))
            .MinAsync(r => (DateOnly?)r.OutcomeDue, ct);
}
