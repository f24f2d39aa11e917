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

    /// <summary>
    /// Hospital grade: 1 = 一级, 2 = 二级, 3 = 三级 (甲/乙 not kept). Ungraded primary care (most 乡镇卫生院) counts as 1.
    /// The colour rules refer to it: yellow and above to 二级 or higher; orange and red to deliver at 三级 where possible.
    /// </summary>
    public int Level { get; set; }

    /// <summary>助产机构: licensed for midwifery.</summary>
    public bool Midwifery { get; set; }

    /// <summary>危重孕产妇救治中心 at county level or above.</summary>
    public bool CriticalCareCentre { get; set; }

    /// <summary>Not confirmed by a public source: a plausible stand-in that completes the network (see seeds/README.md).</summary>
    public bool Synthetic { get; set; }
}
