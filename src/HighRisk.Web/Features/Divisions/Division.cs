namespace HighRisk.Features.Divisions;

public enum DivisionLevel
{
    Province,
    City,
    County,
    Township,
    Village,
}

/// <summary>
/// A statistical administrative division (统计用区划代码): 2-digit province, 4 city, 6 county, 9 township or
/// sub-district, 12 village or residents' committee. Synthetic entries (demo villages) are marked as such.
/// </summary>
public sealed class Division
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required DivisionLevel Level { get; set; }

    public string? ParentCode { get; set; }

    public bool Synthetic { get; set; }

    public int Edition { get; set; }

    /// <summary>The 9-digit township or sub-district a 9- or 12-digit residence code belongs to.</summary>
    public static string TownshipOf(string residenceCode) => residenceCode[..9];
}
