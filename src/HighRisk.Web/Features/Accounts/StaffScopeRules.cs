using FluentValidation;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Accounts;

/// <summary>Which division a role answers for: township staff a 9-digit code, county 6, city 4; health workers a facility.</summary>
public static class StaffScopeRules
{
    public static int? DivisionLength(StaffRole role) => role switch
    {
        StaffRole.SubdistrictStaff => 9,
        StaffRole.CountyStaff => 6,
        StaffRole.CityStaff => 4,
        _ => null,
    };

    /// <summary>The rules shared by creating and changing an account: name, role, contact details and scope.</summary>
    public static void AddAccountRules<T>(
        this AbstractValidator<T> validator, Func<T, string?> displayName, Func<T, StaffRole?> role, Func<T, string?> division, Func<T, string?> facility,
        Func<T, string?> mobile, Func<T, string?> email, HighRiskDb db, KnownFacilities facilities)
    {
        validator.RuleFor(x => displayName(x)).NotEmpty().MaximumLength(50).OverridePropertyName("displayName");
        validator.RuleFor(x => role(x)).NotNull().IsInEnum().OverridePropertyName("role");
        validator.RuleFor(x => mobile(x)).Must(m => MobileNumber.Normalize(m) is not null).When(x => mobile(x) is not null)
            .WithError(Messages.StaffMobileNotMainland).OverridePropertyName("mobile");
        validator.RuleFor(x => email(x)).EmailAddress().MaximumLength(200).OverridePropertyName("email");
        // Bounded whatever the role (an administrator's or a health worker's division is not used, but it is still input).
        validator.RuleFor(x => division(x)).MaximumLength(12).OverridePropertyName("divisionCode");
        validator.RuleFor(x => facility(x)).MaximumLength(32).OverridePropertyName("facilityCode");
        validator.RuleFor(x => division(x)).Must((x, code) => code is not null && code.Length == DivisionLength(role(x)!.Value) && code.All(char.IsAsciiDigit))
            .WithError(Messages.StaffDivisionLength, x => [("Role", role(x)), ("Digits", DivisionLength(role(x)!.Value))])
            .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.DivisionUnknown)
            .When(x => role(x) is { } r && DivisionLength(r) is not null)
            .OverridePropertyName("divisionCode");
        validator.RuleFor(x => facility(x)).NotEmpty().WithError(Messages.StaffFacilityRequired)
            .When(x => role(x) == StaffRole.HealthWorker)
            .OverridePropertyName("facilityCode");
        // Other staff may be tied to a facility too: its referral inbox is theirs (a county MCH account at its hospital).
        validator.RuleFor(x => facility(x)).MustAsync(facilities.Exist(db)).WithError(Messages.StaffFacilityUnknown)
            .When(x => !string.IsNullOrEmpty(facility(x)) && role(x) is not StaffRole.Administrator)
            .OverridePropertyName("facilityCode");
    }

    /// <summary>The facility stored for the user: a health worker's, or another clinical role's referral inbox; none for administrators.</summary>
    public static string? FacilityOf(StaffRole role, string? facility) => role == StaffRole.Administrator || string.IsNullOrEmpty(facility) ? null : facility;

    /// <summary>The division prefix stored for the user: a health worker takes her facility's division.</summary>
    public static async Task<string> ScopeOfAsync(HighRiskDb db, StaffRole role, string? division, string? facility, CancellationToken ct) => role switch
    {
        StaffRole.Administrator => string.Empty,
        StaffRole.HealthWorker => await db.Facilities.Where(f => f.Code == facility).Select(f => f.DivisionCode).SingleAsync(ct),
        _ => division!,
    };
}
