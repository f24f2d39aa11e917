using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>专人专案: hands the case to another manager, an active county or city MCH staff account whose area holds her.</summary>
public static class AssignManager
{
    public sealed record Command : ICommand<CaseState>, IAudited<CaseState>
    {
        [JsonIgnore]
        public Guid CaseId { get; init; }

        public Guid? UserId { get; init; }

        public AuditEntry Audit(CaseState response) => new(AuditAction.Update, "case", CaseId.ToString(), $"AssignManager manager={UserId}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotNull();
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, CaseLookups lookups, BusinessClock clock) : ICommandHandler<Command, CaseState>
    {
        public async ValueTask<CaseState> Handle(Command command, CancellationToken cancellationToken)
        {
            var managed = await db.LockCaseAsync(command.CaseId, user, cancellationToken);
            if (!await lookups.CanManageAsync(command.UserId!.Value, managed.DivisionCode, cancellationToken))
            {
                throw new ValidationException([Messages.ManagerUnknown.At("userId")]);
            }

            managed.AssignManager(command.UserId.Value, clock.Now);
            return CaseState.Of(managed);
        }
    }
}
