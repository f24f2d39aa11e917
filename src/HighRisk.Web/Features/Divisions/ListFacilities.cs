using FluentValidation;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Divisions;

/// <summary>Facilities serving divisions under a division-code prefix.</summary>
public static class ListFacilities
{
    public sealed record Query(string? Division) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(string Code, string Name, FacilityKind Kind, int Level, string DivisionCode, bool Midwifery, bool CriticalCareCentre);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Division).NotEmpty().Matches("^[0-9]{2,12}$").WithError(Messages.FacilityDivisionFormat);
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Facilities.AsNoTracking()
                .Where(f => f.DivisionCode.StartsWith(query.Division!))
                .OrderBy(f => f.Code)
                .Take(500)
                .Select(f => new Item(f.Code, f.Name, f.Kind, f.Level, f.DivisionCode, f.Midwifery, f.CriticalCareCentre))
                .ToListAsync(cancellationToken);
    }
}
