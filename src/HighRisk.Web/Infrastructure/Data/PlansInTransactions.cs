using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HighRisk.Infrastructure.Data;

/// <summary>
/// Where a prepared statement may reuse one plan for every value (<see cref="Startup.WithPreparedStatements"/>): inside
/// a transaction, that is in a command, whose statements find their rows by id, lock them and write them. Outside one —
/// the lists and look-ups, filtered by area prefixes such as <c>division_code LIKE $1</c> — the sessions plan each run for
/// its values (<c>plan_cache_mode = force_custom_plan</c>): a generic plan cannot use a prefix index, and the county's
/// pregnancy list, planned once for any prefix, read the whole table (24 requests/s, p50 164 ms, at 1,000,000 pregnancies).
/// </summary>
public sealed class PlansInTransactions : DbTransactionInterceptor
{
    public static readonly PlansInTransactions Instance = new();

    private const string ReusePlans = "SET LOCAL plan_cache_mode = auto";

    // Sent through the unit of work, so that it is logged and counted like any statement (one round trip, with the BEGIN).
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        eventData.Context!.Database.ExecuteSqlRaw(ReusePlans);
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await eventData.Context!.Database.ExecuteSqlRawAsync(ReusePlans, cancellationToken);
        return result;
    }
}
