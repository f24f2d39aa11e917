using System.Diagnostics;
using System.Net.Http.Headers;
using HighRisk.Web.Tests.Infrastructure;
using Npgsql;

namespace HighRisk.Web.Tests;

/// <summary>Whether the tests of a fixture share one service (in order) or each test has one of its own.</summary>
public enum ServiceFor
{
    Fixture,
    EachTest,
}

/// <summary>
/// A fixture with a service of its own: a copy of the template database (<see cref="TestCluster"/>), the real service
/// on it with a clock that starts on <see cref="TestClock.Start"/>, and clients for the test accounts. Nothing another
/// fixture books, sends or does to its clock is seen here. The tests of a fixture share them, in order, unless it asks
/// for <see cref="ServiceFor.EachTest"/> (for tests that read a whole township or count everything).
/// Hangfire keeps process-wide state, so one service runs at a time: each stops before the next starts.
/// </summary>
public abstract class ServiceFixture
{
    public const string AdminPassword = ServiceHost.AdminPassword;

    public const string WebhookReceiptSecret = ServiceHost.WebhookReceiptSecret;

    private static ServiceFixture? _running;

    private readonly ServiceFor _scope;
    private readonly List<(HttpClient Client, string UserName, string Password)> _signedIn = [];
    private ServiceHost? _service;
    private string? _connectionString;
    private string? _startCost;

    protected ServiceFixture(ServiceFor scope = ServiceFor.Fixture)
    {
        _scope = scope;
        Api = new Api(this);
        Bookings = new Bookings(this);
    }

    /// <summary>The service's clock; it only moves forward.</summary>
    public TestClock Clock { get; private set; } = new(TestClock.Start);

    public Api Api { get; }

    public Bookings Bookings { get; }

    /// <summary>The default client: a health worker at 楠竹山镇卫生院 (430302101-THC).</summary>
    public HttpClient Client => Clients["worker"];

    /// <summary>Signed-in clients by role (<see cref="TestUsers.All"/>) and "admin".</summary>
    public IReadOnlyDictionary<string, HttpClient> Clients { get; private set; } = new Dictionary<string, HttpClient>();

    public HttpClient Admin => Clients["admin"];

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The name of the fixture's own database (a copy of the template).</summary>
    public string DatabaseName => new Npgsql.NpgsqlConnectionStringBuilder(_connectionString).Database!;

    /// <summary>The service's database, for reading what it wrote.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    public Uri BaseAddress => Anonymous.BaseAddress!;

    public IServiceProvider Services => Service.Services;

    /// <summary>Every line the service has logged.</summary>
    public IReadOnlyList<string> LogLines => [.. Service.Logs.Lines];

    private ServiceHost Service => _service ?? throw new InvalidOperationException($"{GetType().Name}'s service is not running.");

    [OneTimeSetUp]
    public Task StartForFixtureAsync() => _scope == ServiceFor.Fixture ? StartAsync() : Task.CompletedTask;

    [SetUp]
    public Task StartForTestAsync() => _scope == ServiceFor.EachTest ? StartAsync() : Task.CompletedTask;

    [TearDown]
    public Task StopForTestAsync() => _scope == ServiceFor.EachTest ? StopAsync() : Task.CompletedTask;

    [OneTimeTearDown]
    public Task StopForFixtureAsync() => _scope == ServiceFor.Fixture ? StopAsync() : Task.CompletedTask;

    /// <summary>A new signed-in user of the given role and division, for a test that works in its own area.</summary>
    public async Task<HttpClient> NewUserAsync(string role, string? division, string? facility = null, string? mobile = null)
    {
        var userName = $"{role}-{division ?? facility}-{Guid.NewGuid():N}"[..40];
        await TestUsers.CreateAsync(Admin, userName, role, division, facility, mobile);
        var client = await TestUsers.SignInAsync(Service, userName, TestUsers.Password);
        _signedIn.Add((client, userName, TestUsers.Password));
        return client;
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

    /// <summary>Runs a scalar SQL query against the service's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Settings of a fixture's own, given its database's connection string (none by default).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string connectionString) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Where the fixture's database comes from: by default a copy of the template on the shared test cluster.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestCluster.CloneTemplateAsync(GetType().Name);

    /// <summary>Removes the fixture's database when its service has stopped.</summary>
    protected virtual Task DropDatabaseAsync(string connectionString) => TestCluster.DropAsync(connectionString);

    private async Task StartAsync()
    {
        var running = Interlocked.CompareExchange(ref _running, this, null);
        Assert.That(running, Is.Null, $"{running?.GetType().Name}'s service is still running: fixtures must run one at a time (Hangfire keeps process-wide state), so none may be [Parallelizable]");
        try
        {
            var watch = Stopwatch.StartNew();
            _connectionString = await CreateDatabaseAsync();
            var cloned = watch.ElapsedMilliseconds;
            Database = NpgsqlDataSource.Create(_connectionString);
            Clock = new TestClock(TestClock.Start);
            _service = ServiceHost.Start(_connectionString, Clock, await SettingsAsync(_connectionString));
            Anonymous = _service.CreateClient();
            Clients = TestCluster.AccessTokens.ToDictionary(account => account.Key, account => SignedIn(account.Key, account.Value));
            _startCost = $"database cloned in {cloned} ms, service started in {watch.ElapsedMilliseconds - cloned} ms";
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    private async Task StopAsync()
    {
        var watch = Stopwatch.StartNew();
        try
        {
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
                var connectionString = _connectionString;
                _connectionString = null;
                await DropDatabaseAsync(connectionString);
            }
        }
        finally
        {
            // Released whatever happened above, so that one fixture's failed stop does not fail every later fixture.
            Interlocked.CompareExchange(ref _running, null, this);
        }

        if (_startCost is not null)
        {
            var test = _scope == ServiceFor.EachTest ? $" for {TestContext.CurrentContext.Test.Name}" : string.Empty;
            await TestContext.Progress.WriteLineAsync($"{GetType().Name}'s own service{test}: {_startCost}, stopped and dropped in {watch.ElapsedMilliseconds} ms");
            _startCost = null;
        }
    }

    /// <summary>
    /// A client of the service carrying a test account's token from <see cref="TestCluster.AccessTokens"/>; it signs in
    /// with the account's password when the clock jumps.
    /// </summary>
    private HttpClient SignedIn(string key, string accessToken)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
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
