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

/// <summary>Records what came of a referral (转诊结果), which settles its 14-day deadline.</summary>
public static class RecordReferralOutcome
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        [JsonIgnore]
        public Guid ReferralId { get; init; }

        public DateOnly? Date { get; init; }

        /// <summary>For example 已到市妇幼保健院就诊，评估为橙色，继续妊娠.</summary>
        public string? Outcome { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Update, "pregnancy", PregnancyId.ToString(), $"RecordReferralOutcome {ReferralId}");
    }

    public sealed record Response(Guid ReferralId, DateOnly OutcomeDate, DateOnly? NextDueDate, DueKind? NextDueKind);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.Outcome).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, FollowUpPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == command.ReferralId && r.PregnancyId == pregnancy.Id, cancellationToken)
                ?? throw new NotFoundException("No such referral.");
            if (command.Date < referral.ReferredOn)
            {
                throw new ValidationException([Messages.ReferralOutcomeBeforeReferral.At("date")]);
            }

            referral.RecordOutcome(command.Date!.Value, command.Outcome!.Trim(), user.Name);
            var stillOpen = await db.Referrals.Where(r => r.PregnancyId == pregnancy.Id && r.Id != referral.Id && r.OutcomeDate == null)
                .MinAsync(r => (DateOnly?)r.OutcomeDue, cancellationToken);
            pregnancy.ReferralsSettled(stillOpen, policy, clock.Today);
            return new Response(referral.Id, referral.OutcomeDate!.Value, pregnancy.Schedule.NextDueDate, pregnancy.Schedule.NextDueKind);
        }
    }
}
