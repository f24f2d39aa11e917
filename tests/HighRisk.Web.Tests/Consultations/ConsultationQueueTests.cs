using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Features.Consultations;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Consultations;

/// <summary>
/// The consultations as a work queue: filtered by state, pool and the caller's part, the earliest due first, paged by
/// cursor; and the review job, which flags a consultation unanswered after 24 hours and escalates it exactly once per
/// recipient — the pool's MCH contact (county on-duty, or the city MCH institution for a city pool) and the asker.
/// </summary>
[NonParallelizable]
public class ConsultationQueueTests : ServiceFixture
{
    private const string CountyOnDuty = "13955560001";
    private const string CityMch = "13955560002";
    private const string AskerMobile = "13900000000";   // every test account's mobile (TestUsers)

    private ConsultationSteps Steps => new(this);

    [Test]
    public async Task TheList_FiltersByStatePoolAndMine_EarliestDueFirst_PagedByCursor()
    {
        var pool = await Steps.PoolAsync("雨湖区新生儿科专家组", "neonatology", "430302", "county");
        var ids = new List<Guid>();
        foreach (var name in new[] { "第一位", "第二位", "第三位" })
        {
            ids.Add((await Steps.AskAsync(await Steps.WomanAsync(Bookings.Village, name), "neonatology"))["consultationId"]!.GetValue<Guid>());
            await AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        await Api.PostAsync($"/api/consultations/{ids[1]}/take", null, HttpStatusCode.OK, Clients["county"]);

        async Task<(Guid[] Ids, string? Next)> PageAsync(string query, HttpClient? client = null)
        {
            var (status, page) = await Api.GetAsync($"/api/consultations?{query}", client ?? Clients["county"]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page?.ToJsonString());
            return ([.. page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())], page["nextCursor"]?.GetValue<string>());
        }

        var first = await PageAsync($"pool={pool}&status=open&limit=1");
        Assert.That(first.Ids, Is.EqualTo(new[] { ids[0] }), "the earliest due first");
        var second = await PageAsync($"pool={pool}&status=open&limit=1&cursor={first.Next}");
        Assert.That(second.Ids, Is.EqualTo(new[] { ids[2] }));
        Assert.That(second.Next, Is.Null);
        Assert.That((await PageAsync($"pool={pool}&status=taken")).Ids, Is.EqualTo(new[] { ids[1] }));
        Assert.That((await PageAsync("mine=taken")).Ids, Is.EqualTo(new[] { ids[1] }), "taken by me");
        Assert.That((await PageAsync($"pool={pool}&mine=pools")).Ids, Is.EqualTo(new[] { ids[2], ids[1], ids[0] }), "without a state: the latest first");
        Assert.That((await PageAsync($"pool={pool}&mine=pools", Clients["city"])).Ids, Is.Empty, "the city sees them but is not in the pool");
        Assert.That((await PageAsync($"pool={pool}&mine=asked", Client)).Ids, Has.Length.EqualTo(3), "asked by the health worker");

        var (bad, problem) = await Api.GetAsync("/api/consultations?status=late&mine=everyone&cursor=x", Clients["county"]);
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EquivalentTo(new[] { "status", "mine", "cursor" }));
    }

    [Test]
    public async Task Unanswered24Hours_IsFlaggedLate_AndEscalatedOncePerRecipient_EvenWhenTheJobRunsTwice()
    {
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302", role = "countyOnDuty", name = "雨湖区会诊值班", mobile = CountyOnDuty }, HttpStatusCode.Created, Admin);
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "4303", role = "cityMch", name = "湘潭市妇幼会诊", mobile = CityMch }, HttpStatusCode.Created, Admin);
        await Steps.PoolAsync("雨湖区感染科专家组", "infectiousDisease", "430302", "county");
        await Steps.PoolAsync("湘潭市麻醉科专家组", "anaesthesia", "4303", "city");
        var woman = await Steps.WomanAsync(Bookings.Village, "逾期孕妇");
        var county = (await Steps.AskAsync(woman, "infectiousDisease"))["consultationId"]!.GetValue<Guid>();
        var city = (await Steps.AskAsync(woman, "anaesthesia"))["consultationId"]!.GetValue<Guid>();

        await AdvanceAsync(TimeSpan.FromHours(23));
        await ReviewAsync();
        Assert.That((await Steps.GetAsync(county, Clients["county"]))["late"]!.GetValue<bool>(), Is.False, "23 hours: not late yet");
        Assert.That((await RecipientsAsync(county)).Concat(await RecipientsAsync(city)), Is.Empty);

        await AdvanceAsync(TimeSpan.FromHours(2));
        await ReviewAsync();
        await ReviewAsync();
        var late = await Steps.GetAsync(county, Clients["county"]);
        Assert.That(late["late"]!.GetValue<bool>(), Is.True);
        Assert.That(late["escalatedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow()).Within(TimeSpan.FromSeconds(1)));
        var (_, flagged) = await Api.GetAsync("/api/consultations?late=true", Clients["city"]);
        Assert.That(flagged!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(county).And.Contain(city), "the late flag on the list");

        Assert.That(await RecipientsAsync(county), Is.EqualTo(new[] { AskerMobile, CountyOnDuty }), "a county pool: the county on-duty contact and the asker, once each");
        Assert.That(await RecipientsAsync(city), Is.EqualTo(new[] { AskerMobile, CityMch }), "a city pool: the city MCH institution and the asker, once each");
        var text = await ScalarAsync<string>("SELECT text FROM sms_messages WHERE dedup_key = $1", $"consultation-late:{county}:{CountyOnDuty}");
        Assert.That(text, Does.Contain("会诊逾期").And.Contain("感染科").And.Contain("雨湖区感染科专家组").And.Not.Contain("逾期孕妇"));

        await Api.PostAsync($"/api/consultations/{county}/take", null, HttpStatusCode.OK, Clients["county"]);
        var answered = await Api.PostAsync($"/api/consultations/{county}/answer", new JsonObject { ["answer"] = "按传染病管理，落实母婴阻断。" }, HttpStatusCode.OK, Clients["county"]);
        Assert.That(answered!["late"]!.GetValue<bool>(), Is.False, "answered: no longer flagged");
        Assert.That(answered["answeredLate"]!.GetValue<bool>(), Is.True);
    }

    /// <summary>Runs the review job here and now, as Hangfire would every 5 minutes, and waits for it to finish.</summary>
    private async Task ReviewAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ConsultationReviewJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    /// <summary>Every mobile the late consultation's SMS went to, one entry per message, in order.</summary>
    private async Task<string[]> RecipientsAsync(Guid consultation)
    {
        var all = await ScalarAsync<string>(
            "SELECT coalesce(string_agg(recipient, ',' ORDER BY recipient), '') FROM sms_messages WHERE kind = 'ConsultationLate' AND dedup_key LIKE $1", $"consultation-late:{consultation}:%");
        return all.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }
}
