using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Contacts;

public static class ListContacts
{
    public sealed record Query(string? Division) : IQuery<IReadOnlyList<DivisionContact>>;

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<DivisionContact>>
    {
        public async ValueTask<IReadOnlyList<DivisionContact>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DivisionContacts.AsNoTracking()
                .Where(c => query.Division == null || c.DivisionCode.StartsWith(query.Division))
                .OrderBy(c => c.DivisionCode).ThenBy(c => c.Role).ThenBy(c => c.Name)
                .Take(2000)
                .ToListAsync(cancellationToken);
    }
}
