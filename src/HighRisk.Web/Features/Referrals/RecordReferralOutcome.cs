using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Features.Referrals;

/// <summary>
/// 转诊结果: the sending side records the outcome from the paper slip that came back, when the receiving facility does not
/// answer in HighRisk. It completes the referral and settles its 14-day deadline (no follow-up date is set: the schedule
/// goes on as before).
/// </summary>
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

    public sealed class Handler(HighRiskDb db, ReferralAccess access, CurrentUser user, BusinessClock clock, FollowUpPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var (referral, pregnancy) = await db.LockReferralAsync(access, user, command.ReferralId, ReferralSide.Sending, cancellationToken);
            if (referral.PregnancyId != command.PregnancyId)
            {
                throw new NotFoundException("No such referral.");
            }

            referral.RecordOutcome(command.Date!.Value, command.Outcome!.Trim(), user.User?.DisplayName ?? user.Name, clock.Now, clock.Today);
            pregnancy.ReferralsSettled(await db.EarliestOtherOpenOutcomeAsync(referral, cancellationToken), policy, clock.Today);
            return new Response(referral.Id, referral.CompletedOn!.Value, pregnancy.Schedule.NextDueDate, pregnancy.Schedule.NextDueKind);
        }
    }
}
