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
    private static readonly string[] AnonymousPaths = ["/api/auth/login", "/api/auth/refresh", "/fhir/metadata"];
    private static readonly string[] InScope = ["admin", "worker", "township", "county", "city"];
    private static readonly string[] OutOfScope = ["other-worker", "other-township", "other-county", "other-city"];

    private Guid _countyId;

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
    public async Task TheDocument_SaysWhichEndpointsTakeTheBearerToken_AndWhichPostsTakeAnIdempotencyKey()
    {
        var (_, document) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        Assert.That(document!["components"]?["securitySchemes"]?["bearer"]?["scheme"]?.GetValue<string>(), Is.EqualTo("bearer"));
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var bearer = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey("bearer")) == true;
                var signedIn = !AnonymousPaths.Contains(path) && !path.StartsWith("/api/sms/", StringComparison.Ordinal);
                var parameters = operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()) ?? [];
                Assert.Multiple(() =>
                {
                    Assert.That(bearer, Is.EqualTo(signedIn), $"{method} {path}: the bearer token");
                    Assert.That(operation["responses"]!.AsObject().ContainsKey("401") || !signedIn, Is.True, $"{method} {path}: its 401");
                    Assert.That(parameters.Contains("Idempotency-Key"), Is.EqualTo(method == "post" && !path.StartsWith("/api/auth/", StringComparison.Ordinal)),
                        $"{method} {path}: the Idempotency-Key header");
                });
            }
        }
    }

    [Test]
    public async Task EveryRecordEndpoint_AnswersInsideTheScopeAnd404Outside()
    {
        _countyId = await ScalarAsync<Guid>("SELECT id FROM staff_users WHERE user_name = $1", TestUsers.UserName("county"));
        var recordEndpoints = (await EndpointsAsync()).Where(e => e.Path.Contains("{id}", StringComparison.Ordinal) && !e.Path.StartsWith("/api/admin", StringComparison.Ordinal)).ToList();
        Assert.That(recordEndpoints, Has.Count.GreaterThanOrEqualTo(5));
        var pool = new JsonObject { ["name"] = "雨湖区产科专家组", ["specialty"] = "obstetrics", ["divisionCode"] = "430302", ["memberIds"] = new JsonArray(_countyId) };
        await Api.PostAsync("/api/admin/expert-pools", pool, HttpStatusCode.Created, Admin);

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

                var casePath = path.StartsWith("/api/cases/", StringComparison.Ordinal);
                var measurements = alerting || casePath ? new JsonObject { ["pulmonaryArteryPressure"] = 55 } : null;
                var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements));
                var examId = exam!["examId"]!.GetValue<Guid>();
                if (alerting)
                {
                    var (_, alerts) = await Api.GetAsync($"/api/alerts?pregnancyId={id}");
                    id = alerts!["items"]![0]!["id"]!.GetValue<Guid>();
                }

                if (casePath)
                {
                    id = (await Api.GetAsync($"/api/pregnancies/{id}")).Body!["caseId"]!.GetValue<Guid>();
                }

                var consultationPath = path.StartsWith("/api/consultations/", StringComparison.Ordinal);
                if (consultationPath)
                {
                    id = (await Api.PostAsync($"/api/pregnancies/{id}/consultations", BodyFor("/consultations"), HttpStatusCode.Created))!["consultationId"]!.GetValue<Guid>();
                    if (path.EndsWith("/answer", StringComparison.Ordinal))
                    {
                        await Api.PostAsync($"/api/consultations/{id}/take", null, HttpStatusCode.OK, Clients["county"]);
                    }
                }

                if (path.StartsWith("/api/death-reports/", StringComparison.Ordinal))
                {
                    await Api.PostAsync($"/api/pregnancies/{id}/close", new JsonObject { ["outcome"] = "maternalDeath", ["date"] = D(Clock.Today) }, HttpStatusCode.OK);
                    var (_, reports) = await Api.GetAsync("/api/death-reports?status=due", Clients["county"]);
                    id = reports!.AsArray().Single(r => r!["pregnancyId"]!.GetValue<Guid>() == id)!["id"]!.GetValue<Guid>();
                }

                var transferPath = path.StartsWith("/api/transfers/", StringComparison.Ordinal);
                if (transferPath)
                {
                    id = (await Api.PostAsync($"/api/pregnancies/{id}/transfers", BodyFor("/transfers"), HttpStatusCode.Created))!["transferId"]!.GetValue<Guid>();
                }

                var referralPath = path.StartsWith("/api/referrals/", StringComparison.Ordinal);
                if (referralPath)
                {
                    id = (await Api.PostAsync($"/api/pregnancies/{id}/referrals", BodyFor("/referrals"), HttpStatusCode.Created))!["referralId"]!.GetValue<Guid>();
                }

                var (status, body) = await SendAsync(method, Fill(path, id, examId, referralId), role);
                var where = $"{method} {path} as {role}";
                if (OutOfScope.Contains(role))
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), where);
                    Assert.That(body?.ToJsonString() ?? string.Empty, Does.Not.Contain(name), where);
                }
                else if (casePath && method == "POST" && role is not ("county" or "city"))
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{where}: only county and city MCH staff manage cases");
                    Assert.That(body?.ToJsonString() ?? string.Empty, Does.Not.Contain(name), where);
                }
                else if (transferPath && role != "admin")
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{where}: only the receiving area answers a transfer out");
                }
                else if (referralPath && method == "POST" && !path.EndsWith("/cancel", StringComparison.Ordinal))
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{where}: only the receiving facility answers a referral");
                }
                else if (consultationPath && method == "POST" && role != "county")
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{where}: only the members of the pool take and answer");
                    Assert.That(body?.ToJsonString() ?? string.Empty, Does.Not.Contain(name), where);
                }
                else if (casePath && path.EndsWith("/close", StringComparison.Ordinal))
                {
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), $"{where}: she is still red: {body?.ToJsonString()}");
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
        _ when path.StartsWith("/api/cases/", StringComparison.Ordinal) => CaseBodyFor(path),
        _ when path.StartsWith("/api/death-reports/", StringComparison.Ordinal) => new JsonObject
        {
            ["usualAddress"] = "湘潭市雨湖区", ["currentAddress"] = "湘潭市雨湖区", ["deathPlace"] = "湘潭市妇幼保健院", ["transferred"] = false, ["antenatalVisits"] = 3,
            ["causes"] = new JsonArray(new JsonObject { ["description"] = "产后出血", ["icd10"] = "O72.1" }),
        },
        _ when path.EndsWith("/exams", StringComparison.Ordinal) => Bookings.AnExam(),
        _ when path.EndsWith("/close", StringComparison.Ordinal) => new JsonObject { ["outcome"] = "movedAway", ["date"] = Clock.Today.ToString("yyyy-MM-dd") },
        _ when path.EndsWith("/referrals", StringComparison.Ordinal) => new JsonObject
        {
            ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["toFacilityCode"] = "4303-MCH", ["urgency"] = "routine", ["reason"] = "测试转诊",
        },
        _ when path.EndsWith("/transfers", StringComparison.Ordinal) => new JsonObject { ["toDivisionCode"] = "430102001", ["reason"] = "测试转移" },
        _ when path.EndsWith("/cancel", StringComparison.Ordinal) || path.EndsWith("/decline", StringComparison.Ordinal) => new JsonObject { ["reason"] = "测试" },
        _ when path.EndsWith("/arrive", StringComparison.Ordinal) => new JsonObject { ["date"] = D(Clock.Today) },
        _ when path.EndsWith("/complete", StringComparison.Ordinal) => new JsonObject { ["findings"] = "测试", ["advice"] = "测试", ["followUpOn"] = D(Clock.Today) },
        _ when path.EndsWith("/outcome", StringComparison.Ordinal) => new JsonObject { ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["outcome"] = "已就诊" },
        _ when path.EndsWith("/ack", StringComparison.Ordinal) => new JsonObject { ["action"] = "已电话联系" },
        _ when path.EndsWith("/follow-ups", StringComparison.Ordinal) => new JsonObject { ["date"] = Clock.Today.ToString("yyyy-MM-dd"), ["kind"] = "phone", ["reached"] = true },
        _ when path.EndsWith("/consultations", StringComparison.Ordinal) => new JsonObject { ["question"] = "是否需要转诊？", ["specialty"] = "obstetrics" },
        _ when path.EndsWith("/answer", StringComparison.Ordinal) => new JsonObject { ["answer"] = "建议转上级医院评估。" },
        _ when path.EndsWith("/sms-consent", StringComparison.Ordinal) => new JsonObject { ["given"] = true, ["date"] = D(Clock.Today) },
        _ when System.Text.RegularExpressions.Regex.IsMatch(path, "^/api/pregnancies/[^/]+$") =>
            new JsonObject { ["smsConsent"] = new JsonObject { ["given"] = true, ["date"] = D(Clock.Today) } },
        _ when path.EndsWith("/raise", StringComparison.Ordinal) => new JsonObject { ["colour"] = "orange", ["reason"] = "测试", ["raisedBy"] = "测试医生" },
        _ => new JsonObject(),
    };

    private JsonObject CaseBodyFor(string path) => path switch
    {
        _ when path.EndsWith("/plans", StringComparison.Ordinal) => new JsonObject
        {
            ["careFacilityCode"] = "430302-MCH", ["deliveryFacilityCode"] = "4303-MCH", ["treatmentPlan"] = "每周产检", ["emergencyPlan"] = "绿色通道转诊",
            ["nextReviewDate"] = D(Clock.Today.AddDays(7)),
        },
        _ when path.EndsWith("/close", StringComparison.Ordinal) => new JsonObject { ["reason"] = "测试结案" },
        _ when path.EndsWith("/near-misses", StringComparison.Ordinal) => new JsonObject
        {
            ["date"] = D(Clock.Today), ["facilityCode"] = "4303-MCH", ["criteria"] = new JsonArray("clinical.shock"), ["outcome"] = "survived",
        },
        _ when path.EndsWith("/manager", StringComparison.Ordinal) => new JsonObject { ["userId"] = _countyId },
        _ => new JsonObject(),
    };

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Fill(string path, Guid id, Guid examId, Guid? referralId = null) =>
        path.Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{examId}", examId.ToString(), StringComparison.Ordinal)
            .Replace("{referralId}", (referralId ?? Guid.NewGuid()).ToString(), StringComparison.Ordinal);
}
