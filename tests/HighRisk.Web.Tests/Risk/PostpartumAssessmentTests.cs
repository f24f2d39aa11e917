using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.Risk;

/// <summary>
/// 产后风险评估: after a delivery, risk is re-assessed at the postpartum visit and the 42-day check (reference §1.1,
/// policy "After the birth"). An exam after the birth grades her and counts as that visit; puerperal findings are taken
/// only then; a woman who turns red after the birth is alerted and must be reached within 24 hours; the 42-day check
/// ends the episode.
/// </summary>
[NonParallelizable]
public class PostpartumAssessmentTests : ServiceFixture
{
    public PostpartumAssessmentTests() => DailyJob = new(this);

    private DailyJob DailyJob { get; }

    private async Task<Guid> DeliveredAsync(DateOnly delivered, DateOnly? discharged = null, string healthWorker = "王医生")
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 39).With("divisionCode", "430302002003").With("healthWorker", healthWorker));
        if (discharged is { } home)
        {
            await TravelToAsync(home);
        }

        var (status, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/close",
            new { outcome = "delivery", date = D(delivered), mode = "vaginal", dischargeDate = discharged is { } d ? D(d) : null });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return id;
    }

    private async Task<JsonObject> ExamAsync(Guid id, DateOnly on, JsonObject? measurements = null, params string[] findings)
    {
        var (status, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams",
            Bookings.AnExam(on, measurements).With("findings", new JsonArray([.. findings.Select(f => JsonValue.Create(f))])));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!.AsObject();
    }

    private async Task<JsonObject> PregnancyAsync(Guid id) => (await Api.GetAsync($"/api/pregnancies/{id}")).Body!.AsObject();

    [Test]
    public async Task PuerperalInfectionAtThePostpartumVisit_GradesOrange_AndTheExamCountsAsTheVisit()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await DeliveredAsync(day0, discharged: day0.AddDays(2));
        await TravelToAsync(day0.AddDays(5));

        var exam = await ExamAsync(id, day0.AddDays(5), new JsonObject { ["temperature"] = 38.6, ["fastingGlucose"] = 5.6 }, "o_puerperal");

        var record = await PregnancyAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(exam["previousGrade"]!.GetValue<string>(), Is.EqualTo("green"));
            Assert.That(exam["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "o_puerperal" }),
                "a fasting glucose of 5.6 after the birth is not gestational diabetes");
            Assert.That(record["inPostpartumEpisode"]!.GetValue<bool>(), Is.True);
            Assert.That(record["exams"]!.AsArray()[^1]!["postpartumDay"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(record["schedule"]!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"), "the exam was the postpartum visit");
            Assert.That(record["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(42))));
        });
    }

    [Test]
    public async Task PostpartumFindingsBeforeTheBirth_Are400NamingTheField_AndNothingIsWritten()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var exams = await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id);

        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam().With("findings", new JsonArray("y_anaemia", "o_puerperal")));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "findings[1]" }));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id), Is.EqualTo(exams));

        var (booked, bookingProblem, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman(weeks: 20).With("findings", new JsonArray("r_postpartum_unstable")));
        Assert.That(booked, Is.EqualTo(HttpStatusCode.BadRequest), bookingProblem?.ToJsonString());
        Assert.That(bookingProblem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("findings[0]"));
    }

    [Test]
    public async Task TurningRedAfterTheBirth_AlertsWithTheDayAfterBirth_AndNeedsAContactWithin24Hours()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await DeliveredAsync(day0);
        await TravelToAsync(day0.AddDays(3));

        var exam = await ExamAsync(id, day0.AddDays(3), new JsonObject { ["systolicBp"] = 150, ["diastolicBp"] = 95 }, "r_postpartum_unstable");
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        var alerts = (await Api.GetAsync($"/api/alerts?pregnancyId={id}", Admin)).Body!["items"]!.AsArray();
        Assert.That(alerts, Has.Count.EqualTo(1));
        Assert.That(alerts[0]!["messages"]![0]!["text"]!.GetValue<string>(), Does.Contain("红色预警").And.Contain("产后3天").And.Not.Match("孕[0-9]+周"));
        var schedule = (await PregnancyAsync(id))["schedule"]!;
        Assert.That(schedule["nextDueKind"]!.GetValue<string>(), Is.EqualTo("redContact"));
        Assert.That(schedule["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(4))));

        // Reached by phone the next day: the 24-hour contact is made, and the 42-day check is due again (day 3's exam was the visit).
        await TravelToAsync(day0.AddDays(4));
        var (status, call, _) = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(4)), kind = "phone", reached = true, note = "血压平稳，已住院观察" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), call?.ToJsonString());
        Assert.That(call!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"));
        Assert.That(call["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(42))));
    }

    [Test]
    public async Task RaisedToRedAfterTheBirthBeforeTheVisit_AReachedCallLeavesTheVisitDue()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await DeliveredAsync(day0, discharged: day0.AddDays(3));
        var (raised, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise", new { colour = "red", reason = "产后心衰未稳定", raisedBy = "产科 李医生" });
        Assert.That(raised, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That((await PregnancyAsync(id))["schedule"]!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("redContact"));

        var call = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(3)), kind = "phone", reached = true }, HttpStatusCode.Created);
        Assert.That(call!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"), "a call is not the postpartum visit");
        Assert.That(call["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(10))), "7 days after the discharge");
    }

    [Test]
    public async Task MissedPostpartumVisit_IsOnTheListWithHerDayAfterTheBirth_NotAGestationalWeek()
    {
        const string township = "430302002";
        var day0 = await DailyJob.FreshStartAsync();
        var id = await DeliveredAsync(day0, healthWorker: "=HYPERLINK(\"http://x\")");

        // Due 7 days after the birth; green's grace is 7 days, so day 15 is the first morning she is overdue.
        await DailyJob.RunAsync(day0.AddDays(15));
        var entry = (await DailyJob.ListAsync(township, day0.AddDays(15)))["entries"]!.AsArray().Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!;
        Assert.Multiple(() =>
        {
            Assert.That(entry["dueKind"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"));
            Assert.That(entry["postpartumDay"]!.GetValue<int>(), Is.EqualTo(15));
            Assert.That(entry["daysOverdue"]!.GetValue<int>(), Is.EqualTo(8));
        });
        var staff = await NewUserAsync("subdistrictStaff", township);
        var csv = await staff.GetStringAsync(new Uri($"/api/overdue?division={township}&date={D(day0.AddDays(15))}&format=csv", UriKind.Relative));
        Assert.That(csv, Does.Contain("孕周/产后天数").And.Contain("产后15天"));
        Assert.That(csv, Does.Contain("\"'=HYPERLINK(\"\"http://x\"\")\"").And.Not.Contain(",=HYPERLINK"), "a name typed as a formula is shown, not run");
        var xlsx = await staff.GetByteArrayAsync(new Uri($"/api/overdue?division={township}&date={D(day0.AddDays(15))}&format=xlsx", UriKind.Relative));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        var cell = workbook.Worksheets.First().CellsUsed().Single(c => c.GetString().Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.That(cell.HasFormula, Is.False, "in the .xlsx too, the name is text, not a formula");
    }

    [Test]
    public async Task TheExamAtThe42DayCheck_EndsTheEpisode_AndLaterExamsAndRaisesAre409()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await DeliveredAsync(day0);
        await TravelToAsync(day0.AddDays(6));
        await ExamAsync(id, day0.AddDays(6));
        await TravelToAsync(day0.AddDays(43));

        await ExamAsync(id, day0.AddDays(43), new JsonObject { ["systolicBp"] = 118, ["diastolicBp"] = 76 });

        var record = await PregnancyAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(record["inPostpartumEpisode"]!.GetValue<bool>(), Is.False);
            Assert.That(record["schedule"]!["nextDueDate"], Is.Null);
            Assert.That(record["schedule"]!["state"]!.GetValue<string>(), Is.EqualTo("none"));
        });
        var exams = await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id);
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(day0.AddDays(43)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), problem?.ToJsonString());
        var (raised, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise", new { colour = "orange", reason = "复查", raisedBy = "产科 李医生" });
        Assert.That(raised, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id), Is.EqualTo(exams));
    }
}
