using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// Fault suite part a, the short version CI runs (issue 22 item 5a; the long one is tests/faults/run.sh): the service's
/// PostgreSQL killed with SIGKILL — the postmaster and every process of the cluster at once — while health workers record
/// exams, then started again (crash recovery). The cluster is the fixture's own (<see cref="KillableCluster"/>), never the
/// shared test cluster, with durable commits; the service is the same in-process service throughout, never restarted.
/// Every exam it acknowledged (201) is in the database afterwards; every request made while the database was down is
/// answered 503 DatabaseUnavailable; no other 5xx and no request without an answer; and once the database is back the
/// service answers 201 again by itself, and only 201 after that.
/// </summary>
[NonParallelizable]
public class DatabaseKillTests : ServiceFixture
{
    private const int Loops = 6;
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    private readonly KillableCluster _cluster = new();

    [Test]
    public async Task PostgresKilledUnderExamLoad_NoAcknowledgedExamLost_503DuringTheOutage_AndBackByItself()
    {
        Assert.That(await ScalarAsync<string>("SHOW synchronous_commit"), Is.EqualTo("on"), "commits are durable, as in production");
        var women = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            women.Add(await Api.BookAsync(Bookings.AWoman()));
        }

        var clock = Stopwatch.StartNew();
        var results = new ConcurrentBag<Result>();
        var killedAt = TimeSpan.MaxValue;
        var restartBeganAt = TimeSpan.MaxValue;
        var restartedAt = TimeSpan.MaxValue;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Loops).Select(n => Task.Run(() => LoadAsync(n, women, clock, results, stop.Token))).ToList();

        await Task.Delay(Before);
        var killed = await _cluster.KillAsync();
        killedAt = clock.Elapsed; // after `kill -9` returned: a request started before that may still have committed
        await Task.Delay(Outage);
        using (var ready = await Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready while the database is down");
        }

        // The outage ends when the restart begins: the cluster accepts connections a moment before pg_ctl says so.
        restartBeganAt = clock.Elapsed;
        await _cluster.RestartAsync();
        restartedAt = clock.Elapsed;

        // The load goes on until 30 exams were acknowledged after the restart (or 30 s went by without them).
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200))
        {
            if (results.Count(r => r.Status == HttpStatusCode.Created && r.Start > restartedAt) >= 30)
            {
                break;
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);
        Database.Clear(); // the test's own pooled connections died with the cluster

        var all = results.ToList();
        var acknowledged = all.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.ExamId!.Value).ToArray();
        var found = await ScalarAsync<long>("SELECT count(*) FROM exams WHERE id = ANY($1)", acknowledged);
        var outage = all.Where(r => r.Start > killedAt && r.End < restartBeganAt).ToList();
        var after = all.Where(r => r.Start > restartedAt).OrderBy(r => r.Start).ToList();
        var firstCreated = after.FindIndex(r => r.Status == HttpStatusCode.Created);
        var figures = $"{killed} processes killed; {all.Count} requests; {acknowledged.Length} acknowledged, {found} of them found; " +
            $"{outage.Count} during the outage ({(restartBeganAt - killedAt).TotalSeconds:0.0} s): {Statuses(outage)}; " +
            $"restart (crash recovery) {(restartedAt - restartBeganAt).TotalSeconds:0.0} s; after it: {Statuses(after)}";
        await TestContext.Progress.WriteLineAsync($"DatabaseKillTests: {figures}");
        foreach (var line in LogLines.Where(l => l.Contains("ProblemDetailsExceptionHandler", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).Take(3))
        {
            await TestContext.Progress.WriteLineAsync($"  log: {line[..Math.Min(line.Length, 6000)]}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(all.Count(r => r.Status == HttpStatusCode.Created && r.Start < killedAt), Is.GreaterThan(0), $"exams were recorded before the kill: {figures}");
            Assert.That(found, Is.EqualTo(acknowledged.Length), $"every acknowledged exam survived the kill: {figures}");
            Assert.That(outage, Is.Not.Empty, $"requests were made while the database was down: {figures}");
            Assert.That(outage.Where(r => r.Status != HttpStatusCode.ServiceUnavailable || r.Code != "DatabaseUnavailable").Select(r => $"{(int)r.Status} {r.Code}"),
                Is.Empty, $"every request during the outage is answered 503 DatabaseUnavailable: {figures}");
            Assert.That(all.Where(r => r.Status == 0 || ((int)r.Status >= 500 && r.Status != HttpStatusCode.ServiceUnavailable)).Select(r => $"{(int)r.Status} {r.Code}"),
                Is.Empty, $"no other 5xx and no request without an answer: {figures}");
            Assert.That(firstCreated, Is.GreaterThanOrEqualTo(0), $"the same service answers 201 again once the database is back: {figures}");
            Assert.That(after.Skip(firstCreated + 1).Where(r => r.Status != HttpStatusCode.Created).Select(r => $"{(int)r.Status} {r.Code}"),
                Is.Empty, $"and only 201 after that: {figures}");
            Assert.That(LogLines.Count(l => l.Contains("Database unavailable", StringComparison.Ordinal)), Is.EqualTo(1), "the outage is logged when it begins");
            Assert.That(LogLines.Count(l => l.Contains("Database available again", StringComparison.Ordinal)), Is.EqualTo(1), "and when it ends");
        });
    }

    protected override Task<string> CreateDatabaseAsync() => _cluster.StartAsync(GetType().Name);

    protected override Task DropDatabaseAsync(string connectionString) => _cluster.StopAsync();

    private static string Statuses(IEnumerable<Result> results) =>
        string.Join(", ", results.GroupBy(r => $"{(int)r.Status}{(r.Code is null ? string.Empty : " " + r.Code)}").OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"));

    private async Task LoadAsync(int n, List<Guid> women, Stopwatch clock, ConcurrentBag<Result> results, CancellationToken stop)
    {
        var random = new Random(n);
        while (!stop.IsCancellationRequested)
        {
            var exam = Bookings.AnExam(measurements: new JsonObject { ["systolicBp"] = 110 + random.Next(10), ["diastolicBp"] = 70, ["hemoglobin"] = 120 });
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pregnancies/{women[random.Next(women.Count)]}/exams") { Content = JsonContent.Create(exam) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var start = clock.Elapsed;
            HttpStatusCode status = 0;
            JsonNode? body = null;
            try
            {
                using var response = await Client.SendAsync(request, CancellationToken.None);
                status = response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                body = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (HttpRequestException)
            {
                // no answer: status 0
            }

            results.Add(new Result(start, clock.Elapsed, status,
                status == HttpStatusCode.Created ? body?["examId"]?.GetValue<Guid>() : null, status == HttpStatusCode.Created ? null : body?["code"]?.GetValue<string>()));
            if (status != HttpStatusCode.Created)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private sealed record Result(TimeSpan Start, TimeSpan End, HttpStatusCode Status, Guid? ExamId, string? Code);
}
