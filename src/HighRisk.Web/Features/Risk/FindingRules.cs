using FluentValidation;
using FluentValidation.Results;
using HighRisk.Features.Pregnancies;
using HighRisk.Localization;
using HighRisk.Rules;

namespace HighRisk.Features.Risk;

/// <summary>
/// The rules a coded finding must meet, in one place for booking, exams and the evaluate endpoint (whose preview must
/// say exactly what saving will do): it is a row of the catalogue a clinician may code; it fits the time it is coded
/// at (≥36周胎位不正 only from 36+0 weeks, 产褥感染 only after the birth: the catalogue's timing rule,
/// <see cref="RiskFactorDefinition.CodingTimeAt"/>); and a resolution names a finding coded earlier. A finding that
/// breaks one is a 400 naming it, rather than graded or silently ignored.
/// </summary>
public static class FindingRules
{
    /// <summary>A finding or history flag must be a factor a clinician may code, or a qualifier.</summary>
    public static IRuleBuilderOptions<T, string> Codeable<T>(this IRuleBuilder<T, string> rule, RiskCatalogue catalogue) =>
        rule.Must(catalogue.IsCodeable).WithError(Messages.FindingUnknown);

    /// <summary>Each resolution is an object naming the finding and saying why it is resolved.</summary>
    public static IRuleBuilderOptions<T, ResolvedFinding> Resolution<T>(this IRuleBuilderInitialCollection<T, ResolvedFinding> rule) =>
        rule.NotNull().WithError(Messages.ResolvedFindingNotObject).ChildRules(r =>
        {
            r.RuleFor(x => x.Id).NotEmpty().MaximumLength(64);
            r.RuleFor(x => x.Reason).NotEmpty().WithError(Messages.ResolutionReasonRequired).MaximumLength(500);
        });

    /// <summary>The findings (or flags) that do not fit <paramref name="time"/>, each naming <c>field[i]</c>.</summary>
    public static IEnumerable<ValidationFailure> Mistimed(RiskCatalogue catalogue, IReadOnlyList<string>? findings, ClinicalTime time, string field)
    {
        for (var i = 0; i < (findings?.Count ?? 0); i++)
        {
            if (!catalogue.TryGetFactor(findings![i], out var factor))
            {
                continue;
            }

            var (path, id, name) = ($"{field}[{i}]", ("Factor", (object?)factor.Id), ("FactorName", (object?)factor.NameZh));
            var problem = factor.CodingTimeAt(time) switch
            {
                CodingTime.OnlyAfterBirth => Messages.FindingOnlyAfterBirth.At(path, id, name),
                CodingTime.TooEarly => Messages.FindingTooEarly.At(
                    path, id, name, ("FromWeeks", factor.FromWeeks), ("Weeks", time.Age!.Value.Weeks), ("Days", time.Age.Value.Days)),
                CodingTime.Undated => Messages.FindingUndated.At(path, id, name, ("FromWeeks", factor.FromWeeks)),
                CodingTime.OnlyInPregnancy => Messages.FindingOnlyInPregnancy.At(path, id, name),
                _ => null,
            };
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>
    /// The resolutions that name nothing coded earlier (<paramref name="coded"/>: booking findings, history flags, earlier
    /// exams' findings, raises). A resolution of a finding of the same exam would not count, so it is refused too.
    /// </summary>
    public static IEnumerable<ValidationFailure> Unresolvable(IReadOnlyList<ResolvedFinding>? resolved, IReadOnlySet<string> coded)
    {
        for (var i = 0; i < (resolved?.Count ?? 0); i++)
        {
            if (!coded.Contains(resolved![i].Id))
            {
                yield return Messages.ResolvedNeverCoded.At($"resolved[{i}].id", ("Finding", resolved[i].Id));
            }
        }
    }

    /// <summary>
    /// An exam on a stored pregnancy, saved or previewed: dated from the LMP, its findings fitting the date (after the birth
    /// or at the gestational age), its resolutions naming findings coded earlier. Fails as one 400 naming every field.
    /// </summary>
    /// <param name="dateField">The request's name for the exam date (<c>examDate</c>, or <c>assessmentDate</c> for a preview).</param>
    public static void EnsureExamFits(
        RiskCatalogue catalogue, Pregnancy pregnancy, DateOnly date, string dateField, IReadOnlyList<string>? findings, IReadOnlyList<ResolvedFinding>? resolved)
    {
        var failures = new List<ValidationFailure>();
        if (date < pregnancy.Lmp)
        {
            failures.Add(Messages.ExamDateBeforeLmp.At(dateField, ("Lmp", pregnancy.Lmp)));
        }
        else
        {
            var time = pregnancy.IsAfterBirth(date) ? ClinicalTime.Postpartum : ClinicalTime.Pregnant(pregnancy.GestationalAgeOn(date));
            failures.AddRange(Mistimed(catalogue, findings, time, "findings"));
        }

        var coded = pregnancy.Findings.Concat(pregnancy.History.Flags).Concat(pregnancy.Exams.SelectMany(e => e.Findings)).Concat(pregnancy.Raises.Select(r => r.Id));
        failures.AddRange(Unresolvable(resolved, coded.ToHashSet(StringComparer.Ordinal)));
        ThrowIfAny(failures);
    }

    public static void ThrowIfAny(IReadOnlyCollection<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
