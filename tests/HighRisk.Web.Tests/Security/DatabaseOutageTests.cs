using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

/// <summary>
/// The fixture's own database refused to the service, as an operator (or a failover) would: requests answer 503 with
/// Retry-After and a problem naming the cause, nothing is written, the log says it once, and the service is back by
/// itself when the database is.
/// </summary>
[NonParallelizable]
public class DatabaseOutageTests : ServiceFixture
{
    [Test]
    public async Task DatabaseUnreachable_Is503WithRetryAfter_LoggedOncePerOutage_AndBackByItself()
    {
        var booking = Bookings.AWoman();
        var before = await ScalarAsync<long>("SELECT count(*) FROM pregnancies");
        await TestCluster.MaintainAsync($"ALTER DATABASE \"{DatabaseName}\" WITH ALLOW_CONNECTIONS false");
        await TestCluster.MaintainAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DatabaseName}'");
        try
        {
            for (var i = 0; i < 5; i++)
            {
                using var response = await Client.GetAsync(new Uri("/api/pregnancies", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.Multiple(() =>
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
                    Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
                    Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                    Assert.That(body, Does.Contain("DatabaseUnavailable"));
                });
            }

            var (booked, problem, _) = await Api.PostAsync("/api/pregnancies", booking);
            Assert.That(booked, Is.EqualTo(HttpStatusCode.ServiceUnavailable), problem?.ToJsonString());
            var ready = await Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready while the database is out");
            Assert.That(LogLines.Count(l => l.Contains("Database unavailable", StringComparison.Ordinal)), Is.EqualTo(1), "one line for the outage, not one per request");
            Assert.That(LogLines.Count(l => l.Contains("Unhandled exception", StringComparison.Ordinal)), Is.Zero);
            Assert.That(LogLines.Where(l => l.StartsWith("Error Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 120)]), Is.Empty,
                "no error line of EF Core's per failed request");
        }
        finally
        {
            await TestCluster.MaintainAsync($"ALTER DATABASE \"{DatabaseName}\" WITH ALLOW_CONNECTIONS true");
            Database.Clear();   // the test's own pooled connections were ended with the service's
        }

        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            using var response = await Client.GetAsync(new Uri("/api/pregnancies", UriKind.Relative));
            status = response.StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "back without a restart");
        Assert.That(LogLines.Count(l => l.Contains("Database available again", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pregnancies"), Is.EqualTo(before), "the refused booking wrote nothing");
        Assert.That((await Api.PostAsync("/api/pregnancies", booking)).Status, Is.EqualTo(HttpStatusCode.Created), "and the same booking goes through now");
    }
}
