using Hangfire;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure;

/// <summary>What happens between building the host and serving: database, migrations, reference data, demo data.</summary>
public static class Startup
{
    /// <summary>
    /// With no connection string configured, the service runs on a private PostgreSQL cluster under the checkout's
    /// .data folder (started here, kept between runs, stopped when the service stops). Either way the connection string
    /// is given <see cref="WithoutParallelPlans"/> and <see cref="WithPreparedStatements"/>.
    /// </summary>
    public static async Task<LocalPostgres?> EnsureDatabaseAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("HighRisk");
        LocalPostgres? cluster = null;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var dataDir = builder.Configuration["LocalPostgres:DataDirectory"] ?? Path.Combine(DataFolder(builder), "postgres");
            cluster = await LocalPostgres.StartAsync(dataDir, "highrisk", throwAway: false);
            configured = cluster.ConnectionString;
        }

        builder.Configuration["ConnectionStrings:HighRisk"] = WithPreparedStatements(WithoutParallelPlans(configured));
        return cluster;
    }

    /// <summary>
    /// Every query the service sends is a short one for one request (the daily job's statements are writes, which
    /// PostgreSQL 15 does not run in parallel). A parallel plan starts two worker processes per query: on a small
    /// machine under concurrent requests that costs far more than it saves (measured: the county's first page went
    /// from about 1 to 16 ms of PostgreSQL CPU when the planner switched to one). An operator's own setting wins.
    /// </summary>
    public static string WithoutParallelPlans(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("max_parallel_workers_per_gather", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c max_parallel_workers_per_gather=0".Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Statements the service sends again and again are prepared on each pooled connection (Npgsql's automatic
    /// preparation, from a statement's second use), so PostgreSQL parses and plans them once, not on every request: the
    /// statements of recording an exam ran three times as fast prepared (850–915 against 270–315 transactions/s, pgbench on
    /// the 1,000,000-pregnancy benchmark database), mostly because PostgreSQL then reuses one generic plan. That is allowed
    /// only inside transactions (<see cref="Data.PlansInTransactions"/>); elsewhere each run is planned for its values
    /// (<c>plan_cache_mode = force_custom_plan</c>), since a generic plan cannot use a prefix index. An operator's own
    /// settings win.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword exists, not whether it was given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The service's own sessions (EF Core's, not Hangfire's) go back to the pool without Npgsql's reset (<c>No Reset On
    /// Close</c>): the reset is seven statements (<c>RESET ALL</c>, <c>UNLISTEN *</c>, <c>DISCARD TEMP</c>, …) run before
    /// the next use, and a list that sends nine queries opens and closes its connection nine times. On the township's
    /// overdue list at 1,000,000 pregnancies that was about a quarter of PostgreSQL's CPU per request (docs/benchmarks.md,
    /// session 16). Nothing the service sends changes its session beyond a transaction: settings are <c>SET LOCAL</c>,
    /// advisory locks are <c>pg_advisory_xact_lock</c>, there are no temporary tables and no <c>LISTEN</c> (Hangfire's
    /// long polling listens, on its own connection string, which keeps the reset). Keep it that way. An operator's own
    /// setting wins.
    /// </summary>
    public static string WithoutSessionReset(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("No Reset On Close") || given.ContainsKey("NoResetOnClose"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }

    /// <summary>Applies the migrations, loads the reference data and creates the first administrator (and demo users).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HighRiskDb>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(SeedsFolder(app.Configuration), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Features.Accounts.AccountSeeder>().SeedAsync(app.Configuration, app.Configuration.GetValue("Demo:Enabled", false));
    }

    /// <summary>A new catalogue version re-grades the open pregnancies graded with another one, in the background.</summary>
    public static void QueueCatalogueUpgradeIfNeeded(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var current = RegradeBatch.CurrentVersion(scope.ServiceProvider.GetRequiredService<RiskCatalogue>());
        if (db.Pregnancies.Any(p => p.Status == PregnancyStatus.Open && p.CatalogueVersion != current))
        {
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Enqueue<CatalogueUpgradeJob>(job => job.RunAsync(CancellationToken.None));
        }
    }

    /// <summary>seeds/ beside the binaries (copied at build) unless configured.</summary>
    public static string SeedsFolder(IConfiguration configuration) =>
        configuration["Seeds:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string CatalogueFile(IConfiguration configuration) =>
        configuration["Risk:CatalogueFile"] ?? Path.Combine(SeedsFolder(configuration), "catalogue", "cn-2017.json");

    /// <summary>The local data folder: .data in the checkout (the private database, the data protection keys).</summary>
    public static string DataFolder(WebApplicationBuilder builder) =>
        builder.Configuration["DataFolder"] ?? Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data");

    private static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HighRisk.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    public static FollowUpPolicy LoadFollowUpPolicy(IConfiguration configuration)
    {
        var file = configuration["FollowUp:PolicyFile"] ?? Path.Combine(SeedsFolder(configuration), "policy", "follow-up-policy.json");
        return FollowUpPolicy.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    public static Features.Cases.CasePolicy LoadCasePolicy(IConfiguration configuration)
    {
        var file = configuration["Cases:PolicyFile"] ?? Path.Combine(SeedsFolder(configuration), "policy", "case-management.json");
        return Features.Cases.CasePolicy.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    public static Features.Referrals.ReferralPolicy LoadReferralPolicy(IConfiguration configuration)
    {
        var file = configuration["Referrals:PolicyFile"] ?? Path.Combine(SeedsFolder(configuration), "policy", "referrals.json");
        return Features.Referrals.ReferralPolicy.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    public static Features.Transfers.TransferPolicy LoadTransferPolicy(IConfiguration configuration)
    {
        var file = configuration["Transfers:PolicyFile"] ?? Path.Combine(SeedsFolder(configuration), "policy", "transfers.json");
        return Features.Transfers.TransferPolicy.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    public static Features.Consultations.ConsultationPolicy LoadConsultationPolicy(IConfiguration configuration)
    {
        var file = configuration["Consultations:PolicyFile"] ?? Path.Combine(SeedsFolder(configuration), "policy", "consultations.json");
        return Features.Consultations.ConsultationPolicy.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    public static Features.Alerts.SmsTemplates LoadSmsTemplates(IConfiguration configuration)
    {
        var file = configuration["Sms:TemplatesFile"] ?? Path.Combine(SeedsFolder(configuration), "templates", "sms.json");
        return Features.Alerts.SmsTemplates.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }

    /// <summary>Reads and validates the catalogue; a malformed one stops the service with the line at fault.</summary>
    public static RiskCatalogue LoadCatalogue(IConfiguration configuration)
    {
        var file = CatalogueFile(configuration);
        return RiskCatalogue.Parse(File.ReadAllText(file), Path.GetFileName(file));
    }
}
