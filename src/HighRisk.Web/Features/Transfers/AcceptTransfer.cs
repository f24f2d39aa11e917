using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Divisions;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// 转入: the deciding side accepts. Her pregnancy moves to the new division with its whole record; the facility and
/// health worker who follow her up are the ones given, else the requesting health worker's (a request) or the accepting
/// one's (a transfer out), else the township's health centre. Her line on the daily lists moves the next morning.
/// </summary>
public static class AcceptTransfer
{
    public sealed record Command : ICommand<TransferView>, IAudited<TransferView>
    {
        [JsonIgnore]
        public Guid TransferId { get; init; }

        public string? FacilityCode { get; init; }

        public string? HealthWorker { get; init; }

        public string? Address { get; init; }

        public AuditEntry Audit(TransferView response) => new(AuditAction.Update, "transfer", TransferId.ToString(), $"AcceptTransfer {response.PregnancyId}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db, KnownFacilities facilities)
        {
            RuleFor(c => c.FacilityCode).MaximumLength(32).MustAsync(facilities.Exist(db)).WithError(Messages.FacilityUnknown)
                .When(c => c.FacilityCode is not null);
            RuleFor(c => c.HealthWorker).MaximumLength(50);
            RuleFor(c => c.Address).MaximumLength(200);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, FollowUpPolicy policy) : ICommandHandler<Command, TransferView>
    {
        public async ValueTask<TransferView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (transfer, pregnancy) = await db.LockTransferAsync(user, command.TransferId, cancellationToken);
            var me = user.User;
            var requester = transfer.Kind == TransferKind.Request;
            var facility = command.FacilityCode ?? transfer.ToFacilityCode ?? (requester ? null : user.FacilityCode) ?? await HealthCentreAsync(transfer.ToTownshipCode, cancellationToken)
                ?? throw new ValidationException([Messages.FacilityUnknown.At("facilityCode")]);
            var worker = command.HealthWorker?.Trim() is { Length: > 0 } given ? given : requester ? transfer.RequestedBy : me?.DisplayName ?? user.Name;
            var responsible = requester ? transfer.RequestedById : me?.Role == StaffRole.HealthWorker ? me.Id : null;
            transfer.Accept(me?.DisplayName ?? user.Name, clock.Now);
            pregnancy.MoveTo(transfer.ToDivisionCode, facility, worker, responsible, command.Address, policy, clock.Today);
            var names = await db.Divisions.Where(d => d.Code == transfer.FromDivisionCode.Substring(0, 9) || d.Code == transfer.ToTownshipCode)
                .ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
            var woman = await db.Women.Where(w => w.Id == pregnancy.WomanId).Select(w => new { w.FullName, w.ResidentIdMasked }).SingleAsync(cancellationToken);
            return TransferView.Of(transfer, (woman.FullName, woman.ResidentIdMasked), names, canDecide: false, seesHer: true,
                opensRecord: user.CanSee(pregnancy.DivisionCode, pregnancy.FacilityCode));
        }

        /// <summary>The township's own health centre (乡镇卫生院 or 社区卫生服务中心), when nobody names a facility.</summary>
        private Task<string?> HealthCentreAsync(string township, CancellationToken ct) =>
            db.Facilities.Where(f => f.DivisionCode == township && (f.Kind == FacilityKind.TownshipHealthCentre || f.Kind == FacilityKind.CommunityHealthCentre))
                .OrderBy(f => f.Code).Select(f => f.Code).FirstOrDefaultAsync(ct);
    }
}
