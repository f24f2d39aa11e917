using System.Globalization;
using HighRisk.Localization;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// The 18-character resident ID number (公民身份号码, GB 11643-1999): 6-digit address code, birth date yyyyMMdd,
/// 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X; lower-case x accepted on input).
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Upper-cases the check character and trims spaces.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Why the number is not a valid resident ID, or null when it is.</summary>
    public static Message? Problem(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Messages.ResidentIdRequired;
        }

        var id = Normalize(value);
        if (id.Length != 18)
        {
            return Messages.ResidentIdLength;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return Messages.ResidentIdDigits;
            }
        }

        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
        {
            return Messages.ResidentIdLastCharacter;
        }

        var birth = BirthDate(id);
        if (birth is null)
        {
            return Messages.ResidentIdBirthDate;
        }

        if (birth > today)
        {
            return Messages.ResidentIdBornInFuture;
        }

        return CheckCharacter(id.AsSpan(0, 17)) == id[17]
            ? null
            : Messages.ResidentIdCheckCharacter;
    }

    /// <summary>
    /// Why the number cannot be the pregnant woman's own, or null: a valid number (<see cref="Problem"/>) whose 17th digit
    /// is even (GB 11643: an odd sequence number is a man's) and whose birth date makes her
    /// <see cref="Woman.YoungestAge"/> to <see cref="Woman.OldestAge"/> today (the reference's extra checks for a pregnant
    /// woman, five-colour-risk.md §5.1). Either failing is her husband's number or a mistyped one, which would also grade
    /// her by a wrong age.
    /// </summary>
    public static Message? ProblemForAPregnantWoman(string? value, DateOnly today)
    {
        if (Problem(value, today) is { } problem)
        {
            return problem;
        }

        var id = Normalize(value!);
        if ((id[16] - '0') % 2 == 1)
        {
            return Messages.ResidentIdMale;
        }

        var age = Rules.ClinicalDates.AgeOn(BirthDate(id)!.Value, today);
        return age is < Woman.YoungestAge or > Woman.OldestAge ? Messages.ResidentIdAge : null;
    }

    public static DateOnly? BirthDate(string normalized) =>
        DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
