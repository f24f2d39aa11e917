using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>Staff acknowledge an alert with the action they took; an unacknowledged red alert is escalated after 24 hours.</summary>
public static class AcknowledgeAlert
{
    public sealed record Command : ICommand<AlertView>, IAudited<AlertView>
    {
        [JsonIgnore]
        public Guid AlertId { get; init; }

        /// <summary>What was done, e.g. 已电话联系，明日转诊市妇幼保健院.</summary>
        public string? Action { get; init; }

        public AuditEntry Audit(AlertView response) => new(AuditAction.Update, "alert", AlertId.ToString(), $"AcknowledgeAlert pregnancy={response.PregnancyId}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Action).NotEmpty().WithError(Messages.ActionRequired).MaximumLength(500);
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, AlertView>
    {
        public async ValueTask<AlertView> Handle(Command command, CancellationToken cancellationToken)
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == command.AlertId, cancellationToken)
                ?? throw new NotFoundException("No such alert.");
            alert.Acknowledge(user.Name, command.Action!.Trim(), clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            var messages = await db.SmsMessages.AsNoTracking().Where(m => m.AlertId == alert.Id).ToListAsync(cancellationToken);
            return AlertView.Of(alert, messages);
        }
    }
}
