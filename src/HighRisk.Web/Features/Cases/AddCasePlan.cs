using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>
/// 个案管理计划: a new version of the case's plan, made with the higher-level critical care centre. Each version keeps its
/// author and time; the places are checked against her colour (a level mismatch is shown, not refused).
/// </summary>
public static class AddCasePlan
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid CaseId { get; init; }

        public string? CareFacilityCode { get; init; }

        public string? DeliveryFacilityCode { get; init; }

        public string? TreatmentPlan { get; init; }

        public string? EmergencyPlan { get; init; }

        public DateOnly? NextReviewDate { get; init; }

        public ContinuationInput? Continuation { get; init; }

        public IReadOnlyList<PmtctInput?>? Pmtct { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "case", CaseId.ToString(), $"AddCasePlan version={response.Version}");
    }

    public sealed record ContinuationInput(DateOnly? Date, string? FacilityCode, string? Assessor, string? AssessorTitle, string? Outcome);

    public sealed record PmtctInput(string? Item, DateOnly? DoneOn);

    public sealed record Response(Guid PlanId, int Version, IReadOnlyList<string> LevelMismatches, CaseState Case);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, BusinessClock clock, KnownFacilities facilities)
        {
            RuleFor(c => c.CareFacilityCode).NotEmpty().MaximumLength(32).MustAsync(facilities.Exist(db))
                .WithError(Messages.CaseFacilityUnknown);
            RuleFor(c => c.DeliveryFacilityCode).NotEmpty().MaximumLength(32).MustAsync(facilities.Exist(db))
                .WithError(Messages.CaseFacilityUnknown);
            RuleFor(c => c.TreatmentPlan).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.EmergencyPlan).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.NextReviewDate).NotNull()
                .GreaterThanOrEqualTo(_ => clock.Today).WithError(Messages.ReviewDateInPast)
                .LessThanOrEqualTo(_ => clock.Today.AddDays(366)).WithError(Messages.ReviewDateTooFar);
            RuleFor(c => c.Continuation!).ChildRules(a =>
            {
                a.RuleFor(x => x.Date).NotNull().LessThanOrEqualTo(_ => clock.Today).WithError(Messages.DateInFuture);
                a.RuleFor(x => x.FacilityCode).NotEmpty().MaximumLength(32).MustAsync(facilities.Exist(db))
                    .WithError(Messages.CaseFacilityUnknown);
                a.RuleFor(x => x.Assessor).NotEmpty().MaximumLength(50);
                a.RuleFor(x => x.Outcome).NotEmpty().Must(o => ContinuationAssessment.Outcomes.Contains(o)).WithError(Messages.ContinuationOutcomeUnknown);
                a.RuleFor(x => x.AssessorTitle).NotEmpty().Must(t => AssessorTitles.Normalize(t) is not null).WithError(Messages.AssessorTitleUnknown)
                    .DependentRules(() => a.RuleFor(x => x.AssessorTitle)
                        .Must(t => AssessorTitles.RankOf(t) >= AssessorTitles.TerminationRank)
                        .When(x => x.Outcome == ContinuationAssessment.TerminationAdvised)
                        .WithError(Messages.TerminationNeedsSeniorAssessor));
            }).When(c => c.Continuation is not null);
            RuleForEach(c => c.Pmtct).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x!.Item).NotEmpty().Must(PmtctItems.IsKnown)
                    .WithError(Messages.PmtctItemUnknown, _ => [("Items", string.Join(", ", PmtctItems.All.Select(p => p.Code)))]);
                i.RuleFor(x => x!.DoneOn).LessThanOrEqualTo(_ => clock.Today).WithError(Messages.DateInFuture);
            });
            RuleFor(c => c.Pmtct).Must(p => p!.Count <= PmtctItems.All.Length).When(c => c.Pmtct is not null)
                .WithError(Messages.PmtctItemUnknown, _ => [("Items", string.Join(", ", PmtctItems.All.Select(p => p.Code)))]);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, CaseLookups lookups, CasePolicy policy, BusinessClock clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var managed = await db.LockCaseAsync(command.CaseId, user, cancellationToken);
            var pmtct = (command.Pmtct ?? []).Select(i => new PmtctItem(i!.Item!, i.DoneOn)).DistinctBy(i => i.Item).ToList();
            if (pmtct.Count > 0 && !managed.Purple)
            {
                throw new ValidationException([Messages.PmtctNotPurple.At("pmtct")]);
            }

            var continuation = command.Continuation is { } c
                ? new ContinuationAssessment(c.Date!.Value, c.FacilityCode!, c.Assessor!.Trim(), AssessorTitles.Normalize(c.AssessorTitle)!, c.Outcome!)
                : null;
            var places = await lookups.PlacesOfAsync(command.CareFacilityCode, command.DeliveryFacilityCode, continuation?.FacilityCode, cancellationToken);
            var plan = managed.AddPlan(
                new CasePlan
                {
                    Id = Guid.CreateVersion7(clock.Now),
                    CareFacilityCode = command.CareFacilityCode!,
                    DeliveryFacilityCode = command.DeliveryFacilityCode!,
                    TreatmentPlan = command.TreatmentPlan!.Trim(),
                    EmergencyPlan = command.EmergencyPlan!.Trim(),
                    NextReviewDate = command.NextReviewDate!.Value,
                    Continuation = continuation,
                    Pmtct = pmtct,
                    Author = user.Name,
                },
                policy, places, clock.Now, clock.Today);
            db.CasePlans.Add(plan);
            return new Response(plan.Id, plan.Version, plan.LevelMismatches, CaseState.Of(managed));
        }
    }
}
