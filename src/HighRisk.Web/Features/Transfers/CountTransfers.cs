using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// The home page's transfer counts: the transfers waiting for the user's answer (<see cref="TransferLock.DecidedBy"/>), by
/// the inbox that lists them — transfers out of another area into the user's (转入), and other areas' requests for the
/// user's women (转出). Counts only, no personal data.
/// </summary>
public static class CountTransfers
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(int ToAccept, int RequestsToAnswer);

    public sealed class Handler(HighRiskDb db, CurrentUser user) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var waiting = db.Transfers.AsNoTracking().Where(t => t.Status == TransferStatus.Requested).Where(TransferLock.DecidedBy(user));
            var sent = waiting.Where(t => t.Kind == TransferKind.Out);
            var asked = waiting.Where(t => t.Kind == TransferKind.Request);

            return new Response(await sent.CountAsync(cancellationToken), await asked.CountAsync(cancellationToken));
        }
    }
}
