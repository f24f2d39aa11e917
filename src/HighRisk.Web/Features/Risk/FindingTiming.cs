using FluentValidation.Results;
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
                yield return new ValidationFailure($"{field}[{i}]",
                    $"'{factor.Id}' ({factor.NameZh}) is found after the birth; record it at the postpartum visit or the 42-day check.");
            }
            else if (age is { } early && factor.FromWeeks is { } weeks && early.Weeks < weeks)
            {
                yield return new ValidationFailure($"{field}[{i}]",
                    $"'{factor.Id}' ({factor.NameZh}) is a risk factor from {weeks}+0 weeks; the pregnancy was {early.Weeks}+{early.Days} weeks on that date.");
            }
            else if (age is null && factor.FromWeeks is not null)
            {
                yield return new ValidationFailure($"{field}[{i}]", $"'{factor.Id}' ({factor.NameZh}) is a finding of the pregnancy; this exam is after the birth.");
            }
        }
    }
}
