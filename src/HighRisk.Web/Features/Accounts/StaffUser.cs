using Microsoft.AspNetCore.Identity;

namespace HighRisk.Features.Accounts;

public enum StaffRole
{
    /// <summary>Records exams at a facility; sees the facility's division and the women booked there.</summary>
    HealthWorker,

    /// <summary>街道/乡镇妇幼专干: one township or sub-district (9-digit code).</summary>
    SubdistrictStaff,

    /// <summary>County (district, county-level city) MCH institution staff (6-digit code).</summary>
    CountyStaff,

    /// <summary>City MCH institution staff (4-digit code).</summary>
    CityStaff,

    /// <summary>Manages users and scopes; sees everything, masked.</summary>
    Administrator,
}

/// <summary>A person who signs in to HighRisk, with the role and the division they answer for.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public StaffRole Role { get; set; }

    /// <summary>The division-code prefix the user may see: city 4, county 6, township 9 digits; empty for administrators.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>The health worker's facility; women booked there are visible even when they live elsewhere.</summary>
    public string? FacilityCode { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
