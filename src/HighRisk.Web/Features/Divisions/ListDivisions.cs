using FluentValidation;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Divisions;

/// <summary>The divisions directly under a parent code (the provinces when no parent is given).</summary>
public static class ListDivisions
{
    public sealed record Query(string? Parent) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(string Code, string Name, DivisionLevel Level, string? ParentCode, bool Synthetic);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Parent).Matches("^[0-9]{2,12}$").WithError(Messages.DivisionParentFormat);
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Divisions.AsNoTracking()
                .Where(d => d.ParentCode == query.Parent)
                .OrderBy(d => d.Code)
                .Select(d => new Item(d.Code, d.Name, d.Level, d.ParentCode, d.Synthetic))
                .ToListAsync(cancellationToken);
    }
}
