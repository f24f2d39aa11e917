using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// The same woman booked twice under another resident ID (a mistyped number, a second booking at the county hospital): a
/// new woman whose name and birth date, or mobile number and name, match a woman with an open pregnancy is a possible
/// duplicate. The booking answers 409 with the candidates masked — whatever their area, so that nobody books her twice —
/// unless the request confirms she is not the same person.
/// </summary>
public sealed class PossibleDuplicates(HighRiskDb db, Divisions.DivisionNames divisions)
{
    /// <param name="FullNameMasked">As the lists mask it (李*梅).</param>
    /// <param name="Match"><c>nameAndBirthDate</c> or <c>mobileAndName</c>.</param>
    public sealed record Candidate(string FullNameMasked, DateOnly BirthDate, string MobileMasked, string? TownshipName, string Match);

    public async Task EnsureNoneAsync(string fullName, DateOnly birthDate, string mobileHash, CancellationToken ct)
    {
        var found = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == PregnancyStatus.Open && p.Woman.FullName == fullName && (p.Woman.BirthDate == birthDate || p.Woman.MobileHash == mobileHash))
            .Select(p => new { p.Woman.FullNameMasked, p.Woman.BirthDate, p.Woman.MobileMasked, p.Woman.MobileHash, p.TownshipCode })
            .Take(10)
            .ToListAsync(ct);
        if (found.Count == 0)
        {
            return;
        }

        var townships = found.Select(f => f.TownshipCode).Distinct().ToList();
        var names = await divisions.OfAsync(db, townships, ct);
        var candidates = found.Select(f => new Candidate(
            f.FullNameMasked, f.BirthDate, f.MobileMasked, names.GetValueOrDefault(f.TownshipCode), f.BirthDate == birthDate ? "nameAndBirthDate" : "mobileAndName")).ToList();
        throw new ConflictException(Messages.PossibleDuplicate, ("Count", candidates.Count)) { Extensions = new Dictionary<string, object?> { ["candidates"] = candidates } };
    }
}
