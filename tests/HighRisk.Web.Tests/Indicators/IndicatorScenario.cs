using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.Indicators;

/// <summary>
/// The month the indicator tests count, built through the API from Monday 16 March 2026, 10:00 Asia/Shanghai, in two
/// counties of Xiangtan. Yuhu (雨湖区, 430302), booked by its township health worker:
/// Y1 red — reported at once, planned at once with the continuation assessment at 4303-MCH (三级), delivered at 4303-MCH;
/// Y2 red — reported 25 h later (late), planned at once but assessed at 430302-MCH (二级), delivered at 430302-MCH (二级);
/// Y3 orange — reported 25 h later (in time: 72 h), first plan on day 8 (late: 7 days), delivered with no facility recorded;
/// Y4 orange — never reported, no plan, a near miss on 20 March, moved away unreached on 20 March (lost);
/// Y5 orange — reported and planned at once, down to green on 18 March, delivered at 430302-MCH (二级: enough for green).
/// Yuetang (岳塘区, 430304), booked by its own health worker:
/// T1 red — reported and planned at once with no continuation assessment, died on 25 March;
/// T2 orange — reported and planned at once, delivered at 4303-H02 (三级, not a critical care centre);
/// T3 purple (infectious disease at booking) — not reported, first plan on day 8 (late).
/// N1, a green woman in Yuhu with no case, delivers at her township health centre (not counted).
/// Then, at 07:00 on 1 April in Shanghai (23:00 on 31 March UTC), Y6 turns red in Yuhu with a near miss that day: April's.
/// </summary>
internal sealed class IndicatorScenario(ServiceFixture service)
{
    public static readonly DateOnly March16 = new(2026, 3, 16);

    private static readonly JsonObject Red = new() { ["pulmonaryArteryPressure"] = 55 };
    private static readonly JsonObject Orange = new() { ["pulmonaryArteryPressure"] = 40 };
    private static readonly JsonObject Normal = new() { ["pulmonaryArteryPressure"] = 25 };

    private HttpClient City => service.Clients["city"];

    private HttpClient YuetangWorker => service.Clients["other-worker"];

    private Api Api => service.Api;

    public async Task BuildAsync()
    {
        Assert.That(service.Clock.Today, Is.EqualTo(March16), "the scenario starts on the fixture's first day");
        var y1 = await WomanAsync("red", Red);
        var y2 = await WomanAsync("red", Red);
        var y3 = await WomanAsync("orange", Orange);
        var y4 = await WomanAsync("orange", Orange);
        var y5 = await WomanAsync("orange", Orange);
        var t1 = await WomanAsync("red", Red, yuetang: true);
        var t2 = await WomanAsync("orange", Orange, yuetang: true);
        var t3 = await WomanAsync("purple", null, yuetang: true);
        var n1 = await Api.BookAsync(service.Bookings.AWoman(36));

        foreach (var c in new[] { y1, y5, t1, t2 })
        {
            await AcknowledgeAsync(c.CaseId);
        }

        await PlanAsync(y1.CaseId, assessedAt: "4303-MCH");
        await PlanAsync(y2.CaseId, assessedAt: "430302-MCH");
        await PlanAsync(y5.CaseId);
        await PlanAsync(t1.CaseId);
        await PlanAsync(t2.CaseId);

        await service.AdvanceAsync(TimeSpan.FromHours(25));
        await AcknowledgeAsync(y2.CaseId);
        await AcknowledgeAsync(y3.CaseId);

        await service.TravelToAsync(March16.AddDays(2));
        var down = await Api.ExamAsync(y5.PregnancyId, service.Bookings.AnExam(measurements: Normal.DeepClone().AsObject()));
        Assert.That(down["grade"]!.GetValue<string>(), Is.AnyOf("green", "yellow"), "Y5 came down before the birth");

        await service.TravelToAsync(March16.AddDays(4));
        await Api.PostAsync($"/api/cases/{y4.CaseId}/near-misses", NearMiss(service.Clock.Today), HttpStatusCode.Created, City);
        var moved = await Api.PostAsync(
            $"/api/pregnancies/{y4.PregnancyId}/follow-ups", new { date = D(service.Clock.Today), kind = "homeVisit", reached = false, movedAway = true }, HttpStatusCode.Created);
        Assert.That(moved!["state"]!.GetValue<string>(), Is.EqualTo("lost"));
        await new DailyJob(service).RunAsync(service.Clock.Today);

        await service.TravelToAsync(March16.AddDays(8));
        await PlanAsync(y3.CaseId);
        await PlanAsync(t3.CaseId);

        await service.TravelToAsync(March16.AddDays(9));
        await DeliverAsync(y1.PregnancyId, "4303-MCH");
        await DeliverAsync(y2.PregnancyId, "430302-MCH");
        await DeliverAsync(y3.PregnancyId, null);
        await DeliverAsync(y5.PregnancyId, "430302-MCH");
        await DeliverAsync(t2.PregnancyId, "4303-H02", YuetangWorker);
        await DeliverAsync(n1, Bookings.Facility);
        await Api.PostAsync($"/api/pregnancies/{t1.PregnancyId}/close", new { outcome = "maternalDeath", date = D(service.Clock.Today) }, HttpStatusCode.OK, YuetangWorker);

        // 07:00 on 1 April in Shanghai is still 31 March in UTC: the business date decides.
        await service.TravelToAsync(new DateOnly(2026, 3, 31));
        await service.AdvanceAsync(TimeSpan.FromHours(21));
        Assert.That(service.Clock.GetUtcNow().UtcDateTime.Day, Is.EqualTo(31));
        Assert.That(service.Clock.Today, Is.EqualTo(new DateOnly(2026, 4, 1)));
        var y6 = await WomanAsync("red", Red);
        await Api.PostAsync($"/api/cases/{y6.CaseId}/near-misses", NearMiss(service.Clock.Today), HttpStatusCode.Created, City);

        // Y4 is still lost on 1 April's list: lost in March, not newly lost in April.
        await new DailyJob(service).RunAsync(service.Clock.Today);
    }

    private async Task<(Guid PregnancyId, Guid CaseId)> WomanAsync(string colour, JsonObject? exam, bool yuetang = false)
    {
        var booking = service.Bookings.AWoman(36);
        var client = yuetang ? YuetangWorker : service.Client;
        if (yuetang)
        {
            booking = booking.With("divisionCode", "430304001001").With("facilityCode", "430304001-CHC");
        }

        if (exam is null)
        {
            booking = booking.With("findings", new JsonArray("p_infectious"));
        }

        var id = await Api.BookAsync(booking, client);
        if (exam is not null)
        {
            var examined = await Api.ExamAsync(id, service.Bookings.AnExam(measurements: exam.DeepClone().AsObject()), client);
            Assert.That(examined["grade"]!.GetValue<string>(), Is.EqualTo(colour));
        }

        var (_, pregnancy) = await Api.GetAsync($"/api/pregnancies/{id}", client);
        var caseId = pregnancy!["caseId"]!.GetValue<Guid>();
        var (_, opened) = await Api.GetAsync($"/api/cases/{caseId}", City);
        Assert.That(opened!["openedAs"]!.GetValue<string>(), Is.EqualTo(colour));
        return (id, caseId);
    }

    private Task AcknowledgeAsync(Guid caseId) => Api.PostAsync($"/api/cases/{caseId}/acknowledge", null, HttpStatusCode.OK, City);

    private Task PlanAsync(Guid caseId, string? assessedAt = null)
    {
        var today = service.Clock.Today;
        var plan = new JsonObject
        {
            ["careFacilityCode"] = "430302-MCH", ["deliveryFacilityCode"] = "4303-MCH", ["treatmentPlan"] = "每周产检", ["emergencyPlan"] = "绿色通道转市妇幼保健院",
            ["nextReviewDate"] = D(today.AddDays(14)),
        };
        if (assessedAt is not null)
        {
            plan["continuation"] = new JsonObject
            {
                ["date"] = D(today), ["facilityCode"] = assessedAt, ["assessor"] = "张医生", ["assessorTitle"] = "副主任医师", ["outcome"] = "continue",
            };
        }

        return Api.PostAsync($"/api/cases/{caseId}/plans", plan, HttpStatusCode.Created, City);
    }

    private Task DeliverAsync(Guid pregnancyId, string? facility, HttpClient? client = null)
    {
        var close = new JsonObject { ["outcome"] = "delivery", ["date"] = D(service.Clock.Today), ["mode"] = "vaginal" };
        if (facility is not null)
        {
            close["deliveryFacilityCode"] = facility;
        }

        return Api.PostAsync($"/api/pregnancies/{pregnancyId}/close", close, HttpStatusCode.OK, client);
    }

    private static JsonObject NearMiss(DateOnly date) => new()
    {
        ["date"] = D(date), ["facilityCode"] = "4303-MCH", ["criteria"] = new JsonArray("clinical.shock", "management.transfusion"), ["outcome"] = "survived",
    };
}
