using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>转诊: refers a woman to another facility; the outcome is due in 14 days and counts in the follow-up schedule.</summary>
public static class ReferPregnancy
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public DateOnly? Date { get; init; }

        public string? ToFacilityCode { get; init; }

        public string? Reason { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", PregnancyId.ToString(), $"ReferPregnancy {response.ReferralId}");
    }

    public sealed record Response(Guid ReferralId, DateOnly OutcomeDue, DateOnly? NextDueDate, DueKind? NextDueKind);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, HighRiskDb db)
        {
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.ToFacilityCode).NotEmpty().MustAsync((code, ct) => db.Facilities.AnyAsync(f => f.Code == code, ct)).WithError(Messages.FacilityUnknown);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, FollowUpPolicy policy, CurrentUser user) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            if (command.Date < pregnancy.Lmp)
            {
                throw new ValidationException([Messages.DateBeforeLmp.At("date", ("Lmp", pregnancy.Lmp))]);
            }

            var referral = new Referral
            {
                Id = Guid.CreateVersion7(clock.Now),
                PregnancyId = pregnancy.Id,
                ReferredOn = command.Date!.Value,
                ToFacilityCode = command.ToFacilityCode!,
                Reason = command.Reason!.Trim(),
                OutcomeDue = pregnancy.Refer(command.Date.Value, policy, clock.Today),
                ReferredBy = user.Name,
            };
            db.Referrals.Add(referral);
            return new Response(referral.Id, referral.OutcomeDue, pregnancy.Schedule.NextDueDate, pregnancy.Schedule.NextDueKind);
        }
    }
}
