using FluentValidation.Results;
using HighRisk.Localization;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>
/// Coded findings that belong to a time: from a gestational age (≥36周胎位不正, the catalogue's <c>fromWeeks</c>), or
/// after the birth (产褥感染, the catalogue's <c>postpartum</c>). Coded at the wrong time they are refused with the field
/// named, rather than graded or silently ignored.
/// </summary>
public static class FindingTiming
{
    /// <param name="age">The gestational age on the exam's date; null for an exam after the birth.</param>
    public static IEnumerable<ValidationFailure> Refused(RiskCatalogue catalogue, IReadOnlyList<string>? findings, GestationalAge? age, string field)
    {
        for (var i = 0; i < (findings?.Count ?? 0); i++)
        {
            if (!catalogue.TryGetFactor(findings![i], out var factor))
            {
                continue;
            }

            if (age is { } pregnant && factor.Postpartum)
            {
                yield return Messages.FindingOnlyAfterBirth.At($"{field}[{i}]", ("Factor", factor.Id), ("FactorName", factor.NameZh));
            }
            else if (age is { } early && factor.FromWeeks is { } weeks && early.Weeks < weeks)
            {
                yield return Messages.FindingTooEarly.At(
                    $"{field}[{i}]", ("Factor", factor.Id), ("FactorName", factor.NameZh), ("FromWeeks", weeks), ("Weeks", early.Weeks), ("Days", early.Days));
            }
            else if (age is null && factor.FromWeeks is not null)
            {
                yield return Messages.FindingOnlyInPregnancy.At($"{field}[{i}]", ("Factor", factor.Id), ("FactorName", factor.NameZh));
            }
        }
    }
}
