using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Consultations;

/// <summary>
/// Expert pools, kept by administrators: a name, a specialty, a city or county, and members whose own area holds it.
/// Each invalid pool is a 400 naming its field; a changed membership applies to the pool's open consultations at once.
/// </summary>
[NonParallelizable]
public class ExpertPoolTests : ServiceFixture
{
    private ConsultationSteps Steps => new(this);

    private async Task<JsonObject> APoolAsync(string division = "430302", params string[] members)
    {
        var ids = new JsonArray();
        foreach (var member in members.Length == 0 ? ["county"] : members)
        {
            ids.Add(await Steps.UserIdAsync(member));
        }

        return new JsonObject { ["name"] = "雨湖区精神科专家组", ["specialty"] = "psychiatry", ["divisionCode"] = division, ["memberIds"] = ids };
    }

    [Test]
    public async Task AnInvalidPool_Is400NamingTheField()
    {
        async Task RefusedAsync(JsonObject pool, string field, string? code = null)
        {
            var (status, problem, _) = await Api.PostAsync("/api/admin/expert-pools", pool, client: Admin);
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), pool.ToJsonString());
            Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { field }), problem?.ToJsonString());
            if (code is not null)
            {
                Assert.That(problem!["errorCodes"]![field]![0]!.GetValue<string>(), Is.EqualTo(code));
            }
        }

        var pool = await APoolAsync();
        await RefusedAsync(pool.With("name", ""), "name");
        await RefusedAsync(pool.With("specialty", "dermatology"), "specialty");
        await RefusedAsync(pool.With("divisionCode", "430302101"), "divisionCode", "ExpertPoolDivision");
        await RefusedAsync(pool.With("divisionCode", "9999"), "divisionCode", "DivisionUnknown");
        await RefusedAsync(pool.With("memberIds", new JsonArray()), "memberIds");
        var county = await Steps.UserIdAsync("county");
        await RefusedAsync(pool.With("memberIds", new JsonArray(county, county)), "memberIds", "ExpertPoolMemberRepeated");
        foreach (var outsider in new[] { "township", "other-county", "admin" })
        {
            await RefusedAsync(await APoolAsync("430302", "county", outsider), "memberIds[1]", "ExpertPoolMemberIneligible");
        }

        await RefusedAsync(pool.With("memberIds", new JsonArray(Guid.NewGuid())), "memberIds[0]", "ExpertPoolMemberIneligible");
        await RefusedAsync(await APoolAsync("4303", "county"), "memberIds[0]", "ExpertPoolMemberIneligible");

        await Api.PostAsync("/api/admin/expert-pools", pool, HttpStatusCode.Created, Admin);
        await RefusedAsync(pool.With("name", "另一个精神科专家组"), "divisionCode", "ExpertPoolDuplicate");
        var (forbidden, _, _) = await Api.PostAsync("/api/admin/expert-pools", pool.With("divisionCode", "4303"), client: Clients["city"]);
        Assert.That(forbidden, Is.EqualTo(HttpStatusCode.Forbidden), "administrators only");
    }

    [Test]
    public async Task ChangingThePool_AppliesToItsOpenConsultations_AndAnUnknownPoolIs404()
    {
        var body = (await APoolAsync("4303", "city")).With("specialty", "other").With("name", "湘潭市综合会诊专家组");
        var created = await Api.PostAsync("/api/admin/expert-pools", body, HttpStatusCode.Created, Admin);
        var id = created!["id"]!.GetValue<Guid>();
        Assert.That(created["divisionName"]!.GetValue<string>(), Is.EqualTo("湘潭市"));
        Assert.That(created["members"]!.AsArray().Select(m => m!["displayName"]!.GetValue<string>()), Is.EqualTo(new[] { "测试用户 t-city" }));
        var consultation = (await Steps.AskAsync(await Steps.WomanAsync(Bookings.Village), "other"))["consultationId"]!.GetValue<Guid>();

        var (before, _, _) = await Api.PostAsync($"/api/consultations/{consultation}/take", null, client: Clients["county"]);
        Assert.That(before, Is.EqualTo(HttpStatusCode.Forbidden), "not a member yet");

        using (var changed = await Admin.PutAsync(new Uri($"/api/admin/expert-pools/{id}", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(
            (await APoolAsync("4303", "city")).With("specialty", "other").With("name", "湘潭市综合会诊专家组").With("memberIds", new JsonArray(await Steps.UserIdAsync("county"))))))
        {
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a county account does not cover the city");
        }

        var both = new JsonArray(await Steps.UserIdAsync("city"), await Steps.UserIdAsync("county"));
        using (var changed = await Admin.PutAsync(new Uri($"/api/admin/expert-pools/{id}", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(
            body.With("divisionCode", "430302").With("memberIds", both))))
        {
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        }

        await Api.PostAsync($"/api/consultations/{consultation}/take", null, HttpStatusCode.OK, Clients["county"]);
        var (_, pools) = await Api.GetAsync("/api/admin/expert-pools?division=430302101201", Admin);
        Assert.That(pools!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()), Does.Contain(id), "a pool answering for the village");

        using var unknown = await Admin.PutAsync(new Uri($"/api/admin/expert-pools/{Guid.NewGuid()}", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(body));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
