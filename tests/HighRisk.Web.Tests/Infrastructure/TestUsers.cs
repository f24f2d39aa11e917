using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>
/// One account per role for Yuhu district (雨湖区, 430302) — where the tests book their women — and one per role for
/// Yuetang district (岳塘区, 430304), which must never see them.
/// </summary>
public static class TestUsers
{
    public const string Password = "test-Password-1";

    public static readonly (string Key, string Role, string? Division, string? Facility)[] All =
    [
        ("worker", "healthWorker", null, "430302101-THC"),
        ("township", "subdistrictStaff", "430302101", null),
        ("county", "countyStaff", "430302", null),
        ("city", "cityStaff", "4303", null),
        ("other-worker", "healthWorker", null, "430304001-CHC"),
        ("other-township", "subdistrictStaff", "430304001", null),
        ("other-county", "countyStaff", "430304", null),
        ("other-city", "cityStaff", "4302", null),
    ];

    private static readonly Dictionary<string, (string UserName, string Password)> Credentials = [];

    public static async Task<IReadOnlyDictionary<string, HttpClient>> SignInAllAsync(WebApplicationFactory<Program> factory)
    {
        Credentials["admin"] = ("admin", TestHost.AdminPassword);
        var clients = new Dictionary<string, HttpClient> { ["admin"] = await SignInAsync(factory, "admin", TestHost.AdminPassword) };
        foreach (var (key, role, division, facility) in All)
        {
            var created = await clients["admin"].PostAsJsonAsync("/api/admin/users", new
            {
                userName = $"t-{key}",
                displayName = $"测试用户 {key}",
                role,
                divisionCode = division,
                facilityCode = facility,
                mobile = "13900000000",
                password = Password,
            });
            Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
            Credentials[key] = ($"t-{key}", Password);
            clients[key] = await SignInAsync(factory, $"t-{key}", Password);
        }

        return clients;
    }

    /// <summary>A new signed-in user of the given role and division, for a test that works in its own area.</summary>
    public static async Task<HttpClient> CreateAsync(WebApplicationFactory<Program> factory, string role, string division)
    {
        var key = $"{role}-{division}-{Guid.NewGuid():N}"[..40];
        var created = await TestHost.Admin.PostAsJsonAsync("/api/admin/users", new { userName = key, displayName = "测试用户", role, divisionCode = division, password = Password });
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        Credentials[key] = (key, Password);
        var client = await SignInAsync(factory, key, Password);
        Extra[key] = client;
        return client;
    }

    /// <summary>Clients made by <see cref="CreateAsync"/>, renewed with the others when the clock jumps.</summary>
    public static Dictionary<string, HttpClient> Extra { get; } = [];

    /// <summary>Signs every client in again: after the test clock jumps ahead, the old tokens have expired.</summary>
    public static async Task RenewAllAsync(IReadOnlyDictionary<string, HttpClient> clients)
    {
        foreach (var (key, client) in clients)
        {
            var (userName, password) = Credentials[key];
            client.DefaultRequestHeaders.Authorization = null;
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.That(response.IsSuccessStatusCode, Is.True, body?.ToJsonString());
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["accessToken"]!.GetValue<string>());
        }
    }

    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName, string password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.IsSuccessStatusCode, Is.True, body?.ToJsonString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["accessToken"]!.GetValue<string>());
        return client;
    }
}
