namespace HighRisk.Features.Cases;

/// <summary>
/// 市县专家分片包干: the county or city MCH staff member responsible for the cases of an area (a division-code prefix).
/// A new case takes the manager of the longest prefix of her division; administrators keep the table.
/// </summary>
public sealed class CaseArea
{
    public required string DivisionPrefix { get; init; }

    public Guid ManagerId { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
