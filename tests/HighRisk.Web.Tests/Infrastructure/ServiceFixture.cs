using System.Diagnostics;
using HighRisk.Web.Tests.Infrastructure;
using Npgsql;

namespace HighRisk.Web.Tests;

/// <summary>
/// A fixture with a service of its own: a copy of the template database (<see cref="TestCluster"/>), the real service
/// on it with a clock that starts on <see cref="TestClock.Start"/>, and its test accounts signed in. Nothing another
/// fixture books, sends or does to its clock is seen here. The tests of one fixture share these, in order.
/// Hangfire keeps process-wide state, so fixtures run one at a time: each service stops before the next starts.
/// </summary>
public abstract class ServiceFixture
{
    public const string AdminPassword = ServiceHost.AdminPassword;

    public const string WebhookReceiptSecret = ServiceHost.WebhookReceiptSecret;

    private static ServiceFixture? _running;

    private readonly List<(HttpClient Client, string UserName, string Password)> _signedIn = [];
    private ServiceHost? _service;
    private string? _connectionString;
    private string? _startCost;

    protected ServiceFixture()
    {
        Api = new Api(this);
        Bookings = new Bookings(Clock);
    }

    /// <summary>This fixture's clock; it only moves forward.</summary>
    public TestClock Clock { get; } = new(TestClock.Start);

    public Api Api { get; }

    public Bookings Bookings { get; }

    /// <summary>The default client: a health worker at 楠竹山镇卫生院 (430302101-THC).</summary>
    public HttpClient Client => Clients["worker"];

    /// <summary>Signed-in clients by role (<see cref="TestUsers.All"/>) and "admin".</summary>
    public IReadOnlyDictionary<string, HttpClient> Clients { get; private set; } = new Dictionary<string, HttpClient>();

    public HttpClient Admin => Clients["admin"];

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>This fixture's database, for reading what the service wrote.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    public Uri BaseAddress => Anonymous.BaseAddress!;

    public IServiceProvider Services => Service.Services;

    /// <summary>Every line this fixture's service has logged.</summary>
    public IReadOnlyList<string> LogLines => [.. Service.Logs.Lines];

    private ServiceHost Service => _service ?? throw new InvalidOperationException($"{GetType().Name}'s service is not running.");

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        Assert.That(_running, Is.Null, $"{_running?.GetType().Name}'s service is still running: fixtures must run one at a time (Hangfire keeps process-wide state), so none may be [Parallelizable]");
        _running = this;
        try
        {
            var watch = Stopwatch.StartNew();
            _connectionString = await TestCluster.CloneTemplateAsync(GetType().Name);
            var cloned = watch.ElapsedMilliseconds;
            Database = NpgsqlDataSource.Create(_connectionString);
            _service = ServiceHost.Start(_connectionString, Clock);
            var started = watch.ElapsedMilliseconds;
            Anonymous = _service.CreateClient();
            Clients = TestCluster.AccessTokens.ToDictionary(account => account.Key, account => SignedIn(account.Key, account.Value));
            _startCost = $"database cloned in {cloned} ms, service started in {started - cloned} ms";
        }
        catch
        {
            await StopServiceAsync();
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        var watch = Stopwatch.StartNew();
        foreach (var (client, _, _) in _signedIn)
        {
            client.Dispose();
        }

        _signedIn.Clear();
        Anonymous?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
            _service = null;
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await TestCluster.DropAsync(_connectionString);
            _connectionString = null;
        }

        _running = null;
        if (_startCost is not null)
        {
            await TestContext.Progress.WriteLineAsync($"{GetType().Name}'s own service: {_startCost}, stopped and dropped in {watch.ElapsedMilliseconds} ms");
            _startCost = null;
        }
    }

    /// <summary>A new signed-in user of the given role and division, for a test that works in its own area.</summary>
    public async Task<HttpClient> NewUserAsync(string role, string division)
    {
        var userName = $"{role}-{division}-{Guid.NewGuid():N}"[..40];
        await TestUsers.CreateAsync(Admin, userName, role, division);
        return await SignInAsync(userName, TestUsers.Password);
    }

    /// <summary>Moves the business date forward (never back) and signs everyone in again.</summary>
    public async Task TravelToAsync(DateOnly day)
    {
        Assert.That(day, Is.GreaterThanOrEqualTo(Clock.Today), "the test clock only moves forward");
        Clock.SetToday(day);
        await SignInAgainAsync();
    }

    /// <summary>Moves the clock forward by a span and signs everyone in again.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await SignInAgainAsync();
    }

    /// <summary>Waits (at most 30 s) until a SQL condition holds, for work done by Hangfire jobs.</summary>
    public async Task<bool> EventuallyAsync(string sql, params object[] parameters)
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

    /// <summary>Runs a scalar SQL query against this fixture's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = await TestUsers.SignInAsync(Service, userName, password);
        _signedIn.Add((client, userName, password));
        return client;
    }

    /// <summary>A client of this fixture's service carrying a test account's token from <see cref="TestCluster.AccessTokens"/>.</summary>
    private HttpClient SignedIn(string key, string accessToken)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        _signedIn.Add((client, TestUsers.UserName(key), key == "admin" ? AdminPassword : TestUsers.Password));
        return client;
    }

    /// <summary>After the clock jumps ahead the old tokens have expired: every client signs in again.</summary>
    private async Task SignInAgainAsync()
    {
        foreach (var (client, userName, password) in _signedIn)
        {
            await TestUsers.SignInAgainAsync(client, userName, password);
        }
    }
}
