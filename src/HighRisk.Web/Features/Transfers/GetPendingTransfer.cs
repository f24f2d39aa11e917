using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// Whether her record has a transfer waiting for its answer, and where to: her record says "转出待接收" (the lists say it
/// through <see cref="PendingTransfers"/>). Nothing for a pregnancy the user does not see.
/// </summary>
public static class GetPendingTransfer
{
    public sealed record Query(Guid PregnancyId) : IQuery<Response>;

    /// <param name="ToTownshipName">Null when nothing waits (or the township is unknown: see <paramref name="Pending"/>).</param>
    public sealed record Response(bool Pending, TransferKind? Kind, string? ToTownshipName);

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var pending = await db.Transfers.AsNoTracking()
                .Where(t => t.PregnancyId == query.PregnancyId && t.Status == TransferStatus.Requested && db.Pregnancies.Any(p => p.Id == t.PregnancyId))
                .Select(t => new { t.Kind, t.ToDivisionCode })
                .SingleOrDefaultAsync(cancellationToken);
            if (pending is null)
            {
                return new Response(false, null, null);
            }

            var township = pending.ToDivisionCode[..9];
            var name = await db.Divisions.Where(d => d.Code == township).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
            return new Response(true, pending.Kind, name);
        }
    }
}
