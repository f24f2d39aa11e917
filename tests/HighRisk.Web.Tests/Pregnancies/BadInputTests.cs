using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

/// <summary>Every kind of bad input answers a 4xx problem naming the field, never a 500, and writes nothing.</summary>
public class BadInputTests : ServiceFixture
{
    private const string RowCounts = """
        SELECT (SELECT count(*) FROM women) + (SELECT count(*) FROM pregnancies) * 1000 + (SELECT count(*) FROM exams) * 1000000
             + (SELECT count(*) FROM grade_changes) * 1000000000 + (SELECT count(*) FROM idempotency_records) * 1000000000000
        """;

    private static IEnumerable<TestCaseData> BadBookings()
    {
        yield return new TestCaseData((Func<Bookings, object>)(_ => "{\"fullName\": \"张三\", "), "body").SetName("MalformedJson_NamesBody");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().Without("fullName")), "fullName").SetName("MissingName_NamesFullName");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().Without("residentId")), "residentId").SetName("MissingResidentId_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("heightCm", "tall")), "heightCm").SetName("WrongType_NamesHeightCm");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("heightCm", "158")), "heightCm").SetName("NumberAsText_NamesHeightCm");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("history", new JsonObject { ["gravidity"] = "two" })), "history.gravidity")
            .SetName("WrongTypeNested_NamesHistoryGravidity");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("heightCm", 20)), "heightCm").SetName("HeightOutOfRange_NamesHeightCm");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("heightCm", 145.5).With("weightKg", 200)), "weightKg").SetName("ABmiOf94_NamesWeightKg");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("heightCm", 230).With("weightKg", 25)), "weightKg").SetName("ABmiOf5_NamesWeightKg");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("residentId", "110105194912310021")), "residentId").SetName("BadChecksum_NamesResidentId");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("residentId", "11010520990101002X")), "residentId").SetName("FutureBirthDate_NamesResidentId");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("residentId", ResidentIds.Make(new DateOnly(1992, 3, 15), 613))), "residentId")
            .SetName("AMansNumber_NamesResidentId");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("residentId", ResidentIds.Make(b.Today.AddYears(-5), 2))), "residentId")
            .SetName("FiveYearsOld_NamesResidentId");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("mobile", "12345")), "mobile").SetName("BadMobile_NamesMobile");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("mobile", "14012345678")), "mobile").SetName("ADataOnlyNumber_NamesMobile");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("lmp", b.Today.AddDays(3).ToString("yyyy-MM-dd"))), "lmp").SetName("FutureLmp_NamesLmp");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("lmp", "2026-02-30")), "lmp").SetName("ImpossibleDate_NamesLmp");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().Without("lmp")), "lmp").SetName("NoLmpNoEdd_NamesLmp");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("divisionCode", "430399999")), "divisionCode").SetName("UnknownTownship_NamesDivisionCode");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("divisionCode", "4303")), "divisionCode").SetName("CityCodeAsResidence_NamesDivisionCode");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("facilityCode", "nowhere")), "facilityCode").SetName("UnknownFacility_NamesFacilityCode");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("history", new JsonObject { ["gravidity"] = 1, ["parity"] = 2 })), "history.gravidity")
            .SetName("ParityAboveGravidity_NamesHistoryGravidity");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("findings", new JsonArray("no_such_factor"))), "findings[0]").SetName("UnknownFinding_NamesFindings0");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("nickname", "小李")), "nickname").SetName("UnknownField_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("weightKg", 52).ToJsonString().TrimEnd('}') + ",\"weightKg\":90}"), "weightKg")
            .SetName("AFieldGivenTwice_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().Without("fullName").With("FullName", "张三")), "FullName").SetName("AMiscasedField_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("address", "楠竹山镇\u0000一村")), "address").SetName("NulCharacter_NamesAddress");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("findings", new JsonArray((JsonNode?)null))), "findings[0]").SetName("NullFinding_NamesFindings0");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("history", new JsonObject { ["gravidity"] = 1, ["flags"] = new JsonArray((JsonNode?)null) })), "history.flags[0]")
            .SetName("NullHistoryFlag_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().Without("lmp").With("edd", "0001-01-01")), "edd").SetName("EddAtTheStartOfTheCalendar_NamesEdd");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("lmp", "9999-12-31")), "lmp").SetName("LmpAtTheEndOfTheCalendar_NamesLmp");
        yield return new TestCaseData((Func<Bookings, object>)(_ => "null"), "body").SetName("NullBody_NamesBody");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("fullName", "\u0001\u0002\u0003")), "fullName").SetName("C0ControlCharacters_NameFullName");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("address", "楠竹山镇\u007f一村")), "address").SetName("Delete_NamesAddress");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("healthWorker", "王\u0085医生")), "healthWorker").SetName("C1NextLine_NamesHealthWorker");
        yield return new TestCaseData((Func<Bookings, object>)(_ => "{\"fullName\": \"\u0001\"}"), "fullName").SetName("EscapedControlCharacter_NamesFullName");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("address", new string('村', 5000))), "address").SetName("HugeText_NamesAddress");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AWoman().With("nick\u0001name", "x")), "body").SetName("ControlCharacterInAFieldName_NamesTheBody");
    }

    [TestCaseSource(nameof(BadBookings))]
    public async Task Booking(Func<Bookings, object> body, string field)
    {
        var before = await ScalarAsync<long>(RowCounts);
        var (status, problem, response) = await Api.PostAsync("/api/pregnancies", body(Bookings));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Api.ErrorFields(problem), Does.Contain(field), problem?.ToJsonString());
        });
        Assert.That(await ScalarAsync<long>(RowCounts), Is.EqualTo(before), "nothing written");
    }

    private static IEnumerable<TestCaseData> BadExams()
    {
        yield return new TestCaseData((Func<Bookings, object>)(_ => "not json"), "body").SetName("Exam_MalformedJson_NamesBody");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().Without("examDate")), "examDate").SetName("Exam_MissingDate_NamesExamDate");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("examDate", b.Today.AddDays(-200).ToString("yyyy-MM-dd"))), "examDate").SetName("Exam_BeforeLmp_NamesExamDate");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("examDate", b.Today.AddDays(1).ToString("yyyy-MM-dd"))), "examDate").SetName("Exam_InFuture_NamesExamDate");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["hemoglobin"] = 900 })), "measurements.hemoglobin")
            .SetName("Exam_HbOutOfRange_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["hemoglobin"] = "low" })), "measurements.hemoglobin")
            .SetName("Exam_HbWrongType_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["urineProtein"] = "5+" })), "measurements.urineProtein")
            .SetName("Exam_BadUrineProtein_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["haemoglobin"] = 100 })), "measurements.haemoglobin")
            .SetName("Exam_UnknownMeasurement_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["fetusCount"] = 1.5 })), "measurements.fetusCount")
            .SetName("Exam_FractionalFetusCount_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("measurements", new JsonObject { ["systolicBp"] = 80, ["diastolicBp"] = 90 })), "measurements.systolicBp")
            .SetName("Exam_SystolicBelowDiastolic_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("resolved", new JsonArray(new JsonObject { ["id"] = "o_severe_anaemia", ["reason"] = "ok" }))), "resolved[0].id")
            .SetName("Exam_ResolvingWhatWasNeverCoded_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("resolved", new JsonArray(new JsonObject { ["id"] = "y_twins" }))), "resolved[0].reason")
            .SetName("Exam_ResolutionWithoutReason_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("nextAppointment", b.Today.AddDays(-1).ToString("yyyy-MM-dd"))), "nextAppointment")
            .SetName("Exam_AppointmentBeforeExam_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("resolved", new JsonArray((JsonNode?)null))), "resolved[0]").SetName("Exam_NullResolution_NamesIt");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("examDate", "9999-12-30").With("nextAppointment", "9999-12-31")), "examDate")
            .SetName("Exam_AtTheEndOfTheCalendar_NamesExamDate");
        yield return new TestCaseData((Func<Bookings, object>)(b => b.AnExam().With("note", "\u0000")), "note").SetName("Exam_NulInNote_NamesIt");
    }

    [TestCaseSource(nameof(BadExams))]
    public async Task Exam(Func<Bookings, object> body, string field)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var before = await ScalarAsync<long>(RowCounts);
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", body(Bookings));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
            Assert.That(Api.ErrorFields(problem), Does.Contain(field), problem?.ToJsonString());
        });
        Assert.That(await ScalarAsync<long>(RowCounts), Is.EqualTo(before), "nothing written");
    }

    [TestCase("twins", "outcome")]
    [TestCase("delivery", "mode")]
    public async Task Close_BadOutcomeOrMissingMode_NamesTheField(string outcome, string field)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 39));
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome, date = Clock.Today.ToString("yyyy-MM-dd") });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Does.Contain(field));
        Assert.That(await ScalarAsync<string>("SELECT status FROM pregnancies WHERE id = $1", id), Is.EqualTo("Open"));
    }

    [TestCase(12, "delivery", "outcome")]
    [TestCase(30, "miscarriage", "outcome")]
    public async Task Close_AnOutcomeTheGestationalAgeRulesOut_NamesTheOutcome(int weeks, string outcome, string field)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: weeks));
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome, date = Clock.Today.ToString("yyyy-MM-dd"), mode = outcome == "delivery" ? "vaginal" : null });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { field }));
        Assert.That(await ScalarAsync<string>("SELECT status FROM pregnancies WHERE id = $1", id), Is.EqualTo("Open"));
    }

    [Test]
    public async Task OversizedBody_Is400NotA500()
    {
        var before = await ScalarAsync<long>(RowCounts);
        var body = Bookings.AWoman().With("address", new string('路', 400_000));
        // Its length declared and the body held back until the service agrees (Expect: 100-continue), as a careful client
        // sends a large upload: the service refuses the length at once and the answer is read whole. A streamed body was
        // refused once 256 KB had arrived, and the client could see a broken pipe while it was still sending the rest.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies")
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = true;
        var response = await Client.SendAsync(request);
        var (status, problem) = (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Does.Contain("body"));
        Assert.That(await ScalarAsync<long>(RowCounts), Is.EqualTo(before));
    }

    [Test]
    public async Task BodyWithoutJsonContentType_NamesTheBody_OrSays415WithWhatToSend()
    {
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies") { Content = new ByteArrayContent("{}"u8.ToArray()) };
        var response = await Client.SendAsync(bare);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "body" }));

        using var text = new HttpRequestMessage(HttpMethod.Post, "/api/pregnancies") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain") };
        response = await Client.SendAsync(text);
        problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(problem!["detail"]!.GetValue<string>(), Does.Contain("application/json"));
    }

    [TestCase("/api/pregnancies?q=%00", "q")]
    [TestCase("/api/overdue?division=430302101&date=0001-01-01", "date")]
    [TestCase("/api/pregnancies?status=3", "status")]
    [TestCase("/api/pregnancies?q=%01", "q")]
    [TestCase("/api/pregnancies?q=%C2%85", "q")]
    public async Task BadQueryValue_NamesTheParameter_NeverA500(string path, string field)
    {
        var (status, problem) = await Api.GetAsync(path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task FreeTextWithTabsAndLineBreaks_IsTaken()
    {
        var id = await Api.BookAsync(Bookings.AWoman().With("address", "楠竹山镇一村\t3组\r\n(东侧)"));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["address"]!.GetValue<string>(), Is.EqualTo("楠竹山镇一村\t3组\r\n(东侧)"));
    }

    [Test]
    public async Task AnAccountsOverlongDivision_Is400NamingIt_WhateverTheRole()
    {
        var account = new { userName = "t-long-division", displayName = "测试", role = "healthWorker", facilityCode = "430302101-THC", password = TestUsers.Password };
        var (created, user, _) = await Api.PostAsync("/api/admin/users", account, client: Admin);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), user?.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/users/{user!["id"]!.GetValue<Guid>()}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { displayName = "测试", role = "healthWorker", facilityCode = "430302101-THC", divisionCode = new string('4', 450) }),
        };
        var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(Api.ErrorFields(JsonNode.Parse(text)), Is.EqualTo(new[] { "divisionCode" }));
    }

    [Test]
    public async Task AuditQuery_TakesActionsAsWrittenAndTimesWithAnOffset_AndNamesABadAction()
    {
        var id = await Api.BookAsync(Bookings.AWoman());
        await Api.GetAsync($"/api/pregnancies/{id}");
        var (status, page) = await Api.GetAsync("/api/admin/audit?action=read&from=2020-01-01T00:00:00%2B08:00&to=2199-01-01T00:00:00%2B08:00&limit=5", Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page?.ToJsonString());
        Assert.That(page!["items"]!.AsArray().Select(i => i!["action"]!.GetValue<string>()).Distinct().ToList(), Is.EqualTo(new[] { "read" }));

        var (bad, problem) = await Api.GetAsync("/api/admin/audit?action=peek", Admin);
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "action" }));
    }

    [Test]
    public async Task DailyJobForADateBeyondTheCatchUpWindow_Is400NamingTheDate()
    {
        var old = Clock.Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, problem, _) = await Api.PostAsync($"/api/admin/jobs/daily-overdue?date={old}", new JsonObject(), client: Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "date" }));
    }

    [Test]
    public async Task OpenApi_EachRequestBodyHasItsUseCasesSchema()
    {
        var (_, document) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        IEnumerable<string> Fields(string path)
        {
            var reference = document!["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            return document["components"]!["schemas"]![reference.Split('/')[^1]]!["properties"]!.AsObject().Select(p => p.Key);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Fields("/api/pregnancies"), Does.Contain("residentId").And.Contain("lmp").And.Not.Contain("password"));
            Assert.That(Fields("/api/pregnancies/{id}/exams"), Does.Contain("examDate").And.Contain("measurements"));
            Assert.That(Fields("/api/pregnancies/{id}/follow-ups"), Does.Contain("kind").And.Contain("reached"));
            Assert.That(Fields("/api/pregnancies/{id}/close"), Does.Contain("outcome").And.Contain("receivingFacility"));
            Assert.That(Fields("/api/auth/login"), Does.Contain("userName").And.Contain("password"));
        });
    }

    [Test]
    public async Task BadListQuery_NamesTheParameter()
    {
        var (status, problem) = await Api.GetAsync("/api/pregnancies?grade=purple&limit=5000");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.SupersetOf(new[] { "grade", "limit" }));
    }
}
