using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// 专人专案: whom a case may be handed to — the active county or city MCH staff accounts whose area holds her division
/// (<see cref="CaseLookups.ManagersOf"/>, the rule <see cref="AssignManager"/> checks), the county's first.
/// The case is read through the area filter, so nobody learns the accounts of an area she does not see.
/// </summary>
public static class ListCaseManagers
{
    public sealed record Query(Guid CaseId) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, StaffRole Role, string DivisionCode);

    public sealed class Handler(HighRiskDb db, CaseLookups lookups) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var division = await db.Cases.AsNoTracking().Where(c => c.Id == query.CaseId).Select(c => c.DivisionCode).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("No such case.");
            return await lookups.ManagersOf(division)
                .OrderByDescending(u => u.DivisionCode.Length)
                .ThenBy(u => u.DisplayName)
                .Select(u => new Item(u.Id, u.DisplayName, u.Role, u.DivisionCode))
                .ToListAsync(cancellationToken);
        }
    }
}
