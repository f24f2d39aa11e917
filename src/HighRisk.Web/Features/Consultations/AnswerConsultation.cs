using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Consultations;

/// <summary>
/// 会诊意见: the expert who took the consultation answers it, and may raise the woman's colour with a reason. The raise
/// is the clinician's raise (<see cref="Pregnancy.Raise"/>, as <see cref="RaiseGrade"/> makes it), made in the same
/// transaction, so that her grade, her case and her alerts follow it at once; the colour is never lowered this way.
/// </summary>
public static class AnswerConsultation
{
    public sealed record Command : ICommand<ConsultationView>, IAudited<ConsultationView>
    {
        [JsonIgnore]
        public Guid ConsultationId { get; init; }

        public string? Answer { get; init; }

        /// <summary>Raise her colour with the answer (optional).</summary>
        public RaiseInput? Raise { get; init; }

        public AuditEntry Audit(ConsultationView response) =>
            new(AuditAction.Update, "consultation", ConsultationId.ToString(), $"AnswerConsultation pregnancy={response.PregnancyId} raise={response.Raise?.Colour}");
    }

    /// <param name="Colour">yellow, orange or red.</param>
    public sealed record RaiseInput(string? Colour, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answer).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Raise!.Colour).NotEmpty().Must(c => GradeNames.TryParse(c, out var colour) && colour > RiskColour.Green)
                .WithError(Messages.ColourNotRaisable).When(c => c.Raise is not null);
            RuleFor(c => c.Raise!.Reason).NotEmpty().MaximumLength(500).When(c => c.Raise is not null);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, PregnancyGrader grader, FollowUpPolicy policy)
        : ICommandHandler<Command, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (consultation, pool) = await db.LockConsultationAsync(command.ConsultationId, cancellationToken);
            var me = user.User ?? throw new ForbiddenException(Messages.ConsultationPoolMembersOnly);
            (RiskColour Colour, string Reason)? raise = command.Raise is { Colour: var text, Reason: { } reason } && GradeNames.TryParse(text, out var colour)
                ? (colour, reason.Trim())
                : null;
            consultation.Answer(me.Id, pool, command.Answer!.Trim(), raise, clock.Now);
            if (raise is { } raised)
            {
                var pregnancy = await db.LockPregnancyAsync(consultation.PregnancyId, withExams: true, cancellationToken);
                pregnancy.Raise(raised.Colour, raised.Reason, me.DisplayName, clock.Today, grader, policy, clock.Now, clock.Today);
            }

            return ConsultationView.Of(consultation, pool, me.Id, null);
        }
    }
}
