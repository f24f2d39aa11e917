using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Referrals;

/// <summary>
/// What the boards and inboxes show of a referral: the case board and a case's page name her open referral (and drop it when
/// it is declined); the inbox and the referral's page name her township and both facilities.
/// </summary>
public class ReferralViewsTests : ReferralFixture
{
    private HttpClient County => Clients["county"];

    private async Task<JsonNode?> OnTheBoardAsync(Guid pregnancyId)
    {
        var board = await Api.GetAsync("/api/cases?division=430302101&limit=200", County);
        Assert.That(board.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), board.Body?.ToJsonString());
        var row = board.Body!["items"]!.AsArray().Single(r => r!["pregnancyId"]!.GetValue<Guid>() == pregnancyId)!;
        var (status, single) = await Api.GetAsync($"/api/cases/{row["id"]!.GetValue<Guid>()}", County);
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK), single?.ToJsonString());
        Assert.That(single!["openReferral"]?.ToJsonString(), Is.EqualTo(row["openReferral"]?.ToJsonString()), "the case's page says what the board says");
        return row["openReferral"];
    }

    [Test]
    public async Task HerOpenReferral_IsOnTheBoard_UntilDeclined_ThenTheNextOne()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var woman = await OrangeWomanAsync();
        var other = await OrangeWomanAsync();
        Assert.That(await OnTheBoardAsync(woman), Is.Null, "no referral yet");

        var first = (await ReferAsync(woman, "routine"))["referralId"]!.GetValue<Guid>();
        await ReferAsync(other, "urgent");
        var shown = await OnTheBoardAsync(woman);
        Assert.That(shown, Is.Not.Null);
        Assert.That(
            (shown!["id"]!.GetValue<Guid>(), shown["toFacilityCode"]!.GetValue<string>(), shown["status"]!.GetValue<string>(), shown["urgency"]!.GetValue<string>()),
            Is.EqualTo((first, Centre, "requested", "routine")), "her own referral, not the other woman's");
        Assert.That(shown["late"]!.GetValue<bool>(), Is.False);

        await StepAsync(first, "decline", new { reason = "本院无心内科，请转市妇幼" }, centre);
        Assert.That(await OnTheBoardAsync(woman), Is.Null, "a declined referral is no longer open");

        var second = (await ReferAsync(woman, "urgent"))["referralId"]!.GetValue<Guid>();
        Assert.That((await OnTheBoardAsync(woman))!["id"]!.GetValue<Guid>(), Is.EqualTo(second));
    }

    [Test]
    public async Task TheInboxAndTheReferralsPage_NameHerTownshipAndBothFacilities()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var referralId = (await ReferAsync(await OrangeWomanAsync(), "routine", Clients["worker"]))["referralId"]!.GetValue<Guid>();   // from her township health centre
        var (listed, inbox) = await Api.GetAsync("/api/referrals?direction=incoming&status=open", centre);
        Assert.That(listed, Is.EqualTo(System.Net.HttpStatusCode.OK), inbox?.ToJsonString());
        var item = inbox!["items"]!.AsArray().Single(i => i!["referral"]!["id"]!.GetValue<Guid>() == referralId)!;
        var (read, page) = await Api.GetAsync($"/api/referrals/{referralId}", centre);
        Assert.That(read, Is.EqualTo(System.Net.HttpStatusCode.OK), page?.ToJsonString());
        foreach (var (view, name) in new[] { (item, "inbox"), (page!, "page") })
        {
            Assert.That(
                (view["townshipName"]?.GetValue<string>(), view["toFacilityName"]?.GetValue<string>(), view["fromFacilityName"]?.GetValue<string>()),
                Is.EqualTo(("楠竹山镇", "岳塘区妇幼保健计划生育服务中心", "楠竹山镇卫生院")), name);
        }
    }
}
