using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Consultations;

/// <summary>The steps the consultation tests share: accounts by key, pools made by the administrator, questions asked through the API.</summary>
public sealed class ConsultationSteps(ServiceFixture service)
{
    /// <summary>The id of a test account (<see cref="TestUsers.All"/>; "admin" the administrator).</summary>
    public Task<Guid> UserIdAsync(string key) =>
        service.ScalarAsync<Guid>("SELECT id FROM staff_users WHERE user_name = $1", TestUsers.UserName(key));

    /// <summary>A pool made by the administrator (201), with the test accounts of the keys as members; returns its id.</summary>
    public async Task<Guid> PoolAsync(string name, string specialty, string division, params string[] members)
    {
        var ids = new JsonArray();
        foreach (var member in members)
        {
            ids.Add(await UserIdAsync(member));
        }

        var body = new JsonObject { ["name"] = name, ["specialty"] = specialty, ["divisionCode"] = division, ["memberIds"] = ids };
        var pool = await service.Api.PostAsync("/api/admin/expert-pools", body, HttpStatusCode.Created, service.Admin);
        return pool!["id"]!.GetValue<Guid>();
    }

    /// <summary>A new woman in the village, booked (green) by the health worker.</summary>
    public Task<Guid> WomanAsync(string village, string name = "测试孕妇") =>
        service.Api.BookAsync(service.Bookings.AWoman(24).With("fullName", name).With("divisionCode", village));

    /// <summary>Asks a question about her (201, by default as the health worker); returns the answer.</summary>
    public async Task<JsonNode> AskAsync(Guid pregnancyId, string specialty, HttpClient? client = null, Guid? poolId = null)
    {
        var body = new JsonObject { ["question"] = "孕24周，既往风湿性心脏病，心悸气短加重，是否需要转上级医院评估？", ["specialty"] = specialty };
        if (poolId is { } pool)
        {
            body["poolId"] = pool;
        }

        return (await service.Api.PostAsync($"/api/pregnancies/{pregnancyId}/consultations", body, HttpStatusCode.Created, client))!;
    }

    public async Task<JsonNode> GetAsync(Guid consultationId, HttpClient client)
    {
        var (status, body) = await service.Api.GetAsync($"/api/consultations/{consultationId}", client);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }
}
