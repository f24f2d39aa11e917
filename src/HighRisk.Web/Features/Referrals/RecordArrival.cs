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

/// <summary>
/// She arrived at the receiving facility (到达). Her follow-up schedule counts it as a reached clinic contact, recorded
/// on her record like any other, so the township does not chase a woman who is being seen.
/// </summary>
public static class RecordArrival
{
    public sealed record Command : ICommand<ReferralSummary>, IAudited<ReferralSummary>
    {
        [JsonIgnore]
        public Guid ReferralId { get; init; }

        public DateOnly? Date { get; init; }

        public AuditEntry Audit(ReferralSummary response) => new(AuditAction.Update, "referral", ReferralId.ToString(), "RecordArrival");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock) => RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
    }

    public sealed class Handler(HighRiskDb db, ReferralAccess access, CurrentUser user, BusinessClock clock, FollowUpPolicy policy)
        : ICommandHandler<Command, ReferralSummary>
    {
        public async ValueTask<ReferralSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var (referral, pregnancy) = await db.LockReferralAsync(access, user, command.ReferralId, ReferralSide.Receiving, cancellationToken);
            var by = user.User?.DisplayName ?? user.Name;
            referral.Arrive(command.Date!.Value, by, clock.Now, clock.Today);
            if (Pregnancy.IsFollowedUp(pregnancy.Status, pregnancy.Outcome, pregnancy.Schedule))
            {
                var facility = await db.Facilities.Where(f => f.Code == referral.ToFacilityCode).Select(f => f.Name).SingleAsync(cancellationToken);
                pregnancy.RecordFollowUp(
                    Guid.CreateVersion7(clock.Now), command.Date.Value, ContactKind.ClinicVisit, reached: true, $"转诊到达{facility}", appointment: null, movedAway: false,
                    by, policy, clock.Now, clock.Today);
            }

            return ReferralSummary.Of(referral);
        }
    }
}
