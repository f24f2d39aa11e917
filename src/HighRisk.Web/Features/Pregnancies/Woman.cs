using HighRisk.Infrastructure.Security;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// The person (孕产妇); each booking opens a <see cref="Pregnancy"/> of hers. Her resident ID and mobile number are
/// stored encrypted, with a keyed hash for look-up and a masked form for lists.
/// </summary>
public sealed class Woman
{
    /// <summary>The ages a pregnant woman is believed to be (docs/observations.md, <c>ageYears</c>): outside them an age is an error.</summary>
    public const int YoungestAge = 10;

    public const int OldestAge = 70;

    public Guid Id { get; init; }

    public required string FullName { get; set; }

    /// <summary>李*梅: the name as the overdue lists, exports and SMS show it.</summary>
    public string FullNameMasked { get; private set; } = string.Empty;

    public void Rename(string fullName)
    {
        FullName = fullName;
        FullNameMasked = PersonalData.MaskName(fullName);
    }

    public required DateOnly BirthDate { get; init; }

    public required string ResidentIdHash { get; init; }

    public required string ResidentIdCipher { get; init; }

    /// <summary>430302********123X.</summary>
    public required string ResidentIdMasked { get; init; }

    public required string MobileHash { get; set; }

    public required string MobileCipher { get; set; }

    /// <summary>138****5678.</summary>
    public required string MobileMasked { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public static Woman Create(Guid id, string fullName, string residentId, DateOnly birthDate, string mobile, PersonalData personalData, DateTimeOffset at) => new()
    {
        Id = id,
        FullName = fullName,
        FullNameMasked = PersonalData.MaskName(fullName),
        BirthDate = birthDate,
        ResidentIdHash = personalData.Hash(residentId),
        ResidentIdCipher = personalData.Protect(residentId),
        ResidentIdMasked = PersonalData.MaskResidentId(residentId),
        MobileHash = personalData.Hash(mobile),
        MobileCipher = personalData.Protect(mobile),
        MobileMasked = PersonalData.MaskMobile(mobile),
        CreatedAt = at,
    };

    public void ChangeMobile(string mobile, PersonalData personalData)
    {
        MobileHash = personalData.Hash(mobile);
        MobileCipher = personalData.Protect(mobile);
        MobileMasked = PersonalData.MaskMobile(mobile);
    }
}
