using System.ComponentModel;
using System.Text.Json;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Risk;

/// <summary>
/// Grades a case without saving anything: the exam form's live colour preview, and a way to check the rules. With
/// <see cref="Query.PregnancyId"/> it grades that stored pregnancy as if one more exam with these measurements and
/// findings were recorded on the assessment date, which is exactly what saving the exam will produce: the same grade, or
/// the same refusal (a finding saving would refuse is a 400 naming it, in the same words; a date the pregnancy takes no
/// exam on is the same 409). A hypothetical case follows the same finding rules, dated by its LMP or gestational age.
/// The grade comes with prompts: rows only a clinician may code that the values suggest.
/// </summary>
public static class EvaluateRisk
{
    public sealed record Query : IQuery<Response>, IAudited<Response>
    {
        // A hypothetical case reads no one's record; a preview for a stored pregnancy does.
        public AuditEntry? Audit(Response response) => PregnancyId is { } id ? new(AuditAction.Read, "pregnancy", id.ToString(), "EvaluateRisk") : null;

        /// <summary>Optional: a stored pregnancy to which the measurements and findings are added as a new exam.</summary>
        public Guid? PregnancyId { get; init; }

        public DateOnly? BirthDate { get; init; }

        /// <summary>Completed years, when no birth date is known.</summary>
        public int? AgeYears { get; init; }

        public DateOnly? Lmp { get; init; }

        /// <summary>Completed weeks on the assessment date, when no LMP is known.</summary>
        public int? GestationalWeeks { get; init; }

        /// <summary>Days beyond the completed weeks (0–6), with <see cref="GestationalWeeks"/>: 35 and 6 is 35+6.</summary>
        public int? GestationalDays { get; init; }

        /// <summary>The day the grade is for (the exam's date); today when omitted.</summary>
        public DateOnly? AssessmentDate { get; init; }

        public decimal? HeightCm { get; init; }

        public decimal? WeightKg { get; init; }

        public PregnancyHistory? History { get; init; }

        public Dictionary<string, JsonElement>? Measurements { get; init; }

        public IReadOnlyList<string>? Findings { get; init; }

        public IReadOnlyList<ResolvedFinding>? Resolved { get; init; }
    }

    public sealed record Response(
        string Grade,
        bool Purple,
        IReadOnlyList<ActiveFactor> Factors,
        string CatalogueVersion,
        [property: Description("Rows only a clinician may code whose measured values suggest them (the catalogue's prompts): " +
            "each with the row's id, colour and names, the values that suggest it and why. A prompt changes no grade; coding the finding does.")]
        IReadOnlyList<RiskPrompt> Prompts);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BusinessClock clock, RiskCatalogue catalogue)
        {
            var today = clock.Today;
            RuleFor(q => q.BirthDate).LessThanOrEqualTo(today).WithError(Messages.BirthDateInFuture);
            RuleFor(q => q.AgeYears).InclusiveBetween(Woman.YoungestAge, Woman.OldestAge);
            RuleFor(q => q.AgeYears).Null().When(q => q.BirthDate is not null).WithError(Messages.AgeAndBirthDate);
            RuleFor(q => q.GestationalWeeks).InclusiveBetween(0, 45);
            RuleFor(q => q.GestationalWeeks).Null().When(q => q.Lmp is not null).WithError(Messages.LmpAndWeeks);
            RuleFor(q => q.GestationalDays).InclusiveBetween(0, 6);
            RuleFor(q => q.GestationalDays).Null().When(q => q.GestationalWeeks is null).WithError(Messages.DaysWithoutWeeks);
            RuleFor(q => q.Lmp).Must((q, lmp) => lmp <= (q.AssessmentDate ?? today)).When(q => q.Lmp is not null)
                .WithError(Messages.LmpAfterAssessment);
            RuleFor(q => q.HeightCm).Must(h => Observation.HeightCm.Info().IsPlausible(h!.Value)).When(q => q.HeightCm is not null)
                .WithError(Messages.HeightOutOfRange, ("Min", Observation.HeightCm.Info().Min), ("Max", Observation.HeightCm.Info().Max));
            RuleFor(q => q.WeightKg).Must(w => Observation.WeightKg.Info().IsPlausible(w!.Value)).When(q => q.WeightKg is not null)
                .WithError(Messages.WeightOutOfRange, ("Min", Observation.WeightKg.Info().Min), ("Max", Observation.WeightKg.Info().Max));
            RuleFor(q => q.History!).SetValidator(new BookPregnancy.HistoryValidator(catalogue)).When(q => q.History is not null);
            RuleFor(q => q.Measurements).Custom((measurements, context) => MeasurementInput.Check(measurements).ForEach(context.AddFailure));
            RuleForEach(q => q.Findings).Codeable(catalogue);
            RuleForEach(q => q.Resolved).Resolution();
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, RiskEngine engine, PregnancyGrader grader) : IQueryHandler<Query, Response>
    {
        private const string HypotheticalExam = "evaluated";

        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var date = query.AssessmentDate ?? clock.Today;
            var exam = new ExamFacts(
                HypotheticalExam, date, Examiner: null, PregnancyGrader.MeasurementsOf(MeasurementInput.ToValues(query.Measurements)),
                query.Findings ?? [], query.Resolved ?? []);

            CaseFacts facts;
            if (query.PregnancyId is { } id)
            {
                var pregnancy = await db.Pregnancies.AsNoTracking().Include(p => p.Woman).Include(p => p.Exams).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                    ?? throw new NotFoundException("No such pregnancy.");

                // What saving an exam on this date checks, in the same order and words.
                pregnancy.EnsureTakesExamOn(date);
                FindingRules.EnsureExamFits(engine.Catalogue, pregnancy, date, "assessmentDate", query.Findings, query.Resolved);

                var stored = PregnancyGrader.FactsOf(pregnancy);
                facts = stored with { Exams = [.. stored.Exams, exam] };
                if (date < PregnancyGrader.AssessmentDateOf(pregnancy))
                {
                    // Dated before an exam already recorded: what saving it records as its findings (Pregnancy.RecordExam).
                    exam = exam with { Findings = [.. exam.Findings, .. grader.DiagnosesFoundOnItsDate(facts, exam)] };
                    facts = stored with { Exams = [.. stored.Exams, exam] };
                }

                date = date > PregnancyGrader.AssessmentDateOf(pregnancy) ? date : PregnancyGrader.AssessmentDateOf(pregnancy);
            }
            else
            {
                // Dated like a booking: by the LMP, or by the gestational age on the assessment date.
                var lmp = query.Lmp ?? (query.GestationalWeeks is { } weeks ? date.AddDays(-((7 * weeks) + (query.GestationalDays ?? 0))) : null);
                var time = lmp is { } dated ? ClinicalTime.Pregnant(GestationalAge.FromLmp(dated, date)) : ClinicalTime.Undated;
                var history = query.History ?? new PregnancyHistory();
                FindingRules.ThrowIfAny([
                    .. FindingRules.Mistimed(engine.Catalogue, history.Flags, time, "history.flags"),
                    .. FindingRules.Mistimed(engine.Catalogue, query.Findings, time, "findings"),
                    .. FindingRules.Unresolvable(query.Resolved, history.Flags.ToHashSet(StringComparer.Ordinal))]);
                facts = new CaseFacts(
                    query.BirthDate, query.AgeYears, lmp, GestationalWeeks: null, query.HeightCm, query.WeightKg,
                    PregnancyGrader.HistoryOf(history), BookingFindings: [], BookedBy: null,
                    BookingDate: date, Exams: [exam], Raises: []);
            }

            var assessment = engine.Assess(facts, date);
            return new Response(
                assessment.Colour.ToApiName(), assessment.Purple, assessment.Factors, $"{assessment.CatalogueId}@{assessment.CatalogueVersion}", assessment.Prompts);
        }
    }
}
