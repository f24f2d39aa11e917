using FluentValidation;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;

namespace HighRisk.Features.Reminders;

/// <summary>
/// <c>smsConsent</c> on a booking: whether she agrees to SMS reminders, and the day she said so. Her reminders are queued
/// once the booking has set her first due date (<see cref="FollowNextDue"/>, in the same transaction).
/// </summary>
public sealed record SmsConsentInput
{
    public bool? Given { get; init; }

    public DateOnly? Date { get; init; }

    public void RecordAtBooking(HighRiskDb db, Pregnancy pregnancy, string by, DateTimeOffset at)
    {
        var plan = ReminderPlan.For(pregnancy.Id, pregnancy.WomanId);
        plan.RecordConsent(Given!.Value, Date!.Value, note: null, by, at, ConsentSource.Booking, unsent: new HashSet<Guid>());
        db.Set<ReminderPlan>().Add(plan);
    }

    public sealed class Validator : AbstractValidator<SmsConsentInput>
    {
        public Validator(Infrastructure.BusinessClock clock)
        {
            RuleFor(c => c.Given).NotNull();
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
        }
    }
}
