namespace HighRisk.Features.Divisions;

public enum FacilityKind
{
    /// <summary>妇幼保健院/所/中心 (city or county maternal and child health institution).</summary>
    Mch,

    /// <summary>乡镇卫生院.</summary>
    TownshipHealthCentre,

    /// <summary>社区卫生服务中心.</summary>
    CommunityHealthCentre,

    /// <summary>综合医院 and other hospitals.</summary>
    Hospital,
}

/// <summary>A health facility that books women, examines them or supervises their care.</summary>
public sealed class Facility
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required FacilityKind Kind { get; set; }

    /// <summary>The division the facility serves: a city, county or township code.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>助产机构: licensed for midwifery.</summary>
    public bool Midwifery { get; set; }

    /// <summary>危重孕产妇救治中心 at county level or above.</summary>
    public bool CriticalCareCentre { get; set; }
}
