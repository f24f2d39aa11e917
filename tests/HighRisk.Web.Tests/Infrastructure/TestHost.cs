using HighRisk.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HighRisk.Web.Tests;

/// <summary>
/// One service for the whole test run (Hangfire keeps process-wide state, so one host per process): a throw-away
/// PostgreSQL cluster, the real service on Kestrel at a free loopback port, and a clock the tests control.
/// </summary>
[SetUpFixture]
public sealed class TestHost
{
    private static LocalPostgres? _postgres;
    private static WebApplicationFactory<Program>? _factory;

    public static HttpClient Client { get; private set; } = null!;

    public static Infrastructure.TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));

    public static NpgsqlDataSource Database { get; private set; } = null!;

    public static Uri BaseAddress => Client.BaseAddress!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}"), "highrisk_test", throwAway: true);
        Database = NpgsqlDataSource.Create(_postgres.ConnectionString);

        // Program reads its configuration when it builds; an environment variable is there from the first line.
        Environment.SetEnvironmentVariable("ConnectionStrings__HighRisk", _postgres.ConnectionString);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseUrls("http://127.0.0.1:0");
            host.UseEnvironment("Testing");
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.StopAsync();
        }
    }

    /// <summary>Runs a scalar SQL query against the service's database.</summary>
    public static async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
