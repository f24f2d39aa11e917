using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// 市县专家分片包干: an administrator gives an area (a division-code prefix) its case manager, an active county or city MCH
/// staff account whose own area holds it. New cases there take her; cases already open keep theirs (reassign them on the case).
/// </summary>
public static class SaveCaseArea
{
    public sealed record Command : ICommand<CaseAreaView>, IAudited<CaseAreaView>
    {
        [JsonIgnore]
        public string DivisionPrefix { get; init; } = "";

        public Guid? UserId { get; init; }

        public AuditEntry Audit(CaseAreaView response) => new(AuditAction.Update, "case-area", DivisionPrefix, $"SaveCaseArea manager={UserId}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(HighRiskDb db)
        {
            RuleFor(c => c.DivisionPrefix).Matches("^[0-9]{2,12}$").WithError(Messages.PregnancyListDivision)
                .MustAsync((code, ct) => db.Divisions.AnyAsync(d => d.Code == code, ct)).WithError(Messages.DivisionUnknown);
            RuleFor(c => c.UserId).NotNull();
        }
    }

    public sealed class Handler(HighRiskDb db, CaseLookups lookups, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, CaseAreaView>
    {
        public async ValueTask<CaseAreaView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await lookups.CanManageAsync(command.UserId!.Value, command.DivisionPrefix, cancellationToken))
            {
                throw new ValidationException([Messages.ManagerUnknown.At("userId")]);
            }

            var area = await db.CaseAreas.SingleOrDefaultAsync(a => a.DivisionPrefix == command.DivisionPrefix, cancellationToken);
            if (area is null)
            {
                area = new CaseArea { DivisionPrefix = command.DivisionPrefix, UpdatedBy = user.Name };
                db.CaseAreas.Add(area);
            }

            area.ManagerId = command.UserId.Value;
            area.UpdatedBy = user.Name;
            area.UpdatedAt = clock.Now;
            var name = await db.Users.Where(u => u.Id == area.ManagerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            return new CaseAreaView(area.DivisionPrefix, area.ManagerId, name, area.UpdatedBy, area.UpdatedAt);
        }
    }
}

public sealed record CaseAreaView(string DivisionPrefix, Guid ManagerId, string ManagerName, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>The area table (市县专家分片包干), by division prefix.</summary>
public static class ListCaseAreas
{
    public sealed record Query : IQuery<IReadOnlyList<CaseAreaView>>;

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<CaseAreaView>>
    {
        public async ValueTask<IReadOnlyList<CaseAreaView>> Handle(Query query, CancellationToken cancellationToken) =>
            await (from a in db.CaseAreas.AsNoTracking()
                   join u in db.Users.AsNoTracking() on a.ManagerId equals u.Id
                   orderby a.DivisionPrefix
                   select new CaseAreaView(a.DivisionPrefix, a.ManagerId, u.DisplayName, a.UpdatedBy, a.UpdatedAt))
                .ToListAsync(cancellationToken);
    }
}
