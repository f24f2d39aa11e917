namespace HighRisk.Features.Consultations;

/// <summary>
/// 市县专家: the city or county MCH experts of one specialty who answer consultations about the women of a division (a
/// 4-digit city or 6-digit county code). Administrators keep the pools; every member is an enabled account whose own
/// area holds the pool's division, so she sees the women it answers for through the normal area filter.
/// </summary>
public sealed class ExpertPool
{
    public Guid Id { get; init; }

    public string Name { get; private set; } = string.Empty;

    public Specialty Specialty { get; private set; }

    /// <summary>The city (4 digits) or county (6 digits) whose women the pool answers for.</summary>
    public string DivisionCode { get; private set; } = string.Empty;

    /// <summary>The staff accounts of the pool's experts.</summary>
    public IReadOnlyList<Guid> MemberIds { get; private set; } = [];

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A city pool's late consultations go to the city MCH institution, a county pool's to the county on-duty contact.</summary>
    public bool IsCityPool => DivisionCode.Length == 4;

    /// <summary>Sets the pool as the administrator gave it (the members were checked against the division by the validator).</summary>
    public void Set(string name, Specialty specialty, string divisionCode, IEnumerable<Guid> memberIds, string by, DateTimeOffset now)
    {
        Name = name;
        Specialty = specialty;
        DivisionCode = divisionCode;
        MemberIds = [.. memberIds.Distinct()];
        UpdatedBy = by;
        UpdatedAt = now;
    }

    public bool HasMember(Guid userId) => MemberIds.Contains(userId);

    /// <summary>Whether the pool answers for a woman living in this division.</summary>
    public bool Covers(string divisionCode) => divisionCode.StartsWith(DivisionCode, StringComparison.Ordinal);
}
