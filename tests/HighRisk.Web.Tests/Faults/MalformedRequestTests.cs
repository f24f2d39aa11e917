using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// Fault suite part f (issue 22 item 5f): malformed requests spread over every operation of the service's own OpenAPI
/// document (<see cref="MalformedRequests"/>: malformed JSON, wrong types, huge and control-character strings, bad and
/// unknown ids, odd Idempotency-Key, Accept and Content-Type headers, oversized bodies, bad query values), as an
/// administrator on /api/admin and a health worker or county staff elsewhere. Not one answer is a 5xx; every error is
/// problem+json with its status (an OperationOutcome under /fhir); no request other than a GET succeeds (each is meant to be invalid); and the row count
/// of every table in the public schema is the same afterwards, except audit_events (reads and refusals are audited).
/// 2,000 requests by default (CI); HIGHRISK_FAULT_REQUESTS=10000 for the full run; HIGHRISK_FAULT_SEED picks another
/// sequence (the default seed makes every run choose the same faults).
/// </summary>
[NonParallelizable]
public class MalformedRequestTests : ServiceFixture
{
    public const int DefaultRequests = 2_000;
    public const int DefaultSeed = 20_261_206;

    /// <summary>Tables that legitimately grow under refused requests: the audit trail records reads and refusals.</summary>
    private static readonly string[] GrowingTables = ["audit_events"];

    /// <summary>Operations that take no input a request could spoil (a job started by hand): nothing malformed exists for them.</summary>
    private static readonly string[] NoInput = ["/api/admin/jobs/"];

    private readonly Dictionary<string, string> _known = [];

    [Test]
    public async Task MalformedRequests_OverEveryOperation_NeverA5xx_AlwaysProblemJson_WriteNothing()
    {
        var count = Setting("HIGHRISK_FAULT_REQUESTS", DefaultRequests);
        var seed = Setting("HIGHRISK_FAULT_SEED", DefaultSeed);
        await KnownRecordsAsync();
        var (status, document) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var operations = MalformedRequests.Operations(document!).Where(o => !NoInput.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.That(operations, Has.Count.GreaterThan(60), "the OpenAPI document lists the operations");

        var before = await RowCountsAsync();
        var random = new Random(seed);
        var requests = new MalformedRequests(document!, random, KnownValue);
        var problems = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var operation = operations[i % operations.Count];
            var malformed = requests.Next(operation);
            var client = operation.Path.StartsWith("/api/admin", StringComparison.Ordinal) ? Admin : i % 2 == 0 ? Client : Clients["county"];
            using var request = malformed.Request;
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var code = (int)response.StatusCode;
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            if (Problem(operation, code, response, text) is { } problem)
            {
                problems.Add($"#{i} {operation} [{malformed.Fault}] {request.RequestUri}: {problem}");
            }
        }

        var elapsed = watch.Elapsed;
        var after = await RowCountsAsync();
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key)}").ToList();
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count} malformed requests (seed {seed}) over {operations.Count} operations in {elapsed.TotalSeconds:0.0} s; "
            + $"statuses: {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}; {before.Count} tables counted"));
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty, $"{problems.Count} wrong answers, the first: {string.Join(Environment.NewLine, problems.Take(25))}");
            Assert.That(changed, Is.Empty, "row counts changed by invalid requests");
            Assert.That(statuses.Keys.Where(s => s >= 500), Is.Empty);
        });
    }

    /// <summary>What is wrong with an answer, or null: a 5xx, an error that is not problem+json with its status, a write that succeeded.</summary>
    private static string? Problem(Operation operation, int status, HttpResponseMessage response, string text)
    {
        var snippet = text.Length > 300 ? text[..300] + "…" : text;
        if (status >= 500)
        {
            return $"{status} {snippet}";
        }

        if (status >= 400 && operation.Path.StartsWith("/fhir", StringComparison.Ordinal))
        {
            // The FHIR endpoint answers its errors as OperationOutcome resources, the FHIR way (docs/fhir.md).
            return response.Content.Headers.ContentType?.MediaType == "application/fhir+json" && text.Contains("\"resourceType\":\"OperationOutcome\"", StringComparison.Ordinal)
                ? null
                : $"{status} from FHIR not as an OperationOutcome: {snippet}";
        }

        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"{status} as {response.Content.Headers.ContentType?.ToString() ?? "no content type"}: {snippet}";
            }

            try
            {
                if (JsonNode.Parse(text)?["status"]?.GetValue<int>() != status)
                {
                    return $"{status} whose problem says another status: {snippet}";
                }
            }
            catch (JsonException)
            {
                return $"{status} whose body is not JSON: {snippet}";
            }

            return null;
        }

        return operation.Method == "GET" ? null : $"{status}: a malformed {operation.Method} succeeded: {snippet}";
    }

    /// <summary>Records the malformed requests may name: a red woman (alert, case), her exam and referral, a user, a contact.</summary>
    private async Task KnownRecordsAsync()
    {
        var pregnancy = await Api.BookAsync(Bookings.AWoman(30));
        var exam = await Api.ExamAsync(pregnancy, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        var referral = await Api.PostAsync($"/api/pregnancies/{pregnancy}/referrals", new JsonObject
        {
            ["date"] = Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["toFacilityCode"] = "4303-MCH", ["urgency"] = "routine", ["reason"] = "测试转诊",
        }, HttpStatusCode.Created);
        var contact = await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302101", role = "subdistrictStaff", name = "专干测试", mobile = "13912345678" }, HttpStatusCode.Created, Admin);
        _known["pregnancies"] = pregnancy.ToString();
        _known["examId"] = exam["examId"]!.GetValue<Guid>().ToString();
        _known["referrals"] = referral!["referralId"]!.GetValue<Guid>().ToString();
        _known["referralId"] = _known["referrals"];
        _known["alerts"] = (await ScalarAsync<Guid>("SELECT id FROM alerts WHERE pregnancy_id = $1 LIMIT 1", pregnancy)).ToString();
        _known["cases"] = (await ScalarAsync<Guid>("SELECT id FROM cases WHERE pregnancy_id = $1 LIMIT 1", pregnancy)).ToString();
        _known["users"] = (await ScalarAsync<Guid>("SELECT id FROM staff_users WHERE user_name = $1", TestUsers.UserName("worker"))).ToString();
        _known["contacts"] = contact!["id"]?.GetValue<Guid>().ToString() ?? (await ScalarAsync<Guid>("SELECT id FROM division_contacts LIMIT 1")).ToString();
        _known["divisionPrefix"] = "430302";
    }

    /// <summary>A valid value for a path parameter or an id field: the known record of the path's collection where there is one.</summary>
    private string KnownValue(Operation operation, string parameter)
    {
        if (_known.TryGetValue(parameter, out var byName))
        {
            return byName;
        }

        var segments = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var collection = segments.LastOrDefault(s => _known.ContainsKey(s) && operation.Path.Contains($"/{s}/{{{parameter}}}", StringComparison.Ordinal));
        if (collection is not null)
        {
            return _known[collection];
        }

        var ids = _known.Where(k => k.Key != "divisionPrefix").Select(k => k.Value).Distinct().ToList();
        return ids[(operation.Path.Length + parameter.Length) % ids.Count];   // stable: runs choose alike
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var tables = new List<string>();
        await using (var list = Database.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables.Except(GrowingTables))
        {
            counts[table] = await ScalarAsync<long>($"SELECT count(*) FROM \"{table}\"");
        }

        return counts;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
