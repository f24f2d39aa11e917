using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.FollowUps;

/// <summary>随访: a phone call, home visit or clinic visit, reached or not; moves the schedule and the overdue state.</summary>
public static class RecordFollowUp
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public DateOnly? Date { get; init; }

        public ContactKind? Kind { get; init; }

        /// <summary>Did the call or visit reach the woman? Only a reached contact counts as a contact.</summary>
        public bool? Reached { get; init; }

        public string? Note { get; init; }

        public DateOnly? NextAppointment { get; init; }

        /// <summary>Not reached because she has moved away and no receiving facility is known: she is lost to follow-up at once.</summary>
        public bool? MovedAway { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", PregnancyId.ToString(), $"RecordFollowUp {response.FollowUpId} reached={Reached}");
    }

    public sealed record Response(Guid FollowUpId, DueKind? CountedAs, DateOnly? NextDueDate, DueKind? NextDueKind, FollowUpState State, int FailedAttempts);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(c => c.Date).NotNull().LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.Reached).NotNull();
            RuleFor(c => c.Note).MaximumLength(2000);
            RuleFor(c => c.MovedAway).Must(m => m != true).When(c => c.Reached == true)
                .WithError(Messages.MovedAwayButReached);
            RuleFor(c => c.NextAppointment).GreaterThan(c => c.Date!.Value).WithError(Messages.FollowUpAppointmentNotAfter)
                .Must((c, next) => next <= c.Date!.Value.AddDays(182)).WithError(Messages.FollowUpAppointmentTooFar)
                .When(c => c.NextAppointment is not null && c.Date is not null);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, FollowUpPolicy policy, CurrentUser user) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            if (command.Date < pregnancy.Lmp)
            {
                throw new ValidationException([Messages.DateBeforeLmp.At("date", ("Lmp", pregnancy.Lmp))]);
            }

            var followUp = pregnancy.RecordFollowUp(
                Guid.CreateVersion7(clock.Now), command.Date!.Value, command.Kind!.Value, command.Reached!.Value, command.Note, command.NextAppointment,
                command.MovedAway == true, user.Name, policy, clock.Now, clock.Today);
            var schedule = pregnancy.Schedule;
            return new Response(followUp.Id, followUp.CountedAs, schedule.NextDueDate, schedule.NextDueKind, schedule.State, schedule.FailedAttempts);
        }
    }
}
