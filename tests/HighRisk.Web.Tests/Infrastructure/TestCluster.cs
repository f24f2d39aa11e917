using System.Diagnostics;
using System.Text.RegularExpressions;
using HighRisk.Infrastructure;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;
using Npgsql;

namespace HighRisk.Web.Tests;

/// <summary>
/// What the whole run shares: a throw-away PostgreSQL cluster; a template database, made by the service at its start
/// (migrations, reference data, the administrator, the first morning's lists) with the test accounts added
/// (<see cref="TestUsers"/>); the fake SMS gateway; the data folder with the data protection keys. Each
/// <see cref="ServiceFixture"/> copies the template into a database of its own (<c>CREATE DATABASE … TEMPLATE</c>, a
/// file copy) and starts its own service on it.
/// </summary>
[SetUpFixture]
public sealed partial class TestCluster
{
    private const string Template = "highrisk_template";

    private static LocalPostgres? _postgres;
    private static NpgsqlDataSource? _maintenance;
    private static int _clones;

    public static string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}-data");

    /// <summary>
    /// Access tokens of the test accounts by key ("admin" and <see cref="TestUsers.All"/>), issued at
    /// <see cref="TestClock.Start"/> by the service that made the template. Every copy has the same accounts and every
    /// service the same data protection keys, so they let a fixture's clients in at once, without a sign-in each.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AccessTokens { get; private set; } = new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var watch = Stopwatch.StartNew();
        try
        {
            _postgres = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}"), Template, throwAway: true);
            _maintenance = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            FakeSmsGateway.StartShared();

            // The service migrates, seeds and creates the administrator at its start, and makes the first morning's
            // overdue lists (its start-up catch-up, through Hangfire). Every copy starts from there, with nothing to catch up.
            await using (var service = ServiceHost.Start(_postgres.ConnectionString, new TestClock(TestClock.Start)))
            {
                await TestUsers.CreateAllAsync(service);
                AccessTokens = await TestUsers.SignInAllAsync(service);
                await FirstMorningDoneAsync(_postgres.ConnectionString);
            }

            // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template, so nobody may connect again.
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"ALTER DATABASE {Template} ALLOW_CONNECTIONS false");
            await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Template}'");
        }
        catch
        {
            await StopAsync();
            throw;
        }

        await TestContext.Progress.WriteLineAsync($"Test cluster and template database in {watch.ElapsedMilliseconds} ms");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_maintenance is not null)
        {
            await _maintenance.DisposeAsync();
            _maintenance = null;
        }

        if (_postgres is not null)
        {
            await _postgres.StopAsync();
            _postgres = null;
        }

        await FakeSmsGateway.StopSharedAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>A new database, a copy of the template, named after the fixture; returns its connection string.</summary>
    public static async Task<string> CloneTemplateAsync(string fixture)
    {
        var name = $"f{Interlocked.Increment(ref _clones):000}_{NotAName().Replace(fixture.ToLowerInvariant(), "_")}";
        name = name[..Math.Min(name.Length, 63)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        return new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a fixture's database, ending any session still on it.</summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Waits until the start-up catch-up has made the lists of the clock's first day and Hangfire holds no unfinished job.</summary>
    private static async Task FirstMorningDoneAsync(string connectionString)
    {
        await using var template = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await using var done = template.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM daily_overdue_runs WHERE business_date = $1)
               AND NOT EXISTS (SELECT 1 FROM hangfire.job WHERE statename IS DISTINCT FROM 'Succeeded')
            """);
        done.Parameters.Add(new NpgsqlParameter { Value = new TestClock(TestClock.Start).Today });
        for (var waited = Stopwatch.StartNew(); !(bool)(await done.ExecuteScalarAsync())!; await Task.Delay(100))
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the service's start-up catch-up did not finish the first morning in the template");
        }
    }

    /// <summary>A statement on the cluster's maintenance connection (database "postgres"), for tests that act as its operator.</summary>
    public static Task MaintainAsync(string sql) => ExecuteAsync(sql);

    private static async Task ExecuteAsync(string sql)
    {
        await using var command = _maintenance!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAName();
}
