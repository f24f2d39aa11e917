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
/// 回执与下转: the receiving facility sends back what it found and did, its advice, and the day her township must see her
/// next. The advice goes on her record; that day becomes what is due in her schedule; the sender sees it in the outgoing
/// inbox (and by SMS when asked). The facility keeps her record for the policy's days, then loses it by itself.
/// </summary>
public static class CompleteReferral
{
    public sealed record Command : ICommand<ReferralSummary>, IAudited<ReferralSummary>
    {
        [JsonIgnore]
        public Guid ReferralId { get; init; }

        public string? Findings { get; init; }

        public string? Treatment { get; init; }

        public string? Advice { get; init; }

        /// <summary>The day her township follows her up next (下转随访日期).</summary>
        public DateOnly? FollowUpOn { get; init; }

        public AuditEntry Audit(ReferralSummary response) => new(AuditAction.Update, "referral", ReferralId.ToString(), "CompleteReferral");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(c => c.Findings).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Treatment).MaximumLength(2000);
            RuleFor(c => c.Advice).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.FollowUpOn).NotNull()
                .GreaterThanOrEqualTo(clock.Today).WithError(Messages.ReferralFollowUpInPast)
                .LessThanOrEqualTo(clock.Today.AddDays(183)).WithError(Messages.ReferralFollowUpTooFar);
        }
    }

    public sealed class Handler(HighRiskDb db, ReferralAccess access, CurrentUser user, BusinessClock clock, FollowUpPolicy policy, ReferralPolicy referralPolicy, ReferralMessages messages)
        : ICommandHandler<Command, ReferralSummary>
    {
        public async ValueTask<ReferralSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var (referral, pregnancy) = await db.LockReferralAsync(access, user, command.ReferralId, ReferralSide.Receiving, cancellationToken);
            referral.Complete(
                command.Findings!.Trim(), string.IsNullOrWhiteSpace(command.Treatment) ? null : command.Treatment.Trim(), command.Advice!.Trim(), command.FollowUpOn!.Value,
                user.User?.DisplayName ?? user.Name, referralPolicy, clock.Now, clock.Today);
            pregnancy.ReferralFeedback(referral.FollowUpOn!.Value, await db.EarliestOtherOpenOutcomeAsync(referral, cancellationToken), policy, clock.Today);
            if (referral.SmsOnFeedback)
            {
                await messages.QueueFeedbackAsync(referral, cancellationToken);
            }

            return ReferralSummary.Of(referral);
        }
    }
}
