using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>结案: closes a pregnancy with its outcome; a closed pregnancy takes no new exams.</summary>
public static class ClosePregnancy
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Update, "pregnancy", PregnancyId.ToString(), $"ClosePregnancy {response.Outcome}");

        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public PregnancyOutcome? Outcome { get; init; }

        /// <summary>Date of the delivery, miscarriage, termination, move or death.</summary>
        public DateOnly? Date { get; init; }

        /// <summary>Delivery mode; required when the outcome is a delivery.</summary>
        public DeliveryMode? Mode { get; init; }

        /// <summary>Discharge after a delivery; the postpartum visit is due within 7 days of it (of the delivery when omitted).</summary>
        public DateOnly? DischargeDate { get; init; }

        /// <summary>For a delivery: the facility where she gave birth (a facility code, optional).</summary>
        public string? DeliveryFacilityCode { get; init; }

        /// <summary>For a move (movedAway): the facility she was handed over to, which now follows her (转出至).</summary>
        public string? ReceivingFacility { get; init; }
    }

    public sealed record Response(Guid Id, PregnancyStatus Status, PregnancyOutcome Outcome, DateOnly Date, DeliveryMode? Mode, string? ReceivingFacility);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, HighRiskDb db, KnownFacilities facilities)
        {
            RuleFor(c => c.DeliveryFacilityCode).Null().When(c => c.Outcome is not null && c.Outcome != PregnancyOutcome.Delivery)
                .WithError(Messages.DeliveryFacilityOnlyForDelivery);
            RuleFor(c => c.DeliveryFacilityCode).MaximumLength(32).MustAsync(facilities.Exist(db)).WithError(Messages.FacilityUnknown)
                .When(c => c.DeliveryFacilityCode is not null && c.Outcome == PregnancyOutcome.Delivery);
            RuleFor(c => c.Outcome).NotNull().IsInEnum().NotEqual(PregnancyOutcome.Merged).WithError(Messages.MergeIsNotAClose);
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.Mode).NotNull().When(c => c.Outcome == PregnancyOutcome.Delivery).WithError(Messages.DeliveryModeRequired);
            RuleFor(c => c.Mode).Null().When(c => c.Outcome is not null && c.Outcome != PregnancyOutcome.Delivery)
                .WithError(Messages.ModeOnlyForDelivery);
            RuleFor(c => c.DischargeDate).Null().When(c => c.Outcome != PregnancyOutcome.Delivery).WithError(Messages.DischargeOnlyForDelivery);
            RuleFor(c => c.DischargeDate).GreaterThanOrEqualTo(c => c.Date!.Value).WithError(Messages.DischargeBeforeDelivery)
                .LessThanOrEqualTo(clock.Today).WithError(Messages.DischargeInFuture)
                .When(c => c.DischargeDate is not null && c.Date is not null);
            RuleFor(c => c.ReceivingFacility).Null().When(c => c.Outcome is not null && c.Outcome != PregnancyOutcome.MovedAway)
                .WithError(Messages.ReceivingFacilityOnlyForMove);
            RuleFor(c => c.ReceivingFacility).MaximumLength(100).Must(f => !string.IsNullOrWhiteSpace(f)).WithError(Messages.ReceivingFacilityBlank)
                .When(c => c.ReceivingFacility is not null);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, FollowUpPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            var date = command.Date!.Value;
            var lastExam = await db.Exams.Where(e => e.PregnancyId == pregnancy.Id).MaxAsync(e => (DateOnly?)e.ExamDate, cancellationToken);
            if (pregnancy.Status == PregnancyStatus.Open)
            {
                EnsureClinicallyPossible(pregnancy, command.Outcome!.Value, date, lastExam);
            }

            pregnancy.Close(
                command.Outcome!.Value, date, command.Mode, command.DischargeDate, command.DeliveryFacilityCode, command.ReceivingFacility?.Trim(), policy, clock.Now, clock.Today);
            return new Response(pregnancy.Id, pregnancy.Status, pregnancy.Outcome!.Value, date, pregnancy.DeliveryMode, pregnancy.ReceivingFacility);
        }

        /// <summary>
        /// The outcome's date and kind against the record: not before the booking or the last exam (she was still pregnant).
        /// Chinese usage: a loss before 28+0 weeks is a miscarriage (流产), a birth from then on a delivery (a stillbirth
        /// included); births from 20 weeks are taken as deliveries, for the rare live birth before 28 weeks.
        /// </summary>
        private static void EnsureClinicallyPossible(Pregnancy pregnancy, PregnancyOutcome outcome, DateOnly date, DateOnly? lastExam)
        {
            if (date < pregnancy.Lmp || date < pregnancy.BookingDate || date < lastExam)
            {
                throw new ValidationException([Messages.CloseBeforeBookingOrExam.At("date", ("BookingDate", pregnancy.BookingDate), ("LastExam", lastExam))]);
            }

            var age = pregnancy.GestationalAgeOn(date);
            var refused = outcome switch
            {
                PregnancyOutcome.Delivery when age.Weeks < PregnancyRules.EarliestDeliveryWeeks =>
                    Messages.DeliveryTooEarly.At("outcome", ("Weeks", age.Weeks), ("Days", age.Days), ("EarliestWeeks", PregnancyRules.EarliestDeliveryWeeks)),
                PregnancyOutcome.Miscarriage when age.Weeks >= PregnancyRules.MiscarriageBeforeWeeks =>
                    Messages.MiscarriageTooLate.At("outcome", ("Weeks", age.Weeks), ("Days", age.Days), ("LatestWeeks", PregnancyRules.MiscarriageBeforeWeeks)),
                _ => null,
            };
            if (refused is not null)
            {
                throw new ValidationException([refused]);
            }
        }
    }
}
