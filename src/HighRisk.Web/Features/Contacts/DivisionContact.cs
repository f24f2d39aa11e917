namespace HighRisk.Features.Contacts;

public enum ContactRole
{
    /// <summary>街道/乡镇妇幼专干: receives the daily overdue list and red alerts for the township.</summary>
    SubdistrictStaff,

    /// <summary>County MCH institution's on-duty number: red alerts and escalations.</summary>
    CountyOnDuty,

    /// <summary>City MCH institution: escalations of unacknowledged red alerts.</summary>
    CityMch,

    /// <summary>A facility's on-duty number for referrals (转诊值班): emergencies sent to it and late answers.</summary>
    FacilityOnDuty,
}

/// <summary>
/// Who is told what for a division: the people the daily overdue list and red alerts go to. Alerts take each role
/// from the nearest configured level of the division tree (village → township → county → city).
/// </summary>
public sealed class DivisionContact
{
    public Guid Id { get; init; }

    public required string DivisionCode { get; set; }

    public ContactRole Role { get; set; }

    public required string Name { get; set; }

    /// <summary>The facility a <see cref="ContactRole.FacilityOnDuty"/> contact answers for (its division is the facility's).</summary>
    public string? FacilityCode { get; set; }

    /// <summary>11-digit mainland mobile number for SMS.</summary>
    public string? Mobile { get; set; }

    /// <summary>Receives the daily overdue list as an .xlsx attachment.</summary>
    public string? Email { get; set; }

    public bool Synthetic { get; set; }
}
