using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// The receiving facility declines, with a reason; her referral deadline no longer counts in her schedule, and the sender
/// sees the reason. A critical maternal care centre may not decline an emergency.
/// </summary>
public static class DeclineReferral
{
    public sealed record Command : ICommand<ReferralSummary>, IAudited<ReferralSummary>
    {
        [JsonIgnore]
        public Guid ReferralId { get; init; }

        public string? Reason { get; init; }

        public AuditEntry Audit(ReferralSummary response) => new(AuditAction.Update, "referral", ReferralId.ToString(), "DeclineReferral");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(HighRiskDb db, ReferralAccess access, CurrentUser user, BusinessClock clock, FollowUpPolicy policy)
        : ICommandHandler<Command, ReferralSummary>
    {
        public async ValueTask<ReferralSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var (referral, pregnancy) = await db.LockReferralAsync(access, user, command.ReferralId, ReferralSide.Receiving, cancellationToken);
            var critical = await db.Facilities.Where(f => f.Code == referral.ToFacilityCode).Select(f => f.CriticalCareCentre).SingleAsync(cancellationToken);
            referral.Decline(command.Reason!.Trim(), critical, user.User?.DisplayName ?? user.Name, clock.Now, clock.Today);
            pregnancy.ReferralsSettled(await db.EarliestOtherOpenOutcomeAsync(referral, cancellationToken), policy, clock.Today);
            return ReferralSummary.Of(referral);
        }
    }
}
