using System.Net;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.FollowUps.DailyJob;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// Weeks of follow-up driven by the test clock, with the daily job run through Hangfire's own PostgreSQL storage.
/// The scenarios read whole townships' lists, so each has a service and database of its own.
/// </summary>
[NonParallelizable]
public class OverdueScenarioTests : ServiceFixture
{
    public OverdueScenarioTests()
        : base(ServiceFor.EachTest) => DailyJob = new(this);

    private DailyJob DailyJob { get; }

    private async Task<JsonArray> OverdueAsync(string township, DateOnly date) => (await DailyJob.ListAsync(township, date))["entries"]!.AsArray();

    private async Task<Guid> BookInAsync(string village, int weeks) =>
        await Api.BookAsync(Bookings.AWoman(weeks).With("divisionCode", village));

    [Test]
    public async Task RedWomanWhoMissesHerWeeklyVisit_IsOnTheNextDaysListUntilReachedThenLost()
    {
        const string township = "430302100", village = "430302100201";   // 鹤岭镇
        var day0 = await DailyJob.FreshStartAsync();
        var id = await BookInAsync(village, 30);
        var red = await Api.ExamAsync(id, Bookings.AnExam(day0, new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(red!["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(1))), "newly red: due within 24 hours");
        Assert.That(record["schedule"]!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("redContact"));

        await TravelToAsync(day0.AddDays(1));
        var contact = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(1)), kind = "phone", reached = true, note = "已联系，安排三级医院评估" }, HttpStatusCode.Created);
        Assert.That(contact!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(8))), "red: weekly");

        // Due day 8, one day of grace: still fine on day 9, overdue on day 10.
        await TravelToAsync(day0.AddDays(9));
        await DailyJob.RunAsync(day0.AddDays(9));
        Assert.That(await OverdueAsync(township, day0.AddDays(9)), Is.Empty);

        await TravelToAsync(day0.AddDays(10));
        await DailyJob.RunAsync(day0.AddDays(10));
        var entries = await OverdueAsync(township, day0.AddDays(10));
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(entries[0]!["pregnancyId"]!.GetValue<Guid>(), Is.EqualTo(id));
            Assert.That(entries[0]!["colour"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(entries[0]!["daysOverdue"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(entries[0]!["name"]!.GetValue<string>(), Is.EqualTo("测**妇"));
            Assert.That(entries[0]!["mobile"]!.GetValue<string>(), Is.EqualTo("13800138000"), "township staff see the number to call");
        });
        var (_, asCity) = await Api.GetAsync($"/api/overdue?division=4303&date={D(day0.AddDays(10))}", Clients["city"]);
        Assert.That(asCity!["entries"]!.AsArray().Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!["mobile"]!.GetValue<string>(), Is.EqualTo("138****8000"));

        // A reached contact takes her off the next day's list.
        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(10)), kind = "homeVisit", reached = true }, HttpStatusCode.Created);
        await TravelToAsync(day0.AddDays(11));
        await DailyJob.RunAsync(day0.AddDays(11));
        Assert.That(await OverdueAsync(township, day0.AddDays(11)), Is.Empty);

        // No contact after that: due day 17; 28 days later she is lost to follow-up.
        await TravelToAsync(day0.AddDays(44));
        await DailyJob.RunAsync(day0.AddDays(44));
        Assert.That((await OverdueAsync(township, day0.AddDays(44)))[0]!["state"]!.GetValue<string>(), Is.EqualTo("overdue"));
        await TravelToAsync(day0.AddDays(45));
        var (_, before) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(before!["schedule"]!["daysOverdue"]!.GetValue<int>(), Is.EqualTo(28), "days overdue are counted on the day they are read");
        Assert.That(before["schedule"]!["state"]!.GetValue<string>(), Is.EqualTo("overdue"), "the state moves with the morning's job");
        await DailyJob.RunAsync(day0.AddDays(45));
        Assert.That((await OverdueAsync(township, day0.AddDays(45)))[0]!["state"]!.GetValue<string>(), Is.EqualTo("lost"));
    }

    [Test]
    public async Task TwoFailedAttemptsFourteenDaysApart_MakeHerLost()
    {
        const string township = "430302102", village = "430302102201";   // 姜畲镇
        var day0 = await DailyJob.FreshStartAsync();
        var id = await BookInAsync(village, 20);
        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0), kind = "phone", reached = false, note = "无人接听" }, HttpStatusCode.Created);
        await TravelToAsync(day0.AddDays(14));
        var second = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(14)), kind = "homeVisit", reached = false, note = "家中无人" }, HttpStatusCode.Created);
        Assert.That(second!["failedAttempts"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(second["state"]!.GetValue<string>(), Is.EqualTo("lost"), "lost as soon as the second attempt is recorded");
        await DailyJob.RunAsync(day0.AddDays(14));
        var entries = await OverdueAsync(township, day0.AddDays(14));
        Assert.That(entries.Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!["state"]!.GetValue<string>(), Is.EqualTo("lost"));
    }

    [Test]
    public async Task MovedAwayWithNoReceivingFacility_IsLostAtOnceAndStaysOnTheListUntilFound()
    {
        const string township = "430302102", village = "430302102201";   // 姜畲镇
        var day0 = await DailyJob.FreshStartAsync();
        var id = await BookInAsync(village, 20);
        await TravelToAsync(day0.AddDays(3));
        var (status, moved, _) = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups",
            new { date = D(day0.AddDays(3)), kind = "homeVisit", reached = false, movedAway = true, note = "邻居称已随丈夫外出务工，去向不明" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), moved?.ToJsonString());
        Assert.That(moved!["state"]!.GetValue<string>(), Is.EqualTo("lost"), "lost at once, weeks before her due date");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["followUps"]!.AsArray().Single()!["movedAway"]!.GetValue<bool>(), Is.True);

        // Not yet due, but lost: on every morning's list until she is found.
        foreach (var day in new[] { 4, 5 })
        {
            await TravelToAsync(day0.AddDays(day));
            await DailyJob.RunAsync(day0.AddDays(day));
            var entry = (await OverdueAsync(township, day0.AddDays(day))).SingleOrDefault(e => e!["pregnancyId"]!.GetValue<Guid>() == id);
            Assert.That(entry?["state"]?.GetValue<string>(), Is.EqualTo("lost"), $"day {day}");
        }

        // Found: a reached contact puts her back on track and off the next list.
        var found = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(5)), kind = "phone", reached = true, note = "已联系上，在外地产检" }, HttpStatusCode.Created);
        Assert.That(found!["state"]!.GetValue<string>(), Is.EqualTo("onTrack"));
        await TravelToAsync(day0.AddDays(6));
        await DailyJob.RunAsync(day0.AddDays(6));
        Assert.That((await OverdueAsync(township, day0.AddDays(6))).Any(e => e!["pregnancyId"]!.GetValue<Guid>() == id), Is.False);
    }

    [Test]
    public async Task MovedAwayOnAReachedContact_IsRejectedNamingTheField()
    {
        var id = await BookInAsync("430302102201", 20);
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups",
            new { date = D(Clock.Today), kind = "phone", reached = true, movedAway = true });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!["movedAway"], Is.Not.Null, problem.ToJsonString());
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["followUps"]!.AsArray(), Is.Empty, "nothing written");
    }

    [Test]
    public async Task AfterTheBirth_PostpartumVisitThenTheFortyTwoDayCheckAreDue()
    {
        var day0 = await DailyJob.FreshStartAsync();
        var id = await BookInAsync("430302202201", 39);   // 长城乡
        var (closed, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "delivery", date = D(day0), mode = "vaginal", dischargeDate = D(day0) });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["schedule"]!["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(7))));
        Assert.That(record["schedule"]!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"));

        await TravelToAsync(day0.AddDays(5));
        var visit = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(5)), kind = "homeVisit", reached = true }, HttpStatusCode.Created);
        Assert.That(visit!["countedAs"]!.GetValue<string>(), Is.EqualTo("postpartumVisit"));
        Assert.That(visit["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(day0.AddDays(42))));
        Assert.That(visit["nextDueKind"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"));

        await TravelToAsync(day0.AddDays(42));
        var check = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(42)), kind = "clinicVisit", reached = true }, HttpStatusCode.Created);
        Assert.That(check!["countedAs"]!.GetValue<string>(), Is.EqualTo("postpartumCheck42"));
        Assert.That(check["nextDueDate"], Is.Null, "the 42-day check closes the episode");
        Assert.That(check["state"]!.GetValue<string>(), Is.EqualTo("none"));
        var (again, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = D(day0.AddDays(42)), kind = "phone", reached = true });
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task JobRunTwiceForOneDate_LeavesOneSnapshotAndSendsOnce_AndTheXlsxReadsBack()
    {
        const string township = "430302001", village = "430302001001";   // 雨湖路街道
        var day0 = await DailyJob.FreshStartAsync();
        var (created, contact, _) = await Api.PostAsync("/api/admin/contacts",
            new { divisionCode = township, role = "subdistrictStaff", name = "测试专干", mobile = "13911112222", email = "staff@example.invalid" }, client: Admin);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), contact?.ToJsonString());
        var orange = await BookInAsync(village, 20);
        await Api.ExamAsync(orange, Bookings.AnExam(day0, new JsonObject { ["hemoglobin"] = 55 }));
        var green = await BookInAsync(village, 20);

        var date = day0.AddDays(40);   // both long overdue (orange due day 14, green due day 28), neither lost yet
        await TravelToAsync(date);
        await DailyJob.RunAsync(date);
        await DailyJob.RunAsync(date);
        var digests = $"digest:{D(date)}:{township}:%";
        Assert.That(await EventuallyAsync("SELECT count(*) = 1 FROM sms_messages WHERE dedup_key LIKE $1 AND status = 'Sent'", digests), Is.True, "the digest SMS was delivered");

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM overdue_lists WHERE business_date = $1 AND township_code = $2", date, township), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE dedup_key LIKE $1", digests), Is.EqualTo(1));
            Assert.That(await ScalarAsync<string>("SELECT text FROM sms_messages WHERE dedup_key LIKE $1", digests), Does.Contain("逾期随访2人").And.Contain("橙1").And.Contain("绿1"));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM mail_messages WHERE dedup_key LIKE $1", digests), Is.EqualTo(1));
        });

        var entries = await OverdueAsync(township, date);
        Assert.That(entries.Select(e => e!["pregnancyId"]!.GetValue<Guid>()), Is.EqualTo(new[] { orange, green }), "orange before green");

        // The emailed workbook (kept by the development mail sink) and the download both read back.
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM mail_messages WHERE dedup_key LIKE $1 AND status = 'Sent')", digests), Is.True);
        await using var command = Database.CreateCommand("SELECT sink_attachment FROM mail_messages WHERE dedup_key LIKE $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = digests });
        var mailed = (byte[])(await command.ExecuteScalarAsync())!;
        AssertWorkbook(mailed, orange: true);

        var staff = await NewUserAsync("subdistrictStaff", township);
        var download = await staff.GetAsync(new Uri($"/api/overdue?division={township}&date={D(date)}&format=xlsx", UriKind.Relative));
        Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        AssertWorkbook(await download.Content.ReadAsByteArrayAsync(), orange: true);

        var csv = await staff.GetStringAsync(new Uri($"/api/overdue?division={township}&date={D(date)}&format=csv", UriKind.Relative));
        Assert.That(csv, Does.StartWith("\uFEFF序号,姓名,乡镇/街道,村/社区,手机号,风险等级"));
        Assert.That(csv, Does.Contain("测**妇").And.Contain("橙色（较高风险）"));
    }

    [Test]
    public async Task MissedMornings_AreMadeGoodAtStart()
    {
        var day0 = await DailyJob.FreshStartAsync();
        await DailyJob.RunAsync(day0);
        await TravelToAsync(day0.AddDays(3));
        var catchUp = (HighRisk.Features.Overdue.DailyOverdueCatchUp)Services.GetService(typeof(HighRisk.Features.Overdue.DailyOverdueCatchUp))!;
        var missed = await catchUp.QueueMissedAsync(CancellationToken.None);
        Assert.That(missed, Is.EqualTo(new[] { day0.AddDays(1), day0.AddDays(2), day0.AddDays(3) }));
        Assert.That(await EventuallyAsync("SELECT count(*) = 3 FROM daily_overdue_runs WHERE business_date > $1 AND business_date <= $2", day0, day0.AddDays(3)), Is.True);
    }

    private static void AssertWorkbook(byte[] bytes, bool orange)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(2, 1).GetString(), Is.EqualTo("序号"));
            Assert.That(sheet.Cell(2, 2).GetString(), Is.EqualTo("姓名"));
            Assert.That(sheet.Cell(2, 6).GetString(), Is.EqualTo("风险等级"));
            Assert.That(sheet.Cell(3, 2).GetString(), Is.EqualTo("测**妇"));
            Assert.That(sheet.Cell(3, 5).GetString(), Is.EqualTo("13800138000"));
            Assert.That(sheet.Cell(3, 6).GetString(), Is.EqualTo(orange ? "橙色（较高风险）" : "绿色（低风险）"));
            Assert.That(sheet.Cell(4, 6).GetString(), Is.EqualTo("绿色（低风险）"));
            Assert.That(sheet.Cell(5, 1).GetString(), Is.Empty);
        });
    }
}
