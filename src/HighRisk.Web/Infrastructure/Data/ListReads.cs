using System.Collections.Concurrent;
using HighRisk.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Data;

/// <summary>
/// Where the lists read: the pregnancy list, the overdue list, the case board and the referral inbox take their
/// <see cref="HighRiskDb"/> as <c>[FromKeyedServices(ListReads.Key)]</c>. With <c>ConnectionStrings:ReadOnly</c> set
/// (typically the same hosts as <c>ConnectionStrings:HighRisk</c> with <c>Target Session Attributes=prefer-standby</c>)
/// that is a unit of work of its own on that connection string, in read-only transactions
/// (<c>default_transaction_read_only</c>), so that nothing can be written through it by mistake; the same user's area
/// filters apply. Without it, or inside a request that already has a transaction open, it is the request's own unit of
/// work on the primary. Whatever a list writes (its audit line) goes through the request's unit of work, to the
/// primary. A standby may be behind the primary: see docs/operations.md, "Failover".
/// </summary>
public static class ListReads
{
    public const string Key = "lists";

    public static IServiceCollection AddListReads(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("ReadOnly");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return services.AddKeyedScoped(Key, (provider, _) => provider.GetRequiredService<HighRiskDb>());
        }

        var connectionString = ReadOnlyTransactions(Startup.WithPreparedStatements(Startup.WithoutParallelPlans(configured)));
        return services.AddKeyedScoped(Key, (provider, _) =>
        {
            var primary = provider.GetRequiredService<HighRiskDb>();
            if (primary.Database.CurrentTransaction is not null)
            {
                return primary;   // a list inside a command reads what the command has written so far
            }

            var options = new DbContextOptionsBuilder<HighRiskDb>().UseApplicationServiceProvider(provider);
            HighRiskDbOptions.Configure(options, connectionString);
            return new HighRiskDb(options.Options, provider.GetRequiredService<CurrentUser>());
        });
    }

    /// <summary>Every transaction on the connection is read-only unless the operator's connection string says otherwise.</summary>
    public static string ReadOnlyTransactions(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("default_transaction_read_only", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        }

        return builder.ConnectionString;
    }
}

/// <summary>The one configuration of <see cref="HighRiskDb"/>, for the request's unit of work and the lists' reads alike.</summary>
public static class HighRiskDbOptions
{
    // Built once per connection string (the primary's and the read-only one), not on every request's unit of work.
    private static readonly ConcurrentDictionary<string, string> SessionStrings = new(StringComparer.Ordinal);

    public static void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(
                connectionString is null ? null : SessionStrings.GetOrAdd(connectionString, Startup.WithoutSessionReset),
                npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(PlansInTransactions.Instance)
            .LogFailuresOnce();
}
