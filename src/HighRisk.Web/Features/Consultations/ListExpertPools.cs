using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>The expert pools, by division and specialty; with a division, those that answer for it or lie within it.</summary>
public static class ListExpertPools
{
    public sealed record Query(string? Division) : IQuery<IReadOnlyList<ExpertPoolView>>;

    public sealed class Handler(HighRiskDb db, Divisions.DivisionNames divisions) : IQueryHandler<Query, IReadOnlyList<ExpertPoolView>>
    {
        public async ValueTask<IReadOnlyList<ExpertPoolView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var division = query.Division ?? string.Empty;
            var pools = await db.ExpertPools.AsNoTracking()
                .Where(p => p.DivisionCode.StartsWith(division) || division.StartsWith(p.DivisionCode))
                .OrderBy(p => p.DivisionCode).ThenBy(p => p.Specialty).ThenBy(p => p.Name)
                .Take(1000)
                .ToListAsync(cancellationToken);
            return await ExpertPoolView.ShapeAsync(db, divisions, pools, cancellationToken);
        }
    }
}
