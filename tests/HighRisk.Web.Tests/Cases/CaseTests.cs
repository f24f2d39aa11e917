using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Cases;

/// <summary>
/// Case management (专案管理) through HTTP: a case opens when she turns orange, red or purple, with its report due and
/// the manager of her area; late reports are escalated once; plans are versioned and checked against her colour; a case
/// outlives a downgrade until county staff close it; the board shows each role only its area.
/// </summary>
[NonParallelizable]
public class CaseTests : ServiceFixture
{
    private static readonly JsonObject RedExam = new() { ["pulmonaryArteryPressure"] = 55 };
    private static readonly JsonObject OrangeExam = new() { ["pulmonaryArteryPressure"] = 40 };
    private static readonly JsonObject NormalExam = new() { ["pulmonaryArteryPressure"] = 25 };

    private HttpClient County => Clients["county"];

    private async Task<Guid> UserIdAsync(string key) =>
        await ScalarAsync<Guid>("SELECT id FROM staff_users WHERE user_name = $1", TestUsers.UserName(key));

    private async Task<Guid> WomanAsync(string village, JsonObject measurements, string expected)
    {
        var id = await Api.BookAsync(Bookings.AWoman(28).With("divisionCode", village));
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements.DeepClone().AsObject()));
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo(expected));
        return id;
    }

    private async Task<Guid> CaseOfAsync(Guid pregnancyId)
    {
        var (status, pregnancy) = await Api.GetAsync($"/api/pregnancies/{pregnancyId}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pregnancy!["caseId"], Is.Not.Null, "the pregnancy names its case");
        return pregnancy["caseId"]!.GetValue<Guid>();
    }

    private async Task<JsonNode> CaseAsync(Guid caseId, HttpClient? client = null)
    {
        var (status, body) = await Api.GetAsync($"/api/cases/{caseId}", client ?? County);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }

    private static JsonObject APlan(string care, string delivery, DateOnly review) => new()
    {
        ["careFacilityCode"] = care,
        ["deliveryFacilityCode"] = delivery,
        ["treatmentPlan"] = "每周产检，监测肺动脉压",
        ["emergencyPlan"] = "出现呼吸困难立即经绿色通道转市妇幼保健院",
        ["nextReviewDate"] = review.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task ReviewCasesAsync() => await Api.RunJobAsync("case-review");

    [Test]
    public async Task TurningRed_OpensACase_ReportDueIn24Hours_WithTheAreaManager()
    {
        var manager = await UserIdAsync("county");
        using var saved = await Admin.PutAsJsonAsync("/api/admin/case-areas/430302", new { userId = manager });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());

        var pregnancy = await WomanAsync("430302102001", RedExam, "red");
        var caseId = await CaseOfAsync(pregnancy);
        var found = await CaseAsync(caseId);
        var due = found["report"]!["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.Multiple(() =>
        {
            Assert.That(found["status"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(found["openedAs"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(found["colour"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(found["report"]!["status"]!.GetValue<string>(), Is.EqualTo("due"));
            Assert.That(due, Is.EqualTo(Clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)), "red: reported within 24 hours");
            Assert.That(found["manager"]!["id"]!.GetValue<Guid>(), Is.EqualTo(manager), "the manager of her area");
            Assert.That(found["plan"]!["status"]!.GetValue<string>(), Is.EqualTo("due"));
            Assert.That(found["plan"]!["dueOn"]!.GetValue<string>(), Is.EqualTo(DailyJob.D(Clock.Today.AddDays(3))), "red: a plan within 3 days");
        });

        var orange = await WomanAsync("430302102201", OrangeExam, "orange");
        var orangeCase = await CaseAsync(await CaseOfAsync(orange));
        Assert.That(orangeCase["report"]!["dueAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow().AddHours(72)).Within(TimeSpan.FromSeconds(1)), "orange: within 3 days");
        Assert.That(orangeCase["plan"]!["dueOn"]!.GetValue<string>(), Is.EqualTo(DailyJob.D(Clock.Today.AddDays(7))), "orange: a plan within 7 days");

        var green = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", "430302102202"));
        var (_, greenPregnancy) = await Api.GetAsync($"/api/pregnancies/{green}");
        Assert.That(greenPregnancy!["caseId"], Is.Null, "a green woman has no case");
    }

    [Test]
    public async Task UnacknowledgedReport_IsLateAndEscalatedOnce_ThenAcknowledgedLate()
    {
        const string onDuty = "13955550001";
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302", role = "countyOnDuty", name = "雨湖区值班", mobile = onDuty }, HttpStatusCode.Created, Admin);
        var caseId = await CaseOfAsync(await WomanAsync("430302001001", RedExam, "red"));

        await AdvanceAsync(TimeSpan.FromHours(23));
        await ReviewCasesAsync();
        Assert.That((await CaseAsync(caseId))["report"]!["status"]!.GetValue<string>(), Is.EqualTo("due"), "23 hours: not late yet");

        await AdvanceAsync(TimeSpan.FromHours(2));
        await ReviewCasesAsync();
        Assert.That(await EventuallyAsync("SELECT report_late FROM cases WHERE id = $1", caseId), Is.True);
        var late = await CaseAsync(caseId);
        Assert.That(late["flags"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("lateReport"));
        var (_, board) = await Api.GetAsync("/api/cases?division=430302001&flag=lateReport", County);
        Assert.That(board!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(caseId), "on the board's late-report filter");

        await ReviewCasesAsync();
        await ReviewCasesAsync();
        var key = $"case-report:{caseId}:%";
        Assert.That(await EventuallyAsync("SELECT count(*) = 1 FROM sms_messages WHERE kind = 'CaseReport' AND recipient = $1 AND dedup_key LIKE $2", onDuty, key), Is.True);
        var text = await ScalarAsync<string>("SELECT text FROM sms_messages WHERE kind = 'CaseReport' AND dedup_key LIKE $1", key);
        Assert.That(text, Does.Contain("专案报告逾期").And.Contain("红色").And.Not.Contain("测试孕妇"));

        var (status, acknowledged, _) = await Api.PostAsync($"/api/cases/{caseId}/acknowledge", null, client: County);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), acknowledged?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(acknowledged!["report"]!["status"]!.GetValue<string>(), Is.EqualTo("acknowledged"));
            Assert.That(acknowledged["report"]!["acknowledgedLate"]!.GetValue<bool>(), Is.True);
            Assert.That(acknowledged["flags"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Not.Contain("lateReport"));
        });
        var (again, conflict, _) = await Api.PostAsync($"/api/cases/{caseId}/acknowledge", null, client: County);
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(conflict!["code"]!.GetValue<string>(), Is.EqualTo("CaseReportAcknowledged"));
    }

    [Test]
    public async Task NoPlanIn3Days_IsFlagged_AndAPlanClearsIt()
    {
        var caseId = await CaseOfAsync(await WomanAsync("430302002001", RedExam, "red"));
        await AdvanceAsync(TimeSpan.FromDays(3));
        await ReviewCasesAsync();
        Assert.That((await CaseAsync(caseId))["plan"]!["status"]!.GetValue<string>(), Is.EqualTo("due"), "the third day is still on time");

        await AdvanceAsync(TimeSpan.FromDays(1));
        await ReviewCasesAsync();
        Assert.That(await EventuallyAsync("SELECT no_plan FROM cases WHERE id = $1", caseId), Is.True);
        var (_, flagged) = await Api.GetAsync("/api/cases?division=430302002&flag=noPlan", County);
        Assert.That(flagged!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(caseId));

        var plan = await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("430302-MCH", "4303-MCH", Clock.Today.AddDays(14)), HttpStatusCode.Created, County);
        Assert.That(plan!["case"]!["flags"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Not.Contain("noPlan"));
        Assert.That(plan["case"]!["plan"]!["status"]!.GetValue<string>(), Is.EqualTo("current"));

        await AdvanceAsync(TimeSpan.FromDays(15));
        await ReviewCasesAsync();
        Assert.That(await EventuallyAsync("SELECT plan_overdue FROM cases WHERE id = $1", caseId), Is.True, "a plan whose review date has passed");
    }

    [Test]
    public async Task APlanDeliveringAtATownshipHealthCentre_IsALevelMismatch_AndVersionsAreKept()
    {
        var caseId = await CaseOfAsync(await WomanAsync("430302003001", RedExam, "red"));
        var low = await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("430302-MCH", Bookings.Facility, Clock.Today.AddDays(7)), HttpStatusCode.Created, County);
        Assert.That(low!["levelMismatches"]!.AsArray().Select(m => m!.GetValue<string>()), Does.Contain("deliveryBelowLevel").And.Contain("deliveryWithoutMidwifery"));
        Assert.That(low["case"]!["flags"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("levelMismatch"));
        var (_, mismatched) = await Api.GetAsync("/api/cases?division=430302003&flag=levelMismatch", County);
        Assert.That(mismatched!["items"]!.AsArray(), Has.Count.EqualTo(1));

        var good = await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("430302-MCH", "4303-MCH", Clock.Today.AddDays(7)), HttpStatusCode.Created, County);
        Assert.That(good!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(good["levelMismatches"]!.AsArray(), Is.Empty);
        var found = await CaseAsync(caseId);
        Assert.That(found["plans"]!.AsArray().Select(p => p!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 1 }), "every version kept, newest first");
        Assert.That(found["plans"]![1]!["author"]!.GetValue<string>(), Is.EqualTo(TestUsers.UserName("county")));
        Assert.That(found["flags"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task TerminationAdvice_NeedsAnAssociateChiefPhysician()
    {
        var caseId = await CaseOfAsync(await WomanAsync("430302004001", RedExam, "red"));
        var plan = APlan("430302-MCH", "4303-MCH", Clock.Today.AddDays(7));
        plan["continuation"] = new JsonObject
        {
            ["date"] = DailyJob.D(Clock.Today), ["facilityCode"] = "4303-MCH", ["assessor"] = "张医生", ["assessorTitle"] = "主治医师", ["outcome"] = "terminationAdvised",
        };
        var (status, problem, _) = await Api.PostAsync($"/api/cases/{caseId}/plans", plan, client: County);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "continuation.assessorTitle" }));

        plan["continuation"]!["assessorTitle"] = "副主任医师";
        var accepted = await Api.PostAsync($"/api/cases/{caseId}/plans", plan, HttpStatusCode.Created, County);
        Assert.That((await CaseAsync(caseId))["plans"]![0]!["continuation"]!["assessorTitle"]!.GetValue<string>(), Is.EqualTo("associateChiefPhysician"));
        Assert.That(accepted!["levelMismatches"]!.AsArray(), Is.Empty);

        plan["pmtct"] = new JsonArray(new JsonObject { ["item"] = "hiv.maternalArt" });
        var (notPurple, pmtctProblem, _) = await Api.PostAsync($"/api/cases/{caseId}/plans", plan, client: County);
        Assert.That(notPurple, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(pmtctProblem), Is.EqualTo(new[] { "pmtct" }));
    }

    [Test]
    public async Task GradedDown_TheCaseStaysOpen_UntilClosedWithAReason()
    {
        var pregnancy = await WomanAsync("430302005001", RedExam, "red");
        var caseId = await CaseOfAsync(pregnancy);
        var (stillRed, conflict, _) = await Api.PostAsync($"/api/cases/{caseId}/close", new { reason = "已转上级" }, client: County);
        Assert.That(stillRed, Is.EqualTo(HttpStatusCode.Conflict), "a red woman's case is not closed by hand");
        Assert.That(conflict!["code"]!.GetValue<string>(), Is.EqualTo("CaseStillHighRisk"));

        var down = await Api.ExamAsync(pregnancy, Bookings.AnExam(measurements: NormalExam.DeepClone().AsObject()));
        Assert.That(down["grade"]!.GetValue<string>(), Is.Not.EqualTo("red").And.Not.EqualTo("orange"));
        var stillOpen = await CaseAsync(caseId);
        Assert.That(stillOpen["status"]!.GetValue<string>(), Is.EqualTo("open"), "a downgrade does not close the case");
        Assert.That(stillOpen["colour"]!.GetValue<string>(), Is.EqualTo(down["grade"]!.GetValue<string>()));

        var (forbidden, _, _) = await Api.PostAsync($"/api/cases/{caseId}/close", new { reason = "降级" }, client: Client);
        Assert.That(forbidden, Is.EqualTo(HttpStatusCode.Forbidden), "health workers do not close cases");
        var (noReason, problem, _) = await Api.PostAsync($"/api/cases/{caseId}/close", new { reason = "" }, client: County);
        Assert.That(noReason, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "reason" }));

        var closed = await Api.PostAsync($"/api/cases/{caseId}/close", new { reason = "肺动脉压恢复正常，连续两次评估为黄色" }, HttpStatusCode.OK, County);
        Assert.That(closed!["status"]!.GetValue<string>(), Is.EqualTo("closed"));
        var (onClosed, _, _) = await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("430302-MCH", "4303-MCH", Clock.Today.AddDays(7)), client: County);
        Assert.That(onClosed, Is.EqualTo(HttpStatusCode.Conflict), "no plan on a closed case");

        await Api.ExamAsync(pregnancy, Bookings.AnExam(measurements: RedExam.DeepClone().AsObject()));
        var reopened = await CaseAsync(caseId);
        Assert.That(reopened["status"]!.GetValue<string>(), Is.EqualTo("open"), "red again in the same episode reopens her case");
        Assert.That(reopened["report"]!["status"]!.GetValue<string>(), Is.EqualTo("due"));
    }

    [Test]
    public async Task TheBoard_ShowsEachRoleOnlyItsArea_RedFirst_Paged()
    {
        var orange = await CaseOfAsync(await WomanAsync("430302006001", OrangeExam, "orange"));
        var red = await CaseOfAsync(await WomanAsync("430302006002", RedExam, "red"));
        var (_, page1) = await Api.GetAsync("/api/cases?division=430302006&limit=1", County);
        Assert.That(page1!["items"]![0]!["id"]!.GetValue<Guid>(), Is.EqualTo(red), "red first");
        var cursor = page1["nextCursor"]!.GetValue<string>();
        var (_, page2) = await Api.GetAsync($"/api/cases?division=430302006&limit=1&cursor={cursor}", County);
        Assert.That(page2!["items"]![0]!["id"]!.GetValue<Guid>(), Is.EqualTo(orange));
        Assert.That(page2["nextCursor"], Is.Null);

        foreach (var key in new[] { "city", "county" })
        {
            var (_, seen) = await Api.GetAsync("/api/cases?division=430302006", Clients[key]);
            Assert.That(seen!["items"]!.AsArray(), Has.Count.EqualTo(2), $"{key} sees the cases of its area");
        }

        foreach (var key in new[] { "other-county", "other-city", "other-township", "township" })
        {
            var (_, unseen) = await Api.GetAsync("/api/cases?division=4303", Clients[key]);
            Assert.That(unseen!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Not.Contain(red).And.Not.Contain(orange), $"{key} does not");
            var (status, _) = await Api.GetAsync($"/api/cases/{red}", Clients[key]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), $"{key}: a case outside the area is 404");
        }

        var xlsx = await County.GetByteArrayAsync(new Uri("/api/cases/export.xlsx?division=430302006", UriKind.Relative));
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx)))
        {
            var sheet = workbook.Worksheets.First();
            Assert.That(sheet.Row(2).CellsUsed().Select(c => c.GetString()), Does.Contain("报告状态").And.Contain("机构级别不符"));
            Assert.That(sheet.Cell(3, 4).GetString(), Is.EqualTo("红"), "the export keeps the board's order: red first");
            Assert.That(sheet.Cell(4, 4).GetString(), Is.EqualTo("橙"));
        }

        var (badExport, _) = await Api.GetAsync("/api/cases/export.xlsx?flag=nope", County);
        Assert.That(badExport, Is.EqualTo(HttpStatusCode.BadRequest));

        var (bad, problem) = await Api.GetAsync("/api/cases?flag=nope&colour=blue", County);
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EquivalentTo(new[] { "flag", "colour" }));
    }

    [Test]
    public async Task Reassigning_NeedsCountyStaffOfTheArea()
    {
        var caseId = await CaseOfAsync(await WomanAsync("430302007001", RedExam, "red"));
        var city = await UserIdAsync("city");
        var assigned = await Api.PostAsync($"/api/cases/{caseId}/manager", new { userId = city }, HttpStatusCode.OK, County);
        Assert.That(assigned!["managerId"]!.GetValue<Guid>(), Is.EqualTo(city));
        var (_, mine) = await Api.GetAsync("/api/cases?manager=me", Clients["city"]);
        Assert.That(mine!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(caseId));

        var outsider = await UserIdAsync("other-county");
        var (status, problem, _) = await Api.PostAsync($"/api/cases/{caseId}/manager", new { userId = outsider }, client: County);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "userId" }));
    }

    [Test]
    public async Task AMaternalDeath_OpensADeathReportDueIn24Hours_TellsCountyAndCity_AndStaysOnTheBoardUntilSubmitted()
    {
        const string county = "13955550002", city = "13955550003";
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302", role = "countyOnDuty", name = "雨湖区值班2", mobile = county }, HttpStatusCode.Created, Admin);
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "4303", role = "cityMch", name = "湘潭市妇幼", mobile = city }, HttpStatusCode.Created, Admin);
        var pregnancy = await WomanAsync("430302008001", RedExam, "red");
        await Api.PostAsync($"/api/pregnancies/{pregnancy}/close", new { outcome = "maternalDeath", date = DailyJob.D(Clock.Today) }, HttpStatusCode.OK);

        var (_, board) = await Api.GetAsync("/api/cases?division=430302008&status=all", County);
        var due = board!["deathReportsDue"]!.AsArray().Single(r => r!["pregnancyId"]!.GetValue<Guid>() == pregnancy)!;
        var reportId = due["id"]!.GetValue<Guid>();
        Assert.Multiple(() =>
        {
            Assert.That(due["dueAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(due["antenatalVisits"]!.GetValue<int>(), Is.EqualTo(2), "the booking and one exam, from the register");
            Assert.That(due["late"]!.GetValue<bool>(), Is.False);
        });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE kind = 'DeathReport' AND recipient IN ($1, $2)", county, city), Is.EqualTo(2));
        var caseState = await CaseAsync(await CaseOfAsync(pregnancy));
        Assert.That(caseState["status"]!.GetValue<string>(), Is.EqualTo("closed"), "her case ends with the episode");

        var card = new JsonObject
        {
            ["usualAddress"] = "湘潭市雨湖区先锋街道", ["currentAddress"] = "湘潭市雨湖区先锋街道", ["deliveryPlace"] = null, ["deathPlace"] = "湘潭市中心医院",
            ["transferred"] = true, ["antenatalVisits"] = 2, ["firstVisitWeek"] = 28,
            ["causes"] = new JsonArray(new JsonObject { ["description"] = "肺动脉高压", ["icd10"] = "I27" }, new JsonObject { ["description"] = "妊娠合并心脏病", ["icd10"] = "O99.4" }),
        };
        var (missing, problem, _) = await Api.PostAsync($"/api/death-reports/{reportId}", card, client: County);
        Assert.That(missing, Is.EqualTo(HttpStatusCode.BadRequest), "transferred, but from where?");
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "transferredFrom" }));
        card["transferredFrom"] = "雨湖区妇幼保健计划生育服务中心";
        card["causes"]![1]!["icd10"] = "O99-4";
        var (badCode, codeProblem, _) = await Api.PostAsync($"/api/death-reports/{reportId}", card, client: County);
        Assert.That(badCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(codeProblem), Is.EqualTo(new[] { "causes[1].icd10" }));
        card["causes"]![1]!["icd10"] = "O99.4";
        var submitted = await Api.PostAsync($"/api/death-reports/{reportId}", card, HttpStatusCode.OK, County);
        Assert.That(submitted!["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
        var (_, after) = await Api.GetAsync("/api/cases?division=430302008&status=all", County);
        Assert.That(after!["deathReportsDue"]!.AsArray(), Is.Empty, "submitted: off the board");
        var (again, _, _) = await Api.PostAsync($"/api/death-reports/{reportId}", card, client: County);
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task ANearMiss_IsRecordedOnTheCase_WithKnownCriteria()
    {
        var caseId = await CaseOfAsync(await WomanAsync("430302100001", RedExam, "red"));
        var nearMiss = new JsonObject
        {
            ["date"] = DailyJob.D(Clock.Today), ["facilityCode"] = "4303-MCH", ["criteria"] = new JsonArray("clinical.shock", "management.transfusion"), ["outcome"] = "survived",
        };
        var recorded = await Api.PostAsync($"/api/cases/{caseId}/near-misses", nearMiss, HttpStatusCode.Created, County);
        Assert.That(recorded!["nearMisses"]!.GetValue<int>(), Is.EqualTo(1));
        nearMiss["criteria"] = new JsonArray("clinical.tired");
        var (status, problem, _) = await Api.PostAsync($"/api/cases/{caseId}/near-misses", nearMiss, client: County);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "criteria[0]" }));
    }

    [Test]
    public async Task TheCountyDailyDigest_CountsItsFlaggedCases()
    {
        const string onDuty = "13955550004";
        var job = new DailyJob(this);
        var day = await job.FreshStartAsync();   // a date no other test of the fixture has run the job for
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302", role = "countyOnDuty", name = "雨湖区值班4", mobile = onDuty }, HttpStatusCode.Created, Admin);
        var caseId = await CaseOfAsync(await WomanAsync("430302100201", RedExam, "red"));
        await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("430302-MCH", Bookings.Facility, Clock.Today.AddDays(7)), HttpStatusCode.Created, County);
        var mismatched = await ScalarAsync<long>("SELECT count(*) FROM cases WHERE status = 'Open' AND level_mismatch AND division_code LIKE '430302%'");

        await job.RunAsync(day);
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND dedup_key LIKE 'case-digest:%:430302:%')", onDuty), Is.True);
        var text = await ScalarAsync<string>("SELECT text FROM sms_messages WHERE recipient = $1 AND dedup_key LIKE 'case-digest:%'", onDuty);
        Assert.That(text, Does.Contain($"级别不符{mismatched}").And.Contain("/cases?division=430302"));
        Assert.That(mismatched, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task TheBoard_PutsAnOverdueRedWomanFirst_AndBackWhenSheIsReached()
    {
        var job = new DailyJob(this);
        var day0 = await job.FreshStartAsync();
        var later = await Api.BookAsync(Bookings.AWoman(20).With("divisionCode", "430302202001"));
        var sooner = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", "430302202201"));
        foreach (var id in new[] { later, sooner })
        {
            Assert.That((await Api.ExamAsync(id, Bookings.AnExam(measurements: RedExam.DeepClone().AsObject())))["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        }

        async Task<Guid[]> BoardAsync() =>
            [.. (await Api.GetAsync("/api/cases?division=430302202", County)).Body!["items"]!.AsArray().Select(i => i!["pregnancyId"]!.GetValue<Guid>())];

        Assert.That(await BoardAsync(), Is.EqualTo(new[] { sooner, later }), "both on track: the nearer EDD first");

        // Red: a contact every 7 days, one day's grace. The sooner one is reached on day 6; the later one is not.
        await TravelToAsync(day0.AddDays(6));
        await Api.PostAsync($"/api/pregnancies/{sooner}/follow-ups", new { date = DailyJob.D(day0.AddDays(6)), kind = "phone", reached = true }, HttpStatusCode.Created);
        await job.RunAsync(day0.AddDays(9));
        Assert.That(await BoardAsync(), Is.EqualTo(new[] { later, sooner }), "the daily review made her overdue: she comes first");
        var (_, row) = await Api.GetAsync($"/api/cases/{await CaseOfAsync(later)}", County);
        Assert.That(row!["followUpState"]!.GetValue<string>(), Is.EqualTo("overdue"));

        await Api.PostAsync($"/api/pregnancies/{later}/follow-ups", new { date = DailyJob.D(day0.AddDays(9)), kind = "homeVisit", reached = true }, HttpStatusCode.Created);
        Assert.That(await BoardAsync(), Is.EqualTo(new[] { sooner, later }), "reached: back on track, back in EDD order");
    }
}
