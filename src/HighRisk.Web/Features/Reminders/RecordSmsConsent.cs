using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Features.Reminders;

/// <summary>
/// Her consent to SMS reminders (PIPL: health data is sensitive personal information), given or withdrawn on her record by
/// the staff: when she said so, who recorded it and when. A withdrawal takes back every reminder not yet handed to the
/// gateway; a consent given queues the reminders her next due date calls for.
/// </summary>
public static class RecordSmsConsent
{
    public sealed record Command : ICommand<ReminderViews.Response>, IAudited<ReminderViews.Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        /// <summary>true: she agrees to receive reminders; false: she withdraws.</summary>
        public bool? Given { get; init; }

        /// <summary>The day she gave or withdrew it (today or earlier).</summary>
        public DateOnly? Date { get; init; }

        /// <summary>How she said it (signed form, by phone, …).</summary>
        public string? Note { get; init; }

        public AuditEntry Audit(ReminderViews.Response response) =>
            new(AuditAction.Update, "pregnancy", PregnancyId.ToString(), $"RecordSmsConsent given={Given}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(c => c.Given).NotNull();
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(HighRiskDb db, ReminderPlanner planner, CurrentUser user) : ICommandHandler<Command, ReminderViews.Response>
    {
        public async ValueTask<ReminderViews.Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            var plan = await planner.PlanOfAsync(pregnancy.Id, cancellationToken);
            if (plan is null)
            {
                plan = ReminderPlan.For(pregnancy.Id, pregnancy.WomanId);
                db.Set<ReminderPlan>().Add(plan);
            }

            await planner.RecordConsentAsync(
                pregnancy, plan, command.Given!.Value, command.Date!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
                user.User?.DisplayName ?? user.Name, ConsentSource.Staff, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await ReminderViews.OfAsync(db, pregnancy.Id, cancellationToken);
        }
    }
}
