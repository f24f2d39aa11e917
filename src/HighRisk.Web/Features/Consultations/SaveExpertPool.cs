using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// An administrator creates (no id) or replaces (with id) an expert pool: a name, a specialty, the city or county it
/// answers for, and its members. One pool per specialty and division, so that a question finds one pool. Each member
/// must be an enabled staff account whose area holds the pool's division (she sees its women through the area filter).
/// Open consultations stay with their pool; a changed membership applies to them at once.
/// </summary>
public static class SaveExpertPool
{
    public const int MaxMembers = 50;

    public sealed record Command : ICommand<ExpertPoolView>, IAudited<ExpertPoolView>
    {
        [JsonIgnore]
        public Guid? Id { get; init; }

        public string? Name { get; init; }

        public Specialty? Specialty { get; init; }

        /// <summary>A city (4 digits) or county (6 digits) code.</summary>
        public string? DivisionCode { get; init; }

        /// <summary>Staff account ids.</summary>
        public IReadOnlyList<Guid>? MemberIds { get; init; }

        public AuditEntry Audit(ExpertPoolView response) =>
            new(Id is null ? AuditAction.Create : AuditAction.Update, "expert-pool", response.Id.ToString(),
                $"SaveExpertPool {Specialty} {DivisionCode} members={MemberIds?.Count}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db)
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Specialty).NotNull().IsInEnum();
            RuleFor(c => c.DivisionCode).NotEmpty().Matches("^[0-9]{4}([0-9]{2})?$").WithError(Messages.ExpertPoolDivision)
                .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.DivisionUnknown)
                .MustAsync((c, code, ct) => db.ExpertPools.AllAsync(p => p.Id == c.Id || p.Specialty != c.Specialty || p.DivisionCode != code, ct))
                .WithError(Messages.ExpertPoolDuplicate)
                .DependentRules(() => RuleForEach(c => c.MemberIds)   // each member against a division that exists
                    .MustAsync((c, id, ct) => db.Users.AnyAsync(
                        u => u.Id == id && !u.Disabled && u.Role != StaffRole.Administrator && u.DivisionCode != "" && c.DivisionCode!.StartsWith(u.DivisionCode), ct))
                    .WithError(Messages.ExpertPoolMemberIneligible)
                    .When(c => c.MemberIds is { Count: <= MaxMembers }));
            RuleFor(c => c.MemberIds).NotEmpty()
                .Must(m => m!.Count <= MaxMembers).WithError(Messages.ExpertPoolTooManyMembers, ("Max", MaxMembers))
                .Must(m => m!.Distinct().Count() == m!.Count).WithError(Messages.ExpertPoolMemberRepeated);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, Divisions.DivisionNames divisions) : ICommandHandler<Command, ExpertPoolView>
    {
        public async ValueTask<ExpertPoolView> Handle(Command command, CancellationToken cancellationToken)
        {
            ExpertPool pool;
            if (command.Id is { } id)
            {
                pool = await db.ExpertPools.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("No such expert pool.");
            }
            else
            {
                pool = new ExpertPool { Id = Guid.CreateVersion7(clock.Now) };
                db.ExpertPools.Add(pool);
            }

            pool.Set(command.Name!.Trim(), command.Specialty!.Value, command.DivisionCode!, command.MemberIds!, user.Name, clock.Now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another administrator saved the same specialty and division a moment ago.
                throw new ValidationException([Messages.ExpertPoolDuplicate.At("divisionCode")]);
            }

            return (await ExpertPoolView.ShapeAsync(db, divisions, [pool], cancellationToken))[0];
        }
    }
}
