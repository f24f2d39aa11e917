using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>The deciding side declines, with a reason; she stays where she is.</summary>
public static class DeclineTransfer
{
    public sealed record Command : ICommand<TransferView>, IAudited<TransferView>
    {
        [JsonIgnore]
        public Guid TransferId { get; init; }

        public string? Reason { get; init; }

        public AuditEntry Audit(TransferView response) => new(AuditAction.Update, "transfer", TransferId.ToString(), "DeclineTransfer");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, TransferView>
    {
        public async ValueTask<TransferView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (transfer, pregnancy) = await db.LockTransferAsync(user, command.TransferId, cancellationToken);
            transfer.Decline(command.Reason!.Trim(), user.User?.DisplayName ?? user.Name, clock.Now);
            var names = await db.Divisions.Where(d => d.Code == transfer.FromDivisionCode.Substring(0, 9) || d.Code == transfer.ToTownshipCode)
                .ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
            var woman = await db.Women.Where(w => w.Id == pregnancy.WomanId).Select(w => new { w.FullName, w.ResidentIdMasked }).SingleAsync(cancellationToken);
            var seesRecord = user.CanSee(pregnancy.DivisionCode, pregnancy.FacilityCode);
            return TransferView.Of(transfer, (woman.FullName, woman.ResidentIdMasked), names, canDecide: false, TransferView.SeesHer(transfer, seesRecord), seesRecord);
        }
    }
}
