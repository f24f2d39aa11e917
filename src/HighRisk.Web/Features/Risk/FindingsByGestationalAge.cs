using FluentValidation.Results;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>
/// Coded findings that are risk factors only from a gestational age (≥36周胎位不正, the catalogue's <c>fromWeeks</c>):
/// coded earlier, they are refused with the field named, rather than graded or silently ignored.
/// </summary>
public static class FindingsByGestationalAge
{
    public static IEnumerable<ValidationFailure> TooEarly(RiskCatalogue catalogue, IReadOnlyList<string>? findings, GestationalAge age, string field)
    {
        for (var i = 0; i < (findings?.Count ?? 0); i++)
        {
            if (catalogue.TryGetFactor(findings![i], out var factor) && factor.FromWeeks is { } weeks && age.Weeks < weeks)
            {
                yield return new ValidationFailure($"{field}[{i}]",
                    $"'{factor.Id}' ({factor.NameZh}) is a risk factor from {weeks}+0 weeks; the pregnancy was {age.Weeks}+{age.Days} weeks on that date.");
            }
        }
    }
}
