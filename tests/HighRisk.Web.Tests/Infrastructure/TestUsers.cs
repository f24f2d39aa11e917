using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>
/// One account per role for Yuhu district (雨湖区, 430302) — where the tests book their women — and one per role for
/// Yuetang district (岳塘区, 430304), which must never see them. They are made once, in the template database, so every
/// fixture's database has them; each fixture signs them in on its own service.
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

    /// <summary>The user name of the account for a key of <see cref="All"/> ("admin" is the administrator).</summary>
    public static string UserName(string key) => key == "admin" ? "admin" : $"t-{key}";

    /// <summary>Creates the accounts of <see cref="All"/> through the administrator, on a service whose database becomes the template.</summary>
    public static async Task CreateAllAsync(ServiceHost service)
    {
        using var admin = await SignInAsync(service, "admin", ServiceHost.AdminPassword);
        foreach (var (key, role, division, facility) in All)
        {
            await CreateAsync(admin, UserName(key), role, division, facility, mobile: "13900000000");
        }
    }

    /// <summary>Creates an account through the administrator's client, failing the test unless it is created.</summary>
    public static async Task CreateAsync(HttpClient admin, string userName, string role, string? division, string? facility = null, string? mobile = null)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName,
            displayName = $"测试用户 {userName}",
            role,
            divisionCode = division,
            facilityCode = facility,
            mobile,
            password = Password,
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created),
            $"creating the {role} account {userName} for {division ?? facility}: {await created.Content.ReadAsStringAsync()}");
    }

    /// <summary>Signs the administrator and every account of <see cref="All"/> in; returns their access tokens by key.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SignInAllAsync(ServiceHost service)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var key in All.Select(u => u.Key).Prepend("admin"))
        {
            using var client = await SignInAsync(service, UserName(key), key == "admin" ? ServiceHost.AdminPassword : Password);
            tokens[key] = client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        return tokens;
    }

    /// <summary>A new client of the service, signed in with a bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(ServiceHost service, string userName, string password)
    {
        var client = service.CreateClient();
        await SignInAgainAsync(client, userName, password);
        return client;
    }

    /// <summary>Signs a client in (again: after the test clock jumps ahead, the old token has expired), failing the test unless it is let in.</summary>
    public static async Task SignInAgainAsync(HttpClient client, string userName, string password)
    {
        client.DefaultRequestHeaders.Authorization = null;
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"signing in as {userName}: {text}");
        var token = JsonNode.Parse(text)?["accessToken"]?.GetValue<string>();
        Assert.That(token, Is.Not.Null.And.Not.Empty, $"signing in as {userName} gave no access token: {text}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
