using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

public class SignInTests : ServiceFixture
{
    [Test]
    public async Task RepeatedBadPasswords_LockTheAccount()
    {
        var userName = await CreateUserAsync("lock");
        for (var i = 0; i < 5; i++)
        {
            var (bad, _, _) = await Api.PostAsync("/api/auth/login", new { userName, password = "wrong-password-1" }, client: Anonymous);
            Assert.That(bad, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var (status, problem, _) = await Api.PostAsync("/api/auth/login", new { userName, password = TestUsers.Password }, client: Anonymous);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), "even the right password is refused while locked");
        Assert.That(problem!["detail"]!.GetValue<string>(), Does.Contain("locked"));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE user_name = $1 AND action = 'SignInFailed'", userName), Is.EqualTo(6));
    }

    [Test]
    public async Task SignInWithAnIdempotencyKey_StoresNoTokens_AndASecondSignInIsFresh()
    {
        var userName = await CreateUserAsync("idem");
        var key = Guid.NewGuid().ToString();
        var (first, one, _) = await Api.PostAsync("/api/auth/login", new { userName, password = TestUsers.Password }, key, Anonymous);
        var (second, two, response) = await Api.PostAsync("/api/auth/login", new { userName, password = TestUsers.Password }, key, Anonymous);
        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(response.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(two!["refreshToken"]!.GetValue<string>(), Is.Not.EqualTo(one!["refreshToken"]!.GetValue<string>()));
        });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE key LIKE $1", $"%:{key}"), Is.Zero);
    }

    [Test]
    public async Task RefreshToken_GivesANewAccessTokenUntilTheAccountIsDisabled()
    {
        var userName = await CreateUserAsync("refresh");
        var session = await Api.PostAsync("/api/auth/login", new { userName, password = TestUsers.Password }, HttpStatusCode.OK, Anonymous);
        Assert.That(session!["expiresIn"]!.GetValue<long>(), Is.GreaterThan(0));
        var refresh = session["refreshToken"]!.GetValue<string>();

        var (renewed, fresh, _) = await Api.PostAsync("/api/auth/refresh", new { refreshToken = refresh }, client: Anonymous);
        Assert.That(renewed, Is.EqualTo(HttpStatusCode.OK), fresh?.ToJsonString());
        Assert.That(fresh!["accessToken"]!.GetValue<string>(), Is.Not.Empty);

        var users = (await Api.GetAsync("/api/admin/users", Admin)).Body!.AsArray();
        var id = users.Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<Guid>();
        using var disable = await Admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "停用", role = "countyStaff", divisionCode = "430302", disabled = true });
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.OK), await disable.Content.ReadAsStringAsync());

        var (refused, _, _) = await Api.PostAsync("/api/auth/refresh", new { refreshToken = refresh }, client: Anonymous);
        Assert.That(refused, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var withOldToken = new HttpRequestMessage(HttpMethod.Get, "/api/pregnancies");
        withOldToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fresh["accessToken"]!.GetValue<string>());
        var old = await Anonymous.SendAsync(withOldToken);
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a disabled account's token stops working at once");
    }

    [Test]
    public async Task ChangedScope_TakesEffectAtTheUsersNextRequest()
    {
        var pregnancy = await Api.BookAsync(Bookings.AWoman());   // in 雨湖区 (430302)
        var userName = await CreateUserAsync("scope");
        var session = await Api.PostAsync("/api/auth/login", new { userName, password = TestUsers.Password }, HttpStatusCode.OK, Anonymous);
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session!["accessToken"]!.GetValue<string>());
        Assert.That((await Api.GetAsync($"/api/pregnancies/{pregnancy}", client)).Status, Is.EqualTo(HttpStatusCode.OK), "her county's staff see her");

        var users = (await Api.GetAsync("/api/admin/users", Admin)).Body!.AsArray();
        var id = users.Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<Guid>();
        using var move = await Admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "调岗", role = "countyStaff", divisionCode = "430304" });
        Assert.That(move.StatusCode, Is.EqualTo(HttpStatusCode.OK), await move.Content.ReadAsStringAsync());

        Assert.That((await Api.GetAsync($"/api/pregnancies/{pregnancy}", client)).Status, Is.EqualTo(HttpStatusCode.NotFound),
            "the same token, the new county: the account kept in memory is forgotten when it changes");
    }

    [Test]
    public async Task ReadsAndChanges_LeaveAuditRows()
    {
        var id = await Api.BookAsync(Bookings.AWoman());
        await Api.ExamAsync(id, Bookings.AnExam());
        await Api.GetAsync($"/api/pregnancies/{id}", Clients["county"]);

        var (_, audit) = await Api.GetAsync($"/api/admin/audit?entityId={id}", Admin);
        var rows = audit!["items"]!.AsArray().Select(r => $"{r!["userName"]!.GetValue<string>()}:{r["action"]!.GetValue<string>()}").ToList();
        Assert.That(rows, Is.SupersetOf(new[] { "t-worker:create", "t-county:read" }));
        Assert.That(rows.Count(r => r == "t-worker:create"), Is.EqualTo(2), "booking and exam");
        Assert.That(audit["items"]![0]!["remoteAddress"]!.GetValue<string>(), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task AuditTrail_RefusesUpdatesAndDeletes()
    {
        Assert.That(async () => await ScalarAsync<long>("UPDATE audit_events SET user_name = 'x' RETURNING 1"), Throws.Exception.With.Message.Contains("append-only"));
        Assert.That(async () => await ScalarAsync<long>("DELETE FROM audit_events RETURNING 1"), Throws.Exception.With.Message.Contains("append-only"));
    }

    private async Task<string> CreateUserAsync(string prefix)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var (status, body, _) = await Api.PostAsync("/api/admin/users",
            new JsonObject { ["userName"] = userName, ["displayName"] = "测试", ["role"] = "countyStaff", ["divisionCode"] = "430302", ["password"] = TestUsers.Password },
            client: Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return userName;
    }
}
