using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// 申请转入: a booking answered 409 because another area holds her open pregnancy; the township she now lives in asks for
/// her by resident ID. The holding township accepts or declines. Nothing of the other area's record — not even whether
/// it exists beyond the booking's 409 — is given back before acceptance: the answer is the request's id only.
/// </summary>
public static class RequestTransfer
{
    public sealed record Command(string? ResidentId, string? Reason, string? ToDivisionCode) : ICommand<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Create, "transfer", response.TransferId.ToString(), $"RequestTransfer to {ToDivisionCode}");
    }

    public sealed record Response(Guid TransferId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BusinessClock clock, HighRiskDb db, CurrentUser user)
        {
            var today = clock.Today;
            RuleFor(c => c.ResidentId).Custom((value, context) =>
            {
                if (Pregnancies.ResidentId.Problem(value, today) is { } problem)
                {
                    context.AddFailure(problem.At(context.PropertyPath));
                }
            });
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
            RuleFor(c => Destination(c, user)).NotEmpty().WithError(Messages.TransferRequestDivision)
                .Matches("^([0-9]{9}|[0-9]{12})$").WithError(Messages.TransferDivision)
                .Must(code => user.DivisionPrefix is not { } prefix || code!.StartsWith(prefix, StringComparison.Ordinal)).WithError(Messages.TransferRequestDivision)
                .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.TransferDivision)
                .OverridePropertyName("toDivisionCode");
        }
    }

    /// <summary>Where she is to come: the division given, else the user's own township (a township's staff, or a health worker's facility's).</summary>
    public static string? Destination(Command command, CurrentUser user) =>
        command.ToDivisionCode ?? (user.DivisionPrefix is { Length: >= 9 } own ? own : null);

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, PersonalData personalData, TransferPolicy policy) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = personalData.Hash(Pregnancies.ResidentId.Normalize(command.ResidentId!));
            var held = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Woman.ResidentIdHash == hash && p.Status == PregnancyStatus.Open)
                .Select(p => new { p.Id, p.DivisionCode, p.FacilityCode, p.TownshipCode })
                .SingleOrDefaultAsync(cancellationToken);
            var destination = Destination(command, user)!;
            if (held is null || user.CanSee(held.DivisionCode, held.FacilityCode) || held.TownshipCode == destination[..9])
            {
                throw new NotFoundException(Messages.TransferNothingToRequest.ApiText());
            }

            await TransferPregnancy.EnsureNonePendingAsync(db, held.Id, cancellationToken);
            var transfer = Transfer.Start(
                new Transfer
                {
                    Id = Guid.CreateVersion7(clock.Now), PregnancyId = held.Id, Kind = TransferKind.Request, FromDivisionCode = held.DivisionCode,
                    FromFacilityCode = held.FacilityCode, ToDivisionCode = destination, ToFacilityCode = user.FacilityCode, Reason = command.Reason!.Trim(),
                    RequestedBy = user.User?.DisplayName ?? user.Name, RequestedById = user.User?.Id, RequestedAt = clock.Now,
                },
                policy.EscalateAfterDays);
            await TransferPregnancy.AddAsync(db, transfer, cancellationToken);
            return new Response(transfer.Id);
        }
    }
}
