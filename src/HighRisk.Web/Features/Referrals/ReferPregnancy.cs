using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Divisions;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// 转诊: sends a woman to another facility with the slip of her state today. The receiving facility must answer by a
/// deadline that follows the urgency; the outcome is due in 14 days and counts in her follow-up schedule. An emergency
/// (green channel) is phoned through at once: an SMS to the receiving facility's on-duty number.
/// </summary>
public static class ReferPregnancy
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public string? ToFacilityCode { get; init; }

        /// <summary>routine, urgent or emergency (green channel).</summary>
        public ReferralUrgency? Urgency { get; init; }

        public string? Reason { get; init; }

        public string? Note { get; init; }

        /// <summary>The clinical date of the referral; today when omitted.</summary>
        public DateOnly? Date { get; init; }

        /// <summary>Tell the sender by SMS too when the feedback comes back (the account's mobile).</summary>
        public bool SmsOnFeedback { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", PregnancyId.ToString(), $"ReferPregnancy {response.ReferralId}");
    }

    public sealed record Response(Guid ReferralId, DateTimeOffset AcceptBy, DateOnly OutcomeDue, DateOnly? NextDueDate, DueKind? NextDueKind);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, HighRiskDb db, CurrentUser user, KnownFacilities facilities)
        {
            RuleFor(c => c.ToFacilityCode).NotEmpty().MaximumLength(32)
                .MustAsync(facilities.Exist(db)).WithError(Messages.FacilityUnknown)
                .NotEqual(_ => user.ReferralFacility).WithError(Messages.ReferralToOwnFacility);
            RuleFor(c => c.Urgency).NotNull().IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
            RuleFor(c => c.Note).MaximumLength(2000);
            RuleFor(c => c.Date).LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
        }
    }

    public sealed class Handler(
        HighRiskDb db, BusinessClock clock, FollowUpPolicy policy, ReferralPolicy referralPolicy, CurrentUser user, ReferralMessages messages)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: true, cancellationToken);
            var date = command.Date ?? clock.Today;
            if (date < pregnancy.Lmp)
            {
                throw new ValidationException([Messages.DateBeforeLmp.At("date", ("Lmp", pregnancy.Lmp))]);
            }

            if (await db.Referrals.IgnoreQueryFilters().AnyAsync(
                r => r.PregnancyId == pregnancy.Id && r.ToFacilityCode == command.ToFacilityCode
                    && (r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Arrived), cancellationToken))
            {
                throw new ConflictException(Messages.ReferralAlreadyOpen);
            }

            var plan = await db.Cases.IgnoreQueryFilters().Where(c => c.PregnancyId == pregnancy.Id && c.Status == CaseStatus.Open)
                .SelectMany(c => c.Plans).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
            var referral = Referral.Request(
                new Referral
                {
                    Id = Guid.CreateVersion7(clock.Now),
                    PregnancyId = pregnancy.Id,
                    DivisionCode = pregnancy.DivisionCode,
                    FacilityCode = pregnancy.FacilityCode,
                    FromFacilityCode = user.ReferralFacility,
                    ToFacilityCode = command.ToFacilityCode!,
                    Urgency = command.Urgency!.Value,
                    Reason = command.Reason!.Trim(),
                    Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
                    ReferredOn = date,
                    ReferredBy = user.User?.DisplayName ?? user.Name,
                    ReferredById = user.User?.Id,
                    SmsOnFeedback = command.SmsOnFeedback,
                    OutcomeDue = pregnancy.Refer(date, policy, clock.Today),
                    Slip = ReferralSlip.Of(pregnancy, plan, date),
                },
                referralPolicy,
                clock.Now);
            db.Referrals.Add(referral);
            if (referral.Urgency == ReferralUrgency.Emergency)
            {
                await messages.QueueEmergencyAsync(referral, cancellationToken);
            }

            return new Response(referral.Id, referral.AcceptBy, referral.OutcomeDue, pregnancy.Schedule.NextDueDate, pregnancy.Schedule.NextDueKind);
        }
    }
}
