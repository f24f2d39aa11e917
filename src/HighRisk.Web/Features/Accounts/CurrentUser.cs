using System.Security.Claims;
using HighRisk.Infrastructure.Data;

namespace HighRisk.Features.Accounts;

/// <summary>
/// Who is acting, and what they may see: the account the token names, as the database holds it (not as the token
/// carries it), kept for a few seconds between requests by <see cref="SignedInAccounts"/>, which forgets it when it
/// changes, so that a changed scope or a disabled account takes effect at once. Background jobs act as the system,
/// unrestricted.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, SignedInAccounts accounts)
{
    private StaffUser? _user;
    private bool _loaded;

    /// <summary>True outside an HTTP request: jobs, start-up, seeding.</summary>
    public bool IsSystem => http.HttpContext is null;

    public StaffUser? User => _user;

    public string Name => _user?.UserName ?? (IsSystem ? "system" : "anonymous");

    public StaffRole? Role => _user?.Role;

    public bool IsAdministrator => _user?.Role == StaffRole.Administrator;

    /// <summary>Division-code prefix the user's records must fall under; null when unrestricted.</summary>
    public string? DivisionPrefix => IsSystem || IsAdministrator ? null : _user?.DivisionCode ?? "-";

    public string? FacilityCode => _user?.Role == StaffRole.HealthWorker ? _user.FacilityCode : null;

    /// <summary>The facility whose referral inbox the user works (any role may be tied to a facility).</summary>
    public string? ReferralFacility => _user?.FacilityCode;

    /// <summary>
    /// A pregnancy outside the user's area that this request may read or add to because it was referred to the user's
    /// facility (<see cref="Features.Referrals.ReferralAccess"/>), and the referral that allows it: the audit line names it.
    /// </summary>
    public (Guid PregnancyId, Guid ReferralId)? ReferredPregnancy { get; private set; }

    public void AllowReferred(Guid pregnancyId, Guid referralId) => ReferredPregnancy = (pregnancyId, referralId);

    /// <summary>Health workers and township staff phone the women: they see mobile numbers in full.</summary>
    public bool SeesFullContact => IsSystem || _user?.Role is StaffRole.HealthWorker or StaffRole.SubdistrictStaff;

    public string? RemoteAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Loads the signed-in user once per request; null when anonymous, unknown or disabled.</summary>
    public async Task<StaffUser?> LoadAsync(HighRiskDb db, CancellationToken ct)
    {
        if (_loaded)
        {
            return _user;
        }

        _loaded = true;
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Guid.TryParse(id, out var userId))
        {
            // While the database is known to be out, the account is read from it as every request's first statement,
            // so that the first request that reaches it again ends the outage (DatabaseOutage).
            var outage = http.HttpContext?.RequestServices.GetService<DatabaseOutage>();
            _user = await accounts.FindAsync(db, userId, fresh: outage?.IsDown == true, ct);
            outage?.Reached();
        }

        return _user;
    }

    public bool CanSee(string divisionCode, string facilityCode) =>
        DivisionPrefix is null || divisionCode.StartsWith(DivisionPrefix, StringComparison.Ordinal) || facilityCode == FacilityCode;
}
