using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Accounts;

public static class ListUsers
{
    public sealed record Query(string? Division) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string UserName, string DisplayName, StaffRole Role, string DivisionCode, string? FacilityCode, string? Mobile, string? Email, bool Disabled)
    {
        public static Item Of(StaffUser u) => new(u.Id, u.UserName!, u.DisplayName, u.Role, u.DivisionCode, u.FacilityCode, u.PhoneNumber, u.Email, u.Disabled);
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrEmpty(query.Division))
            {
                users = users.Where(u => u.DivisionCode.StartsWith(query.Division));
            }

            var rows = await users.OrderBy(u => u.UserName).Take(1000).ToListAsync(cancellationToken);
            return rows.ConvertAll(Item.Of);
        }
    }
}
