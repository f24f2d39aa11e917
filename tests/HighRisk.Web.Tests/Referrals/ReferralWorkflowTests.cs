using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Referrals;

/// <summary>
/// Two-way referral (双向转诊) through HTTP: a township sends a woman to a critical care centre in another county; its
/// staff answer, see her record through the referral (audited with its id), record an exam and send the feedback down;
/// the window on her record closes by itself; deadlines are flagged and escalated once.
/// </summary>
[NonParallelizable]
public class ReferralWorkflowTests : ReferralFixture
{
    [Test]
    public async Task ReferralToAnotherCountysCentre_IsAnsweredThroughItsInbox_AndTheFeedbackComesDown()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var pregnancyId = await OrangeWomanAsync();
        var (hidden, _) = await Api.GetAsync($"/api/pregnancies/{pregnancyId}", centre);
        Assert.That(hidden, Is.EqualTo(HttpStatusCode.NotFound), "before any referral she is outside the centre's area");

        var referred = await ReferAsync(pregnancyId, "urgent");
        var referralId = referred["referralId"]!.GetValue<Guid>();
        Assert.That(referred["acceptBy"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)), "urgent: 24 hours");
        Assert.That(referred["outcomeDue"]!.GetValue<string>(), Is.EqualTo(D(Clock.Today.AddDays(14))));

        var (_, inbox) = await Api.GetAsync("/api/referrals?direction=incoming&status=open", centre);
        var item = inbox!["items"]!.AsArray().Single(i => i!["referral"]!["id"]!.GetValue<Guid>() == referralId)!;
        Assert.That(item["colour"]!.GetValue<string>(), Is.EqualTo("orange"));
        var (_, slip) = await Api.GetAsync($"/api/referrals/{referralId}", centre);
        Assert.Multiple(() =>
        {
            Assert.That(slip!["isReceiver"]!.GetValue<bool>(), Is.True);
            Assert.That(slip["slip"]!["factors"]!.AsArray(), Is.Not.Empty, "the slip carries her factors with their evidence");
            Assert.That(slip["slip"]!["latestExam"]!["measurements"]!["pulmonaryArteryPressure"]!.GetValue<decimal>(), Is.EqualTo(40));
        });

        await StepAsync(referralId, "accept", null, centre);
        var (seen, record) = await Api.GetAsync($"/api/pregnancies/{pregnancyId}", centre);
        Assert.That(seen, Is.EqualTo(HttpStatusCode.OK), "the receiving facility reads her record while the referral is open");
        Assert.That(record!["referrals"]!.AsArray().Single()!["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        await Api.ExamAsync(pregnancyId, Bookings.AnExam(measurements: OrangeExam.DeepClone().AsObject()).With("facilityCode", Centre), centre);

        var arrived = await StepAsync(referralId, "arrive", new { date = D(Clock.Today) }, centre);
        Assert.That(arrived["status"]!.GetValue<string>(), Is.EqualTo("arrived"));
        var followUpOn = Clock.Today.AddDays(10);
        var completed = await StepAsync(
            referralId, "complete", new { findings = "肺动脉压 40 mmHg，心功能 I 级", treatment = "无需住院", advice = "每两周产检，避免劳累", followUpOn = D(followUpOn) }, centre);
        Assert.That(completed["status"]!.GetValue<string>(), Is.EqualTo("completed"));

        var (_, back) = await Api.GetAsync($"/api/pregnancies/{pregnancyId}", Township);
        Assert.Multiple(() =>
        {
            var referral = back!["referrals"]!.AsArray().Single()!;
            Assert.That(referral["advice"]!.GetValue<string>(), Is.EqualTo("每两周产检，避免劳累"), "the advice is on her record");
            Assert.That(referral["feedbackNew"]!.GetValue<bool>(), Is.True);
            Assert.That(back["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(followUpOn)), "her township's next follow-up is the date given");
            Assert.That(back["followUps"]!.AsArray().Any(f => f!["note"]!.GetValue<string>().StartsWith("转诊到达", StringComparison.Ordinal)), Is.True, "the arrival counted as a contact");
        });
        var (_, outgoing) = await Api.GetAsync("/api/referrals?direction=outgoing&status=completed", Township);
        Assert.That(outgoing!["items"]!.AsArray().Any(i => i!["referral"]!["id"]!.GetValue<Guid>() == referralId && i["referral"]!["feedbackNew"]!.GetValue<bool>()), Is.True);
        await Api.GetAsync($"/api/referrals/{referralId}", Township);
        var (_, read) = await Api.GetAsync("/api/referrals?direction=outgoing&status=completed", Township);
        Assert.That(read!["items"]!.AsArray().Single(i => i!["referral"]!["id"]!.GetValue<Guid>() == referralId)!["referral"]!["feedbackNew"]!.GetValue<bool>(), Is.False,
            "opened by the sender: no longer new");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE kind = 'Referral' AND dedup_key LIKE $1", $"referral:{referralId}:feedback:%"), Is.EqualTo(1),
            "the sender asked for an SMS with the feedback");

        var audited = await ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE referral_id = $1 AND user_name LIKE 'healthWorker-%' AND entity = 'pregnancy' AND detail IN ('GetPregnancy') ", referralId);
        var exams = await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE referral_id = $1 AND detail LIKE 'RecordExam %'", referralId);
        var unmarked = await ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE entity_id = $1 AND user_name LIKE 'healthWorker-%' AND referral_id IS NULL", pregnancyId.ToString());
        Assert.That((audited, exams, unmarked), Is.EqualTo((1L, 1L, 0L)), "every cross-area read and write names the referral");

        await AdvanceAsync(TimeSpan.FromDays(29));
        Assert.That((await Api.GetAsync($"/api/pregnancies/{pregnancyId}", centre)).Status, Is.EqualTo(HttpStatusCode.OK), "29 days after completing: still open to the centre");
        await AdvanceAsync(TimeSpan.FromDays(2));
        Assert.That((await Api.GetAsync($"/api/pregnancies/{pregnancyId}", centre)).Status, Is.EqualTo(HttpStatusCode.NotFound), "31 days after: closed by itself");
        Assert.That((await Api.PostAsync($"/api/pregnancies/{pregnancyId}/exams", Bookings.AnExam().With("facilityCode", Centre), client: centre)).Status,
            Is.EqualTo(HttpStatusCode.NotFound), "and no exam either");
    }

    [Test]
    public async Task Emergency_CannotBeDeclinedByACriticalCareCentre_ButARoutineOneCan()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var emergency = (await ReferAsync(await OrangeWomanAsync(), "emergency"))["referralId"]!.GetValue<Guid>();
        var refused = await StepAsync(emergency, "decline", new { reason = "床位已满" }, centre, HttpStatusCode.Conflict);
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("ReferralEmergencyNotDeclinable"));

        var routineWoman = await OrangeWomanAsync();
        var routine = (await ReferAsync(routineWoman, "routine"))["referralId"]!.GetValue<Guid>();
        var declined = await StepAsync(routine, "decline", new { reason = "本院无心内科，请转市妇幼" }, centre);
        Assert.That(declined["declineReason"]!.GetValue<string>(), Is.EqualTo("本院无心内科，请转市妇幼"));
        var again = await StepAsync(routine, "accept", null, centre, HttpStatusCode.Conflict);
        Assert.That((again["code"]!.GetValue<string>(), again["state"]!.GetValue<string>()), Is.EqualTo(("ReferralState", "declined")), "409 names the state");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{routineWoman}", Township);
        Assert.That(record!["schedule"]!["nextDueKind"]!.GetValue<string>(), Is.Not.EqualTo("referralOutcome"), "a declined referral's outcome is no longer due");
        Assert.That((await Api.GetAsync($"/api/pregnancies/{routineWoman}", centre)).Status, Is.EqualTo(HttpStatusCode.NotFound), "declined: no window on her record");
    }

    [Test]
    public async Task ReferralSteps_BelongToTheirSide_AndStrangersGet404()
    {
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var referralId = (await ReferAsync(await OrangeWomanAsync(), "routine"))["referralId"]!.GetValue<Guid>();
        var notReceiver = await StepAsync(referralId, "accept", null, Township, HttpStatusCode.Forbidden);
        Assert.That(notReceiver["code"]!.GetValue<string>(), Is.EqualTo("ReferralNotReceiver"));
        await StepAsync(referralId, "cancel", new { reason = "x" }, centre, HttpStatusCode.Forbidden);
        await StepAsync(referralId, "accept", null, Clients["other-county"], HttpStatusCode.NotFound);
        Assert.That((await Api.GetAsync($"/api/referrals/{referralId}", Clients["other-township"])).Status, Is.EqualTo(HttpStatusCode.NotFound));
        await StepAsync(referralId, "complete", new { findings = "x", advice = "y", followUpOn = D(Clock.Today) }, centre, HttpStatusCode.Conflict);
        var missing = await StepAsync(referralId, "decline", new { }, centre, HttpStatusCode.BadRequest);
        Assert.That(Api.ErrorFields(missing), Does.Contain("reason"));
        await StepAsync(referralId, "cancel", new { reason = "孕妇拒绝转诊" }, Township);
    }

    [Test]
    public async Task ACountyAccountTiedToTheCentre_AnswersItsReferrals_AndAnUnknownFacilityIsRefused()
    {
        var centreCounty = await NewUserAsync("countyStaff", "430304", Centre);
        var referralId = (await ReferAsync(await OrangeWomanAsync(), "urgent"))["referralId"]!.GetValue<Guid>();
        var (_, inbox) = await Api.GetAsync("/api/referrals", centreCounty);
        Assert.That(inbox!["items"]!.AsArray().Select(i => i!["referral"]!["id"]!.GetValue<Guid>()), Does.Contain(referralId), "incoming by default for an account with a facility");
        await StepAsync(referralId, "accept", null, centreCounty);

        var (status, problem, _) = await Api.PostAsync(
            "/api/admin/users", new { userName = "t-nowhere", displayName = "无机构", role = "countyStaff", divisionCode = "430304", facilityCode = "nowhere", password = TestUsers.Password },
            client: Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Does.Contain("facilityCode"));
    }

    [Test]
    public async Task UnansweredEmergency_IsLateAfterTwoHours_AndEscalatedOnce()
    {
        const string onDuty = "13955550201";
        await Api.PostAsync("/api/admin/contacts", new { facilityCode = Centre, role = "facilityOnDuty", name = "岳塘妇幼转诊值班", mobile = onDuty }, HttpStatusCode.Created, Admin);
        var township = await NewUserAsync("subdistrictStaff", Bookings.Township, mobile: "13955550202");
        var referred = await ReferAsync(await OrangeWomanAsync(), "emergency", township);
        var referralId = referred["referralId"]!.GetValue<Guid>();
        Assert.That(referred["acceptBy"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow().AddHours(2)).Within(TimeSpan.FromSeconds(1)), "emergency: 2 hours");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE dedup_key = $1", $"referral:{referralId}:emergency:{onDuty}"), Is.EqualTo(1),
            "the green channel phones the centre's on-duty number at once");

        await AdvanceAsync(TimeSpan.FromMinutes(119));
        await Api.RunJobAsync("referral-review");
        await Task.Delay(1000);
        var (_, before) = await Api.GetAsync($"/api/referrals/{referralId}", township);
        Assert.That(before!["referral"]!["answerLate"]!.GetValue<bool>(), Is.False, "a minute before the deadline");

        await AdvanceAsync(TimeSpan.FromMinutes(2));
        await Api.RunJobAsync("referral-review");
        Assert.That(await EventuallyAsync("SELECT answer_late FROM referrals WHERE id = $1", referralId), Is.True);
        await Api.RunJobAsync("referral-review");
        Assert.That(await EventuallyAsync(
            "SELECT count(*) = 2 FROM sms_messages WHERE kind = 'Referral' AND dedup_key LIKE $1 AND recipient IN ($2, $3)", $"referral:{referralId}:late-Answer:%", onDuty, "13955550202"),
            Is.True, "one SMS to the centre's on-duty number and one to the sender");
        await Task.Delay(1000);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE dedup_key LIKE $1", $"referral:{referralId}:late-%"), Is.EqualTo(2), "once only");
        var (_, lateInbox) = await Api.GetAsync("/api/referrals?direction=outgoing&status=late", township);
        Assert.That(lateInbox!["items"]!.AsArray().Select(i => i!["referral"]!["id"]!.GetValue<Guid>()), Does.Contain(referralId), "flagged on the sending side");
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var (_, incoming) = await Api.GetAsync("/api/referrals?status=late", centre);
        Assert.That(incoming!["items"]!.AsArray().Select(i => i!["referral"]!["id"]!.GetValue<Guid>()), Does.Contain(referralId), "and on the receiving side");
    }
}
