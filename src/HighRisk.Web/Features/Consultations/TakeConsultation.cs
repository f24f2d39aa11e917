using System.Text.Json.Serialization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Consultations;

/// <summary>
/// An expert of the consultation's pool takes the question (接诊), so that her colleagues see it is in hand; only she
/// answers it then. Anyone else who sees it: 403; taken already: 409 naming the state.
/// </summary>
public static class TakeConsultation
{
    public sealed record Command : ICommand<ConsultationView>, IAudited<ConsultationView>
    {
        [JsonIgnore]
        public Guid ConsultationId { get; init; }

        public AuditEntry Audit(ConsultationView response) => new(AuditAction.Update, "consultation", ConsultationId.ToString(), $"TakeConsultation pregnancy={response.PregnancyId}");
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (consultation, pool) = await db.LockConsultationAsync(command.ConsultationId, cancellationToken);
            var me = user.User ?? throw new ForbiddenException(Localization.Messages.ConsultationPoolMembersOnly);
            consultation.Take((me.Id, me.DisplayName), pool, clock.Now);
            return ConsultationView.Of(consultation, pool, me.Id, null);
        }
    }
}
