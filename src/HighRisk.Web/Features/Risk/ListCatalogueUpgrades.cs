using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Risk;

/// <summary>The catalogue upgrade runs, newest first: how many open pregnancies each re-graded and how many changed.</summary>
public static class ListCatalogueUpgrades
{
    public sealed record Query : IQuery<IReadOnlyList<CatalogueUpgrade>>;

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<CatalogueUpgrade>>
    {
        public async ValueTask<IReadOnlyList<CatalogueUpgrade>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.CatalogueUpgrades.AsNoTracking().OrderByDescending(u => u.StartedAt).Take(50).ToListAsync(cancellationToken);
    }
}
