using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>Small HTTP helpers over a fixture's service: JSON in, status and JSON out; by default as its health worker.</summary>
public sealed class Api(ServiceFixture service)
{
    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, object? body, string? idempotencyKey = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await (client ?? service.Client).SendAsync(request);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    /// <summary>A step that sets a test up: fails the test, naming the call and the answer, unless the status is <paramref name="expected"/>.</summary>
    public async Task<JsonNode?> PostAsync(string path, object? body, HttpStatusCode expected, HttpClient? client = null)
    {
        var (status, answer, _) = await PostAsync(path, body, client: client);
        Assert.That(status, Is.EqualTo(expected), $"POST {path}: {answer?.ToJsonString()}");
        return answer;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? service.Client).GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Books a pregnancy and returns its id, failing the test if booking is refused.</summary>
    public async Task<Guid> BookAsync(JsonObject booking, HttpClient? client = null)
    {
        var body = await PostAsync("/api/pregnancies", booking, HttpStatusCode.Created, client);
        return body!["id"]!.GetValue<Guid>();
    }

    /// <summary>Records an exam, failing the test if it is refused; returns the answer (grade, factors).</summary>
    public async Task<JsonObject> ExamAsync(Guid pregnancyId, JsonObject exam, HttpClient? client = null) =>
        (await PostAsync($"/api/pregnancies/{pregnancyId}/exams", exam, HttpStatusCode.Created, client))!.AsObject();

    /// <summary>Queues a job by hand through the admin API (202 Accepted), failing the test otherwise.</summary>
    public Task RunJobAsync(string job) => PostAsync($"/api/admin/jobs/{job}", new JsonObject(), HttpStatusCode.Accepted, service.Admin);

    /// <summary>How many women the database holds with this resident ID (compared in its masked form and birth date).</summary>
    public Task<long> CountWomenAsync(string residentId) =>
        service.ScalarAsync<long>(
            "SELECT count(*) FROM women WHERE resident_id_masked = $1 AND birth_date = $2",
            HighRisk.Infrastructure.Security.PersonalData.MaskResidentId(residentId.ToUpperInvariant()),
            HighRisk.Features.Pregnancies.ResidentId.BirthDate(residentId.ToUpperInvariant())!.Value);

    /// <summary>How many pregnancies the database holds for the woman with this resident ID.</summary>
    public Task<long> CountPregnanciesAsync(string residentId) =>
        service.ScalarAsync<long>(
            "SELECT count(*) FROM pregnancies p JOIN women w ON w.id = p.woman_id WHERE w.resident_id_masked = $1 AND w.birth_date = $2",
            HighRisk.Infrastructure.Security.PersonalData.MaskResidentId(residentId.ToUpperInvariant()),
            HighRisk.Features.Pregnancies.ResidentId.BirthDate(residentId.ToUpperInvariant())!.Value);

    /// <summary>The field names a 400 problem response lists under errors.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonNode? problem) =>
        problem?["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToList() : [];

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
