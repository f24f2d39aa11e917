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

/// <summary>危重孕产妇: records a maternal near-miss event on a case (date, facility, the criteria she met, outcome); counted in the indicators.</summary>
public static class RecordNearMiss
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid CaseId { get; init; }

        public DateOnly? Date { get; init; }

        public string? FacilityCode { get; init; }

        public IReadOnlyList<string?>? Criteria { get; init; }

        public string? Outcome { get; init; }

        public string? Note { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "case", CaseId.ToString(), $"RecordNearMiss {response.Id}");
    }

    public sealed record Response(Guid Id, Guid CaseId, DateOnly Date, string FacilityCode, IReadOnlyList<string> Criteria, string Outcome, int NearMisses);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, BusinessClock clock, KnownFacilities facilities)
        {
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(_ => clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.FacilityCode).NotEmpty().MaximumLength(32).MustAsync(facilities.Exist(db))
                .WithError(Messages.CaseFacilityUnknown);
            RuleFor(c => c.Criteria).NotEmpty().WithError(Messages.NearMissCriteriaRequired);
            RuleForEach(c => c.Criteria).Must(NearMissCriteria.IsKnown).WithError(Messages.NearMissCriterionUnknown);
            RuleFor(c => c.Criteria).Must(c => c!.Count <= NearMissCriteria.All.Length).When(c => c.Criteria is not null).WithError(Messages.NearMissCriterionUnknown);
            RuleFor(c => c.Outcome).NotEmpty().Must(o => NearMissCriteria.Outcomes.Contains(o)).WithError(Messages.NearMissOutcomeUnknown);
            RuleFor(c => c.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var managed = await db.LockCaseAsync(command.CaseId, user, cancellationToken);
            var nearMiss = managed.RecordNearMiss(
                Guid.CreateVersion7(clock.Now), command.Date!.Value, command.FacilityCode!, [.. command.Criteria!.OfType<string>().Distinct()], command.Outcome!,
                command.Note?.Trim(), user.Name, clock.Now);
            db.NearMisses.Add(nearMiss);
            return new Response(nearMiss.Id, managed.Id, nearMiss.Date, nearMiss.FacilityCode, nearMiss.Criteria, nearMiss.Outcome, managed.NearMissCount);
        }
    }
}
