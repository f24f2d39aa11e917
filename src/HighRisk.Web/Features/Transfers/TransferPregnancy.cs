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

namespace HighRisk.Features.Transfers;

/// <summary>
/// 转出: the township that holds her (or a county above it) transfers her to another division anywhere in the deployment,
/// with a reason. The receiving township accepts or declines; until then the sending township stays responsible.
/// </summary>
public static class TransferPregnancy
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        /// <summary>A township (9 digits) or a village under it (12).</summary>
        public string? ToDivisionCode { get; init; }

        public string? Reason { get; init; }

        public AuditEntry Audit(Response response) => new(AuditAction.Create, "pregnancy", PregnancyId.ToString(), $"TransferPregnancy {response.TransferId} to {ToDivisionCode}");
    }

    public sealed record Response(Guid TransferId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db)
        {
            RuleFor(c => c.ToDivisionCode).NotEmpty().Matches("^([0-9]{9}|[0-9]{12})$").WithError(Messages.TransferDivision)
                .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.TransferDivision);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, TransferPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.LockPregnancyAsync(command.PregnancyId, withExams: false, cancellationToken);
            if (!Pregnancy.IsFollowedUp(pregnancy.Status, pregnancy.Outcome, pregnancy.Schedule))
            {
                throw new ConflictException(Messages.PregnancyAlreadyClosed, ("Date", pregnancy.OutcomeDate), ("Outcome", pregnancy.Outcome));
            }

            if (command.ToDivisionCode![..9] == pregnancy.TownshipCode)
            {
                throw new ValidationException([Messages.TransferToSameArea.At("toDivisionCode")]);
            }

            await EnsureNonePendingAsync(db, pregnancy.Id, cancellationToken);
            var transfer = Transfer.Start(
                new Transfer
                {
                    Id = Guid.CreateVersion7(clock.Now), PregnancyId = pregnancy.Id, Kind = TransferKind.Out, FromDivisionCode = pregnancy.DivisionCode,
                    FromFacilityCode = pregnancy.FacilityCode, ToDivisionCode = command.ToDivisionCode, Reason = command.Reason!.Trim(),
                    RequestedBy = user.User?.DisplayName ?? user.Name, RequestedById = user.User?.Id, RequestedAt = clock.Now,
                },
                policy.EscalateAfterDays);
            await AddAsync(db, transfer, cancellationToken);
            return new Response(transfer.Id);
        }
    }

    /// <summary>Saves a new transfer at once: the database's one-pending-transfer index settles two asked at the same moment (409).</summary>
    public static async Task AddAsync(HighRiskDb db, Transfer transfer, CancellationToken ct)
    {
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException(Messages.TransferPending);
        }
    }

    /// <summary>One transfer at a time: a second one while the first waits for its answer is a 409.</summary>
    public static async Task EnsureNonePendingAsync(HighRiskDb db, Guid pregnancyId, CancellationToken ct)
    {
        if (await db.Transfers.IgnoreQueryFilters().AnyAsync(t => t.PregnancyId == pregnancyId && t.Status == TransferStatus.Requested, ct))
        {
            throw new ConflictException(Messages.TransferPending);
        }
    }
}
