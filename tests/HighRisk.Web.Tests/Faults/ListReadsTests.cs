using System.Net;
using HighRisk.Web.Tests.Infrastructure;
using Npgsql;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// The lists on a connection string of their own (<c>ConnectionStrings:ReadOnly</c>), here the fixture's own database
/// reached as another role, so that the test can tell the two apart and take the lists' connection away alone, as a
/// failed standby would be. The pregnancy list, the overdue list, the case board and the referral inbox read through it,
/// in read-only transactions; what they write (their audit line) goes to the primary; everything else never uses it.
/// </summary>
[NonParallelizable]
public class ListReadsTests : ServiceFixture
{
    private static readonly string Reader = $"hr_lists_{Environment.ProcessId}";

    private static readonly string[] Lists =
        ["/api/pregnancies?division=430302101", $"/api/overdue?division={Bookings.Township}", "/api/cases", "/api/referrals?direction=outgoing"];

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string connectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(connectionString).Username;
        await TestCluster.MaintainAsync($"DROP ROLE IF EXISTS {Reader}");
        await TestCluster.MaintainAsync($"CREATE ROLE {Reader} LOGIN IN ROLE \"{owner}\"");
        var lists = new NpgsqlConnectionStringBuilder(connectionString) { Username = Reader, ApplicationName = "highrisk-lists" };
        return new Dictionary<string, string?> { ["ConnectionStrings:ReadOnly"] = lists.ConnectionString };
    }

    [Test]
    public async Task Lists_ReadThroughTheReadOnlyConnection_InReadOnlyTransactions_AndAreAuditedOnThePrimary()
    {
        var booked = await Api.BookAsync(Bookings.AWoman());
        var auditedBefore = await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'List'");

        var (status, list) = await Api.GetAsync(Lists[0]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), list?.ToJsonString());
        Assert.That(list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(booked), "the booking just made (on the primary) is on the list");
        foreach (var path in Lists.Skip(1))
        {
            var (listed, body) = await Api.GetAsync(path, Admin);
            Assert.That(listed, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body?.ToJsonString()}");
        }

        var readers = await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE usename = $1 AND datname = $2", Reader, DatabaseName);
        var audited = await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'List'") - auditedBefore;
        Assert.Multiple(() =>
        {
            Assert.That(readers, Is.GreaterThan(0), "the lists connected with the ReadOnly connection string");
            Assert.That(audited, Is.EqualTo(Lists.Length), "each list wrote its audit line, through the primary (the lists' transactions are read-only)");
        });
    }

    [Test]
    public async Task ReadOnlyConnectionRefused_ListsAnswer503_EverythingElseGoesOn()
    {
        var booked = await Api.BookAsync(Bookings.AWoman());
        await TestCluster.MaintainAsync($"ALTER ROLE {Reader} CONNECTION LIMIT 0");
        await TestCluster.MaintainAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{Reader}'");
        try
        {
            foreach (var path in Lists)
            {
                // A connection ended under it is one 503; a refused new one (too many connections for the role) the next.
                for (var i = 0; i < 2; i++)
                {
                    var (status, problem) = await Api.GetAsync(path, path == Lists[0] ? Client : Admin);
                    Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), $"{path}: {problem?.ToJsonString()}");
                    Assert.That(problem?["code"]?.GetValue<string>(), Is.EqualTo("DatabaseUnavailable"), path);
                }
            }

            Assert.That((await Api.GetAsync($"/api/pregnancies/{booked}")).Status, Is.EqualTo(HttpStatusCode.OK), "a pregnancy's own record is read on the primary");
            await Api.BookAsync(Bookings.AWoman());
        }
        finally
        {
            await TestCluster.MaintainAsync($"ALTER ROLE {Reader} CONNECTION LIMIT -1");
        }

        Assert.That((await Api.GetAsync(Lists[0])).Status, Is.EqualTo(HttpStatusCode.OK), "the lists are back by themselves");
    }
}
