using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Exams;

/// <summary>
/// 产检: records an exam and re-grades the pregnancy in the same transaction. After a delivery it is the postpartum
/// re-assessment (产后风险评估) at the postpartum visit or the 42-day check, and counts as that visit.
/// </summary>
public static class RecordExam
{
    public sealed record Command : ICommand<Response>, IAudited<Response>, Referrals.IReachableByReferral
    {
        [JsonIgnore]
        public Guid ReferredPregnancyId => PregnancyId;

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", PregnancyId.ToString(), $"RecordExam {response.ExamId}");

        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public DateOnly? ExamDate { get; init; }

        public string? FacilityCode { get; init; }

        public string? Examiner { get; init; }

        /// <summary>Observation name → value; names, units and ranges in docs/observations.md.</summary>
        public Dictionary<string, JsonElement>? Measurements { get; init; }

        /// <summary>Risk-catalogue factor or qualifier ids the examiner codes at this exam.</summary>
        public IReadOnlyList<string>? Findings { get; init; }

        /// <summary>Earlier coded findings the examiner declares resolved, each with a reason.</summary>
        public IReadOnlyList<ResolvedFinding>? Resolved { get; init; }

        public string? Note { get; init; }

        public DateOnly? NextAppointment { get; init; }
    }

    public sealed record Response(Guid ExamId, string Grade, string PreviousGrade, bool Purple, bool PreviousPurple, IReadOnlyList<ActiveFactor> Factors);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, RiskCatalogue catalogue, HighRiskDb db, KnownFacilities facilities)
        {
            var today = clock.Today;
            RuleFor(c => c.ExamDate).NotNull().LessThanOrEqualTo(today).WithError(Messages.ExamDateInFuture);
            RuleFor(c => c.FacilityCode).NotEmpty().MaximumLength(32)
                .MustAsync(facilities.Exist(db))
                .WithError(Messages.FacilityUnknown);
            RuleFor(c => c.Examiner).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Measurements).Custom((measurements, context) => MeasurementInput.Check(measurements).ForEach(context.AddFailure));
            RuleForEach(c => c.Findings).Codeable(catalogue);
            RuleForEach(c => c.Resolved).Resolution();
            RuleFor(c => c.Note).MaximumLength(2000);
            RuleFor(c => c.NextAppointment).GreaterThan(c => c.ExamDate).WithError(Messages.ExamAppointmentNotAfter)
                // Must, not LessThanOrEqualTo(c => …AddDays(…)): a method-call expression is compiled again on every request.
                .Must((c, next) => next <= c.ExamDate!.Value.AddDays(182)).WithError(Messages.ExamAppointmentTooFar)
                .When(c => c.NextAppointment is not null && c.ExamDate is not null);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, PregnancyGrader grader, RiskCatalogue catalogue, FollowUps.FollowUpPolicy policy)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            // Two exams recorded at once on one pregnancy are serialised here, so each grades with the other's results.
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: true, cancellationToken);
            pregnancy.EnsureTakesExamOn(command.ExamDate!.Value);
            FindingRules.EnsureExamFits(catalogue, pregnancy, command.ExamDate!.Value, "examDate", command.Findings, command.Resolved);

            var previous = (pregnancy.Grade, pregnancy.Purple);
            var exam = new Exam
            {
                Id = Guid.CreateVersion7(clock.Now),
                PregnancyId = pregnancy.Id,
                ExamDate = command.ExamDate!.Value,
                FacilityCode = command.FacilityCode!,
                Examiner = command.Examiner!.Trim(),
                Measurements = MeasurementInput.ToValues(command.Measurements),
                Findings = command.Findings?.Distinct().ToList() ?? [],
                Resolved = command.Resolved?.ToList() ?? [],
                Note = command.Note,
                NextAppointment = command.NextAppointment,
                RecordedAt = clock.Now,
            };
            pregnancy.RecordExam(exam, grader, policy, clock.Now, clock.Today);
            return new Response(exam.Id, pregnancy.Grade.ToApiName(), previous.Grade.ToApiName(), pregnancy.Purple, previous.Purple, pregnancy.Factors);
        }
    }
}
