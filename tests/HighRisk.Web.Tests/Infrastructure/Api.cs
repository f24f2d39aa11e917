using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>Small HTTP helpers over the shared client: JSON in, status and JSON out.</summary>
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, object? body, string? idempotencyKey = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await (client ?? TestHost.Client).SendAsync(request);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? TestHost.Client).GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Books a pregnancy and returns its id, failing the test if booking is refused.</summary>
    public static async Task<Guid> BookAsync(JsonObject booking)
    {
        var (status, body, _) = await PostAsync("/api/pregnancies", booking);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!["id"]!.GetValue<Guid>();
    }

    /// <summary>How many women the database holds with this resident ID (compared in its masked form and birth date).</summary>
    public static Task<long> CountWomenAsync(string residentId) =>
        TestHost.ScalarAsync<long>(
            "SELECT count(*) FROM women WHERE resident_id_masked = $1 AND birth_date = $2",
            HighRisk.Infrastructure.Security.PersonalData.MaskResidentId(residentId.ToUpperInvariant()),
            HighRisk.Features.Pregnancies.ResidentId.BirthDate(residentId.ToUpperInvariant())!.Value);

    /// <summary>How many pregnancies the database holds for the woman with this resident ID.</summary>
    public static Task<long> CountPregnanciesAsync(string residentId) =>
        TestHost.ScalarAsync<long>(
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
