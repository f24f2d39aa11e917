namespace HighRisk.Features.Pregnancies;

/// <summary>The person (孕产妇); each booking opens a <see cref="Pregnancy"/> of hers.</summary>
public sealed class Woman
{
    public Guid Id { get; init; }

    public required string FullName { get; set; }

    /// <summary>18-character resident ID number, upper-case X.</summary>
    public required string ResidentId { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>Mainland mobile number, 11 digits, without +86.</summary>
    public required string Mobile { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
