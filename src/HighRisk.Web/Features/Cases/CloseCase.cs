using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>
/// 动态监管: county staff close a case with a reason, say after she came down to yellow and stayed there. Coming down does
/// not close it by itself; the end of her episode does (<see cref="EndCaseWithEpisode"/>).
/// </summary>
public static class CloseCase
{
    public sealed record Command : ICommand<CaseState>, IAudited<CaseState>
    {
        [JsonIgnore]
        public Guid CaseId { get; init; }

        public string? Reason { get; init; }

        public AuditEntry Audit(CaseState response) => new(AuditAction.Update, "case", CaseId.ToString(), "CloseCase");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, CaseState>
    {
        public async ValueTask<CaseState> Handle(Command command, CancellationToken cancellationToken)
        {
            var managed = await db.LockCaseAsync(command.CaseId, user, cancellationToken);
            managed.Close(command.Reason!.Trim(), user.Name, clock.Now, clock.Today);
            return CaseState.Of(managed);
        }
    }
}
