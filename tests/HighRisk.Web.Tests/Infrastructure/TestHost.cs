using HighRisk.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    public const string AdminPassword = "admin-Test-2026";

    /// <summary>The default client: a health worker at 楠竹山镇卫生院 (430302101-THC).</summary>
    public static HttpClient Client { get; private set; } = null!;

    /// <summary>Signed-in clients by role, created at start: see <see cref="Infrastructure.TestUsers"/>.</summary>
    public static IReadOnlyDictionary<string, HttpClient> Clients { get; private set; } = new Dictionary<string, HttpClient>();

    public static HttpClient Anonymous { get; private set; } = null!;

    public static HttpClient Admin => Clients["admin"];

    public static Infrastructure.TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));

    public static NpgsqlDataSource Database { get; private set; } = null!;

    public static Uri BaseAddress => Client.BaseAddress!;

    public const string WebhookReceiptSecret = "test-webhook-receipt-secret-of-32-characters-or-more";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}"), "highrisk_test", throwAway: true);
        Database = NpgsqlDataSource.Create(_postgres.ConnectionString);

        // Program reads its configuration when it builds; an environment variable is there from the first line.
        Environment.SetEnvironmentVariable("ConnectionStrings__HighRisk", _postgres.ConnectionString);
        Environment.SetEnvironmentVariable("DataFolder", Path.Combine(Path.GetTempPath(), $"hrt-{Environment.ProcessId}-data"));
        Environment.SetEnvironmentVariable("Seed__AdminPassword", AdminPassword);
        Environment.SetEnvironmentVariable("Security__SignInsPerMinute", "100000");

        // SMS through Alibaba Cloud's protocol to a local fake gateway (tests/HighRisk.Web.Tests/Sms/FakeSmsGateway.cs).
        foreach (var (name, value) in HighRisk.SmsProviders.Tests.FakeSmsGateway.StartShared().AliyunEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        // Delivery receipts from a webhook provider are checked against this secret (SMS itself goes out through the fake Alibaba Cloud).
        Environment.SetEnvironmentVariable("Sms__Webhook__Secret", WebhookReceiptSecret);

        // Recurring jobs would run on the wall clock in the middle of a test; the tests run each job when they mean to.
        foreach (var job in new[] { "DailyOverdueCron", "SmsDeliveryCron", "MailDeliveryCron", "AlertEscalationCron", "AuditRetentionCron" })
        {
            Environment.SetEnvironmentVariable($"Jobs__{job}", "0 0 31 2 *");
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseUrls("http://127.0.0.1:0");
            host.UseEnvironment("Testing");
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            host.ConfigureLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug).AddProvider(new Infrastructure.CapturedLogs()));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        Anonymous = _factory.CreateClient();
        Clients = await Infrastructure.TestUsers.SignInAllAsync(_factory);
        Client = Clients["worker"];
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        Anonymous?.Dispose();
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

        await HighRisk.SmsProviders.Tests.FakeSmsGateway.StopSharedAsync();
        var data = Environment.GetEnvironmentVariable("DataFolder");
        if (data is not null && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    public static IServiceProvider Services => _factory!.Services;

    public static Task<HttpClient> NewUserAsync(string role, string division) => Infrastructure.TestUsers.CreateAsync(_factory!, role, division);

    /// <summary>Moves the business date forward (never back) and signs everyone in again.</summary>
    public static async Task TravelToAsync(DateOnly day)
    {
        Assert.That(day, Is.GreaterThanOrEqualTo(Clock.Today), "the test clock only moves forward");
        Clock.SetToday(day);
        await Infrastructure.TestUsers.RenewAllAsync(Clients);
        await Infrastructure.TestUsers.RenewAllAsync(Infrastructure.TestUsers.Extra);
    }

    /// <summary>Moves the clock forward by a span and signs everyone in again.</summary>
    public static async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Infrastructure.TestUsers.RenewAllAsync(Clients);
        await Infrastructure.TestUsers.RenewAllAsync(Infrastructure.TestUsers.Extra);
    }

    /// <summary>Waits (at most 30 s) until a SQL condition holds, for work done by Hangfire jobs.</summary>
    public static async Task<bool> EventuallyAsync(string sql, params object[] parameters)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await ScalarAsync<bool>(sql, parameters))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
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
