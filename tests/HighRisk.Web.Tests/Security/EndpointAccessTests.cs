using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

/// <summary>
/// Every endpoint of the OpenAPI document, tried without a token and as every role against a record inside and a
/// record outside the role's division: nothing leaks, and an outside record answers 404 (its existence is hidden).
/// </summary>
public class EndpointAccessTests : ServiceFixture
{
    private static readonly string[] AnonymousPaths = ["/api/auth/login", "/api/auth/refresh"];
    private static readonly string[] InScope = ["admin", "worker", "township", "county", "city"];
    private static readonly string[] OutOfScope = ["other-worker", "other-township", "other-county", "other-city"];

    private async Task<List<(string Method, string Path)>> EndpointsAsync()
    {
        var (status, document) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var endpoints = new List<(string, string)>();
        foreach (var (path, item) in document!["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                endpoints.Add((method.ToUpperInvariant(), path));
            }
        }

        Assert.That(endpoints, Has.Count.GreaterThan(15), "the OpenAPI document lists the endpoints");
        return endpoints;
    }

    [Test]
    public async Task EveryEndpointWithoutAToken_Is401()
    {
        foreach (var (method, path) in await EndpointsAsync())
        {
            if (AnonymousPaths.Contains(path))
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path, Guid.NewGuid(), Guid.NewGuid()));
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await Anonymous.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
        }
    }

    [Test]
    public async Task EveryRecordEndpoint_AnswersInsideTheScopeAnd404Outside()
    {
        var recordEndpoints = (await EndpointsAsync()).Where(e => e.Path.Contains("{id}", StringComparison.Ordinal) && !e.Path.StartsWith("/api/admin", StringComparison.Ordinal)).ToList();
        Assert.That(recordEndpoints, Has.Count.GreaterThanOrEqualTo(5));

        foreach (var (method, path) in recordEndpoints)
        {
            foreach (var role in InScope.Concat(OutOfScope))
            {
                var name = $"范围{Guid.NewGuid():N}"[..10];
                var id = await Api.BookAsync(Bookings.AWoman(weeks: 30).With("fullName", name));
                var alerting = path.StartsWith("/api/alerts/", StringComparison.Ordinal);
                var referralId = Guid.NewGuid();
                if (path.Contains("{referralId}", StringComparison.Ordinal))
                {
                    var referral = await Api.PostAsync($"/api/pregnancies/{id}/referrals", BodyFor("/referrals"), HttpStatusCode.Created);
                    referralId = referral!["referralId"]!.GetValue<Guid>();
                }

                var measurements = alerting ? new JsonObject { ["pulmonaryArteryPressure"] = 55 } : null;
                var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements));
                var examId = exam!["examId"]!.GetValue<Guid>();
                if (alerting)
                {
                    var (_, alerts) = await Api.GetAsync($"/api/alerts?pregnancyId={id}");
                    id = alerts!["items"]![0]!["id"]!.GetValue<Guid>();
                }

                var (status, body) = await SendAsync(method, Fill(path, id, examId, referralId), role);
                var where = $"{method} {path} as {role}";
                if (OutOfScope.Contains(role))
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), where);
                    Assert.That(body?.ToJsonString() ?? string.Empty, Does.Not.Contain(name), where);
                }
                else
                {
                    Assert.That((int)status, Is.InRange(200, 299), $"{where}: {body?.ToJsonString()}");
                }
            }
        }
    }

    [Test]
    public async Task Lists_ContainOnlyWhatIsInScope()
    {
        var name = $"列表{Guid.NewGuid():N}"[..10];
        await Api.BookAsync(Bookings.AWoman().With("fullName", name));
        foreach (var role in InScope.Concat(OutOfScope))
        {
            var (status, page) = await Api.GetAsync($"/api/pregnancies?q={Uri.EscapeDataString(name)}", Clients[role]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), role);
            Assert.That(page!["items"]!.AsArray(), Has.Count.EqualTo(OutOfScope.Contains(role) ? 0 : 1), role);
        }
    }

    [Test]
    public async Task AdminEndpoints_AreForAdministratorsOnly()
    {
        var adminEndpoints = (await EndpointsAsync()).Where(e => e.Path.StartsWith("/api/admin", StringComparison.Ordinal)).ToList();
        Assert.That(adminEndpoints, Is.Not.Empty);
        foreach (var (method, path) in adminEndpoints)
        {
            foreach (var role in InScope.Concat(OutOfScope).Where(r => r != "admin"))
            {
                var (status, _) = await SendAsync(method, Fill(path, Guid.NewGuid(), Guid.NewGuid()), role);
                Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{method} {path} as {role}");
            }
        }

        var dashboard = await Clients["county"].GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.That((int)dashboard.StatusCode, Is.AnyOf(401, 403));
        var asAdmin = await Admin.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SupervisorsSeeNumbersMasked_WorkersInFull()
    {
        var booking = Bookings.AWoman();
        var id = await Api.BookAsync(booking);
        var residentId = booking["residentId"]!.GetValue<string>();

        var (_, asCounty) = await Api.GetAsync($"/api/pregnancies/{id}", Clients["county"]);
        var (_, asWorker) = await Api.GetAsync($"/api/pregnancies/{id}", Clients["worker"]);
        Assert.Multiple(() =>
        {
            Assert.That(asCounty!["woman"]!["residentId"]!.GetValue<string>(), Is.EqualTo($"{residentId[..6]}********{residentId[^4..]}"));
            Assert.That(asCounty["woman"]!["mobile"]!.GetValue<string>(), Is.EqualTo("138****8000"));
            Assert.That(asWorker!["woman"]!["residentId"]!.GetValue<string>(), Is.EqualTo(residentId));
            Assert.That(asWorker["woman"]!["mobile"]!.GetValue<string>(), Is.EqualTo("13800138000"));
        });
        var stored = await ScalarAsync<string>("SELECT resident_id_cipher || mobile_cipher FROM women w JOIN pregnancies p ON p.woman_id = w.id WHERE p.id = $1", id);
        Assert.That(stored, Does.Not.Contain(residentId).And.Not.Contain("13800138000"), "encrypted at rest");
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(string method, string path, string role)
    {
        if (method == "GET")
        {
            return await Api.GetAsync(path, Clients[role]);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = System.Net.Http.Json.JsonContent.Create(BodyFor(path)) };
        var response = await Clients[role].SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A valid body for each record endpoint, so that scope, not validation, decides the answer.</summary>
    private JsonObject BodyFor(string path) => path switch
    {
        _ when path.EndsWith("/exams", StringComparison.Ordinal) => Bookings.AnExam(),
        _ when path.EndsWith("/close", StringComparison.Ordinal) => new JsonObject { ["outcome"] = "movedAway", ["date"] = Clock.Today.ToString("yyyy-MM-dd") },
        _ when path.EndsWith("/referrals", StringComparison.Ordinal) => new JsonObject { ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["toFacilityCode"] = "4303-MCH", ["reason"] = "测试转诊" },
        _ when path.EndsWith("/outcome", StringComparison.Ordinal) => new JsonObject { ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["outcome"] = "已就诊" },
        _ when path.EndsWith("/ack", StringComparison.Ordinal) => new JsonObject { ["action"] = "已电话联系" },
        _ when path.EndsWith("/follow-ups", StringComparison.Ordinal) => new JsonObject { ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["kind"] = "phone", ["reached"] = true },
        _ when path.EndsWith("/raise", StringComparison.Ordinal) => new JsonObject { ["colour"] = "orange", ["reason"] = "测试", ["raisedBy"] = "测试医生" },
        _ => new JsonObject(),
    };

    private static string Fill(string path, Guid id, Guid examId, Guid? referralId = null) =>
        path.Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{examId}", examId.ToString(), StringComparison.Ordinal)
            .Replace("{referralId}", (referralId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal);
}
