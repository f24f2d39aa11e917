using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Risk;

/// <summary>
/// A clinician raises a pregnancy's colour by hand, with a reason (for example a judgement the table does not
/// capture). The raise holds until a later exam resolves it by its id; the colour is never lowered by hand.
/// </summary>
public static class RaiseGrade
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Update, "pregnancy", PregnancyId.ToString(), $"RaiseGrade {response.Grade}");

        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        /// <summary>yellow, orange or red.</summary>
        public string? Colour { get; init; }

        public string? Reason { get; init; }

        /// <summary>The clinician who raises it.</summary>
        public string? RaisedBy { get; init; }

        /// <summary>The clinical date of the raise; today when omitted.</summary>
        public DateOnly? Date { get; init; }
    }

    public sealed record Response(string RaiseId, string Grade, string PreviousGrade, bool Purple, IReadOnlyList<ActiveFactor> Factors);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(c => c.Colour).NotEmpty().Must(c => GradeNames.TryParse(c, out var colour) && colour > RiskColour.Green)
                .WithError(Messages.ColourNotRaisable);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
            RuleFor(c => c.RaisedBy).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Date).LessThanOrEqualTo(clock.Today).WithError(Messages.DateInFuture);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock, PregnancyGrader grader, FollowUps.FollowUpPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: true, cancellationToken);
            var previous = pregnancy.Grade;
            GradeNames.TryParse(command.Colour, out var colour);
            var date = command.Date ?? clock.Today;
            if (date < pregnancy.Lmp)
            {
                throw new ValidationException([Messages.DateBeforeLmp.At("date", ("Lmp", pregnancy.Lmp))]);
            }

            var raise = pregnancy.Raise(colour, command.Reason!.Trim(), command.RaisedBy!.Trim(), date, grader, policy, clock.Now, clock.Today);
            return new Response(raise.Id, pregnancy.Grade.ToApiName(), previous.ToApiName(), pregnancy.Purple, pregnancy.Factors);
        }
    }
}
