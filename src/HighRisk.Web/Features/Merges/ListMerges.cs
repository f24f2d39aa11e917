using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>The merges, newest first, keyset-paged: for administrators to review and, within 30 days, undo.</summary>
public static class ListMerges
{
    public const int PageSize = 50;

    public sealed record Query(Guid? Cursor) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.List, "merge", null, $"ListMerges rows={response.Items.Count}");
    }

    public sealed record Response(IReadOnlyList<MergeView> Items, Guid? NextCursor);

    public sealed class Handler(HighRiskDb db, Accounts.CurrentUser user, BusinessClock clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            MergeAccess.EnsureAdministrator(user);
            var merges = db.Merges.AsNoTracking();
            if (query.Cursor is { } cursor)
            {
                merges = merges.Where(m => m.Id.CompareTo(cursor) < 0);
            }

            var page = await merges.OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            var items = await MergeView.OfAsync(db, page.Take(PageSize).ToList(), clock.Now, cancellationToken);
            return new Response(items, page.Count > PageSize ? page[PageSize - 1].Id : null);
        }
    }
}
