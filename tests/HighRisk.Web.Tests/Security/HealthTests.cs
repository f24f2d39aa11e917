using System.Net;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Security;

public class HealthTests : ServiceFixture
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task HealthEndpoint_AnswersHealthyWithoutSigningIn(string path)
    {
        var response = await Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        });
    }

    [Test]
    public async Task TheServicesDatabaseSessions_RunWithoutParallelPlans()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var setting = await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync();
        Assert.That(setting, Is.EqualTo("0"));
    }

    [Test]
    public void AnOperatorsOwnParallelSetting_IsKept()
    {
        var kept = Startup.WithoutParallelPlans("Host=db;Options=-c max_parallel_workers_per_gather=4");
        Assert.That(new Npgsql.NpgsqlConnectionStringBuilder(kept).Options, Is.EqualTo("-c max_parallel_workers_per_gather=4"));
    }

    [Test]
    public async Task TheServicesDatabaseSessions_PrepareWhatTheySendAgain()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var session = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Multiple(() =>
        {
            Assert.That(session.MaxAutoPrepare, Is.EqualTo(100));
            Assert.That(session.AutoPrepareMinUsages, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task PlansAreReusedInTransactionsOnly()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        const string Mode = "SELECT current_setting('plan_cache_mode') AS \"Value\"";
        var outside = await db.Database.SqlQueryRaw<string>(Mode).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var inside = await db.Database.SqlQueryRaw<string>(Mode).SingleAsync();
        await transaction.RollbackAsync();
        var after = await db.Database.SqlQueryRaw<string>(Mode).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outside, Is.EqualTo("force_custom_plan"));
            Assert.That(inside, Is.EqualTo("auto"));
            Assert.That(after, Is.EqualTo("force_custom_plan"));
        });
    }

    [Test]
    public async Task TheServicesDatabaseSessions_AreNotResetOnClose_HangfiresAre()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
        var session = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var configuration = Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var hangfire = new Npgsql.NpgsqlConnectionStringBuilder(Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(configuration, "HighRisk"));
        Assert.Multiple(() =>
        {
            Assert.That(session.NoResetOnClose, Is.True);
            Assert.That(hangfire.NoResetOnClose, Is.False, "Hangfire's long polling LISTENs: its connections keep Npgsql's reset");
        });
    }

    [Test]
    public void AnOperatorsOwnResetSetting_IsKept()
    {
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(Startup.WithoutSessionReset("Host=db;No Reset On Close=false"));
        Assert.That(kept.NoResetOnClose, Is.False);
    }

    [Test]
    public void AnOperatorsOwnPreparationSetting_IsKept()
    {
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(Startup.WithPreparedStatements("Host=db;Max Auto Prepare=0"));
        Assert.That(kept.MaxAutoPrepare, Is.EqualTo(0));
    }
}
