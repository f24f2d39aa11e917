using System.Net;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Referrals;

/// <summary>The month's referral indicators: counted by her county and by receiving facility, late answers by the referral's own rule.</summary>
[NonParallelizable]
public class ReferralIndicatorTests : ReferralFixture
{
    [Test]
    public async Task AMonthsReferrals_AreCountedByCountyAndFacility_WithTheClosedLoopRate()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var completed = (await ReferAsync(await OrangeWomanAsync(), "urgent"))["referralId"]!.GetValue<Guid>();
        await StepAsync(completed, "accept", null, centre);
        await StepAsync(completed, "arrive", new { date = D(Clock.Today) }, centre);
        await StepAsync(completed, "complete", new { findings = "稳定", advice = "按期产检", followUpOn = D(Clock.Today.AddDays(7)) }, centre);
        var declined = (await ReferAsync(await OrangeWomanAsync(), "routine"))["referralId"]!.GetValue<Guid>();
        await StepAsync(declined, "decline", new { reason = "无床位" }, centre);
        var cancelled = (await ReferAsync(await OrangeWomanAsync(), "routine"))["referralId"]!.GetValue<Guid>();
        await StepAsync(cancelled, "cancel", new { reason = "孕妇拒绝" }, Township);
        await ReferAsync(await OrangeWomanAsync(), "emergency");
        var steps = new Consultations.ConsultationSteps(this);
        await steps.PoolAsync("湘潭市产科专家组", "obstetrics", "4303", "city");
        var answered = (await steps.AskAsync(await OrangeWomanAsync(), "obstetrics"))["consultationId"]!.GetValue<Guid>();
        await Api.PostAsync($"/api/consultations/{answered}/take", null, HttpStatusCode.OK, Clients["city"]);
        await Api.PostAsync($"/api/consultations/{answered}/answer", new JsonObject { ["answer"] = "继续监测" }, HttpStatusCode.OK, Clients["city"]);
        await steps.AskAsync(await OrangeWomanAsync(), "obstetrics");
        await AdvanceAsync(TimeSpan.FromHours(3));

        var month = Clock.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await Api.GetAsync($"/api/indicators/referrals?division=4303&month={month}", Clients["city"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var yuhu = body!["counties"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "430302")!;
        var atCentre = body["facilities"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == Centre)!;
        Assert.Multiple(() =>
        {
            Assert.That(Counts(yuhu), Is.EqualTo(new[] { 4, 1, 1, 1, 1, 1, 1 }), "referred, emergencies, accepted, declined, cancelled, arrived, back down");
            Assert.That(yuhu["closedLoop"]!["numerator"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(yuhu["closedLoop"]!["denominator"]!.GetValue<int>(), Is.EqualTo(2), "declined and cancelled are not in the loop");
            Assert.That(yuhu["answeredLate"]!.GetValue<int>(), Is.EqualTo(1), "the emergency unanswered after 2 hours");
            Assert.That(atCentre["referred"]!.GetValue<int>(), Is.EqualTo(4));
            var asked = body["consultations"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "430302")!;
            Assert.That(asked["asked"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(asked["answeredIn24Hours"]!["numerator"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(asked["answeredIn24Hours"]!["denominator"]!.GetValue<int>(), Is.EqualTo(1), "the one still within its 24 hours is in neither");
        });
        var (other, _) = await Api.GetAsync($"/api/indicators/referrals?division=4303&month={month}", Clients["township"]);
        Assert.That(other, Is.EqualTo(HttpStatusCode.Forbidden), "county and city MCH staff read the indicators");
        var (_, elsewhere) = await Api.GetAsync($"/api/indicators/referrals?division=4303&month={month}", Clients["other-county"]);
        Assert.That(elsewhere!["counties"]!.AsArray(), Is.Empty, "another county's staff count only their own area");
    }

    private static int[] Counts(JsonNode row) =>
        new[] { "referred", "emergencies", "accepted", "declined", "cancelled", "arrived", "referredBackDown" }.Select(f => row[f]!.GetValue<int>()).ToArray();
}
