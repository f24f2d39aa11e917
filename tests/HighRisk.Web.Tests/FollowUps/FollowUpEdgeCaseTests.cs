using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// The follow-up rules where a plain reading of the policy is easy to get wrong: the 24-hour contact of a woman newly
/// red, "overdue for 28 days with no successful contact", what counts after the birth, contacts entered late, a colour
/// raised without a contact, and the list's counts. The scenarios share the fixture's service: each starts on fresh
/// business dates, and they look only at their own women on 城正街街道's lists.
/// </summary>
[NonParallelizable]
public class FollowUpEdgeCaseTests : ServiceFixture
{
    public FollowUpEdgeCaseTests() => DailyJob = new(this);

    private DailyJob DailyJob { get; }

    private async Task<string?> StateOnListAsync(string township, DateOnly date, Guid id) =>
        (await DailyJob.ListAsync(township, date))["entries"]!.AsArray().SingleOrDefault(e => e!["pregnancyId"]!.GetValue<Guid>() == id)?["state"]?.GetValue<string>();

    private async Task<JsonObject> FollowUpAsync(Guid id, object body)
    {
        var (status, response, _) = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), response?.ToJsonString());
        return response!.AsObject();
    }

    [Test]
    public async Task NewlyRedWithNoContactWithin24Hours_IsOnTheListTwoMorningsAfterTheGrading()
    {
        const string township = "430302002", village = "430302002002";   // 城正街街道
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", village));
        var red = await Api.ExamAsync(id, Bookings.AnExam(day0, new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(red!["grade"]!.GetValue<string>(), Is.EqualTo("red"));

        // Due the day after the grading; the 24 hours are the grace, so the next morning she is overdue.
        await DailyJob.RunAsync(day0.AddDays(1));
        Assert.That(await StateOnListAsync(township, day0.AddDays(1), id), Is.Null, "still within 24 hours of the grading");
        await DailyJob.RunAsync(day0.AddDays(2));
        Assert.That(await StateOnListAsync(township, day0.AddDays(2), id), Is.EqualTo("overdue"));
    }

    [Test]
    public async Task SeenEveryWeekWithAReferralOutcomeNeverRecorded_IsOverdueButNotLost()
    {
        const string township = "430302002", village = "430302002002";
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", village));
        var (referred, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/referrals", new { date = D(day0), toFacilityCode = "4303-MCH", urgency = "routine", reason = "血小板减少，转市妇幼评估" });
        Assert.That(referred, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());

        // Reached every week; the referral's outcome (due day 14) is never recorded.
        for (var day = 7; day <= 49; day += 7)
        {
            await TravelToAsync(day0.AddDays(day));
            await FollowUpAsync(id, new { date = D(day0.AddDays(day)), kind = "phone", reached = true });
        }

        await DailyJob.RunAsync(day0.AddDays(50));
        Assert.That(await StateOnListAsync(township, day0.AddDays(50), id), Is.EqualTo("overdue"),
            "36 days past the referral deadline, but she was reached since: the outcome is late, she is not lost");
    }

    [Test]
    public async Task AfterTheBirth_APhoneCallIsAContactButNotTheVisit_AndAClinicVisitFromDay28IsTheCheck()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(39).With("divisionCode", "430302002001"));
        await TravelToAsync(day0.AddDays(4));
        var (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "delivery", date = D(day0), mode = "cesarean", dischargeDate = D(day0.AddDays(3)) });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());

        var call = await FollowUpAsync(id, new { date = D(day0.AddDays(4)), kind = "phone", reached = true, note = "电话了解恢复情况" });
        Assert.Multiple(() =>
        {
            Assert.That(call["countedAs"], Is.Null, "a phone call is not the postpartum home visit");
            Assert.That(call["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"));
            Assert.That(call["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(10))), "7 days after the discharge");
        });

        var visit = await FollowUpAsync(id, new { date = D(day0.AddDays(4)), kind = "homeVisit", reached = true, nextAppointment = D(day0.AddDays(35)) });
        Assert.That(visit["countedAs"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"));
        Assert.That(visit["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"));
        Assert.That(visit["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(35))), "the appointment given, earlier than day 42");

        await TravelToAsync(day0.AddDays(30));
        var home = await FollowUpAsync(id, new { date = D(day0.AddDays(30)), kind = "homeVisit", reached = true });
        Assert.That(home["countedAs"], Is.Null, "a second home visit is not the 42-day check");
        var check = await FollowUpAsync(id, new { date = D(day0.AddDays(30)), kind = "clinicVisit", reached = true });
        Assert.That(check["countedAs"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"));
        Assert.That(check["state"]!.GetValue<string>(), Is.EqualTo("none"), "the 42-day check ends the episode");
    }

    [Test]
    public async Task AContactEnteredLate_DoesNotUndoTheFailedAttemptsAfterIt()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", "430302002001"));
        await FollowUpAsync(id, new { date = D(day0), kind = "phone", reached = false, note = "无人接听" });
        await TravelToAsync(day0.AddDays(14));
        var lost = await FollowUpAsync(id, new { date = D(day0.AddDays(14)), kind = "homeVisit", reached = false, note = "家中无人" });
        Assert.That(lost["state"]!.GetValue<string>(), Is.EqualTo("lost"));

        var late = await FollowUpAsync(id, new { date = D(day0.AddDays(-3)), kind = "phone", reached = true, note = "补录：上月电话随访" });
        Assert.That(late["state"]!.GetValue<string>(), Is.EqualTo("lost"), "a contact before the failed attempts does not find her");
        Assert.That(late["failedAttempts"]!.GetValue<int>(), Is.EqualTo(2));

        var found = await FollowUpAsync(id, new { date = D(day0.AddDays(14)), kind = "phone", reached = true, note = "晚间联系上" });
        Assert.That(found["state"]!.GetValue<string>(), Is.EqualTo("onTrack"));
        Assert.That(found["failedAttempts"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task ADeliveryRecordedForALostWoman_FindsHer()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(36).With("divisionCode", "430302002001"));
        await FollowUpAsync(id, new { date = D(day0), kind = "phone", reached = false });
        await TravelToAsync(day0.AddDays(14));
        Assert.That((await FollowUpAsync(id, new { date = D(day0.AddDays(14)), kind = "phone", reached = false }))["state"]!.GetValue<string>(), Is.EqualTo("lost"));

        await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "delivery", date = D(day0.AddDays(14)), mode = "vaginal" }, HttpStatusCode.OK);
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["schedule"]!["state"]!.GetValue<string>(), Is.EqualTo("onTrack"));
        Assert.That(record["schedule"]!["failedAttempts"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task RaisedToOrangeWithoutAContact_HerNextContactComesForwardToTheOrangeInterval()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await Api.BookAsync(Bookings.AWoman(12).With("divisionCode", "430302002002"));   // green before 28 weeks: due in 4 weeks
        var (_, before) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(before!["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(28))));

        await TravelToAsync(day0.AddDays(3));
        var (raised, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise", new { colour = "orange", reason = "超声提示胎盘低置，需密切观察", raisedBy = "产科 王医生" });
        Assert.That(raised, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var (_, after) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(after!["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(3 + 14))), "orange: within 2 weeks of the raise");
    }

    [Test]
    public async Task ListCounts_FollowTheListsOrder_AndAddUpToTheTotal()
    {
        const string township = "430302002", village = "430302002001";
        var day0 = await DailyJob.FreshStartAsync();
        var yellowPurple = await Api.BookAsync(Bookings.AWoman(12).With("divisionCode", village).With("findings", new JsonArray("p_infectious")));
        var green = await Api.BookAsync(Bookings.AWoman(12).With("divisionCode", village));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{yellowPurple}");
        Assert.That(record!["purple"]!.GetValue<bool>(), Is.True);

        // Both due within 4 weeks (purple: 2), and nobody calls: overdue on day 36 at the latest.
        await DailyJob.RunAsync(day0.AddDays(36));
        // (Other scenarios' women in this township may be on the list too: the assertions hold whoever else is there.)
        var list = await DailyJob.ListAsync(township, day0.AddDays(36));
        var counts = list["counts"]!;
        var ids = list["entries"]!.AsArray().Select(e => e!["pregnancyId"]!.GetValue<Guid>()).ToList();
        int Count(string colour) => counts[colour]!.GetValue<int>();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(yellowPurple).And.Contain(green));
            Assert.That(ids.IndexOf(yellowPurple), Is.LessThan(ids.IndexOf(green)), "purple before green");
            Assert.That(Count("purple"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Count("red") + Count("orange") + Count("purple") + Count("yellow") + Count("green"), Is.EqualTo(Count("total")),
                "each woman counted once, under the heading she is listed under");
        });
    }
}
