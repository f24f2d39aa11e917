using System.Text.Json.Serialization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Referrals;

/// <summary>The receiving facility accepts the referral (接收): she is expected.</summary>
public static class AcceptReferral
{
    public sealed record Command : ICommand<ReferralSummary>, IAudited<ReferralSummary>
    {
        [JsonIgnore]
        public Guid ReferralId { get; init; }

        public AuditEntry Audit(ReferralSummary response) => new(AuditAction.Update, "referral", ReferralId.ToString(), "AcceptReferral");
    }

    public sealed class Handler(HighRiskDb db, ReferralAccess access, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, ReferralSummary>
    {
        public async ValueTask<ReferralSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var (referral, _) = await db.LockReferralAsync(access, user, command.ReferralId, ReferralSide.Receiving, cancellationToken);
            referral.Accept(user.User?.DisplayName ?? user.Name, clock.Now, clock.Today);
            return ReferralSummary.Of(referral);
        }
    }
}
