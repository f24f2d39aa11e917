using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Transfers;

/// <summary>
/// Women who move (流动孕产妇) through HTTP: Yuhu transfers a red, overdue woman to a Changsha sub-district, which accepts;
/// the next morning she is on Changsha's list and not Yuhu's, still overdue; her case moves; Yuhu no longer sees her; a third
/// township that books her gets an actionable 409 and its request reaches Changsha without revealing her.
/// </summary>
[NonParallelizable]
public class TransferTests : ServiceFixture
{
    private const string Changsha = "430102001";   // 长沙市芙蓉区文艺路街道

    private DailyJob Job => new(this);

    private HttpClient Yuhu => Clients["township"];

    [Test]
    public async Task ARedWomanTransferredToChangsha_MovesWithHerRecordCaseAndPlaceOnTheList()
    {
        var day0 = await Job.FreshStartAsync();
        var booking = Bookings.AWoman(28);
        var id = await Api.BookAsync(booking);
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        await Job.RunAsync(day0.AddDays(2));
        Assert.That(Ids(await Job.ListAsync(Bookings.Township, day0.AddDays(2))), Does.Contain(id), "unreached after turning red: on Yuhu's list");
        var caseId = (await Api.GetAsync($"/api/pregnancies/{id}")).Body!["caseId"]!.GetValue<Guid>();

        var changsha = await NewUserAsync("subdistrictStaff", Changsha);
        var (sent, started, _) = await Api.PostAsync($"/api/pregnancies/{id}/transfers", new { toDivisionCode = Changsha, reason = "回娘家待产" }, client: Yuhu);
        Assert.That(sent, Is.EqualTo(HttpStatusCode.Created), started?.ToJsonString());
        var transferId = started!["transferId"]!.GetValue<Guid>();
        var (_, listed) = await Api.GetAsync($"/api/pregnancies?q={Uri.EscapeDataString(booking["residentId"]!.GetValue<string>())}", Yuhu);
        Assert.That(listed!["items"]![0]!["transferPending"]!.GetValue<bool>(), Is.True, "the sending township's list says transfer pending");
        var (_, overdue) = await Api.GetAsync($"/api/overdue?division={Bookings.Township}&date={DailyJob.D(day0.AddDays(2))}", Yuhu);
        Assert.That(overdue!["entries"]!.AsArray().Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!["transferPending"]!.GetValue<bool>(), Is.True);
        var (_, outgoing) = await Api.GetAsync("/api/transfers?direction=outgoing&status=requested", Yuhu);
        Assert.That(outgoing!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == transferId)!["canDecide"]!.GetValue<bool>(), Is.False, "the sender waits");
        var (_, incoming) = await Api.GetAsync("/api/transfers?direction=incoming", changsha);
        var waiting = incoming!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == transferId)!;
        Assert.That((waiting["canDecide"]!.GetValue<bool>(), waiting["fullName"]!.GetValue<string>()), Is.EqualTo((true, "测试孕妇")));
        Assert.That((await Api.PostAsync($"/api/transfers/{transferId}/accept", null, client: Yuhu)).Status, Is.EqualTo(HttpStatusCode.Forbidden), "not the sender's to accept");

        var (accepted, view, _) = await Api.PostAsync($"/api/transfers/{transferId}/accept", new { }, client: changsha);
        Assert.That(accepted, Is.EqualTo(HttpStatusCode.OK), view?.ToJsonString());
        Assert.That((await Api.GetAsync($"/api/pregnancies/{id}", Yuhu)).Status, Is.EqualTo(HttpStatusCode.NotFound), "Yuhu no longer sees her");
        Assert.That((await Api.GetAsync($"/api/pregnancies/{id}", Client)).Status, Is.EqualTo(HttpStatusCode.NotFound), "nor its health centre");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}", changsha);
        Assert.Multiple(() =>
        {
            Assert.That(record!["divisionCode"]!.GetValue<string>(), Is.EqualTo(Changsha));
            Assert.That(record["facilityCode"]!.GetValue<string>(), Is.EqualTo("430102001-CHC"), "the sub-district's health centre follows her up");
            Assert.That(record["exams"]!.AsArray(), Has.Count.EqualTo(1), "her record goes with her");
            Assert.That(record["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        });
        var furong = await NewUserAsync("countyStaff", "430102");
        Assert.That((await Api.GetAsync($"/api/cases/{caseId}", furong)).Status, Is.EqualTo(HttpStatusCode.OK), "her case moved to Changsha's board");
        Assert.That((await Api.GetAsync($"/api/cases/{caseId}", Clients["county"])).Status, Is.EqualTo(HttpStatusCode.NotFound));

        await Job.RunAsync(day0.AddDays(3));
        var changshaList = await Job.ListAsync(Changsha, day0.AddDays(3));
        Assert.That(Ids(changshaList), Does.Contain(id), "the next morning she is on Changsha's list");
        Assert.That(Ids(await Job.ListAsync(Bookings.Township, day0.AddDays(3))), Does.Not.Contain(id), "and not on Yuhu's");
        var entry = changshaList["entries"]!.AsArray().Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!;
        Assert.That(entry["daysOverdue"]!.GetValue<int>(), Is.EqualTo(2), "still overdue, counted from the same due date: no gap");

        var (again, _, _) = await Api.PostAsync($"/api/transfers/{transferId}/decline", new { reason = "x" }, client: changsha);
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
        await ThirdTownshipAsksForHerAsync(booking["residentId"]!.GetValue<string>(), id, changsha);
    }

    private async Task ThirdTownshipAsksForHerAsync(string residentId, Guid id, HttpClient changsha)
    {
        var third = Clients["other-township"];
        var (status, problem, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman(30).With("residentId", residentId)
            .With("divisionCode", "430304001").With("facilityCode", "430304001-CHC"), client: third);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), problem?.ToJsonString());
        Assert.That(problem!["transferRequestable"]!.GetValue<bool>(), Is.True);
        Assert.That(problem.ToJsonString(), Does.Not.Contain(id.ToString()).And.Not.Contain("测试孕妇"), "nothing of the other record");

        var (asked, request, _) = await Api.PostAsync("/api/transfer-requests", new { residentId, reason = "已在本街道居住" }, client: third);
        Assert.That(asked, Is.EqualTo(HttpStatusCode.Created), request?.ToJsonString());
        var requestId = request!["transferId"]!.GetValue<Guid>();
        var (_, mine) = await Api.GetAsync("/api/transfers?direction=incoming", third);
        var own = mine!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == requestId)!;
        Assert.That((own["fullName"], own["pregnancyId"]), Is.EqualTo(((JsonNode?)null, (JsonNode?)null)), "the asking township learns nothing before acceptance");
        var (_, holder) = await Api.GetAsync("/api/transfers?direction=outgoing&status=requested", changsha);
        var reached = holder!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == requestId)!;
        Assert.That((reached["kind"]!.GetValue<string>(), reached["canDecide"]!.GetValue<bool>()), Is.EqualTo(("request", true)), "the request reaches Changsha");
        var (twice, _, _) = await Api.PostAsync("/api/transfer-requests", new { residentId, reason = "再次申请" }, client: third);
        Assert.That(twice, Is.EqualTo(HttpStatusCode.Conflict), "one transfer waits at a time");
    }

    [Test]
    public async Task ATransferUnansweredForSevenDays_IsEscalatedOnceToBothCounties()
    {
        const string yuhuOnDuty = "13955550301", furongOnDuty = "13955550302";
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430302", role = "countyOnDuty", name = "雨湖区值班", mobile = yuhuOnDuty }, HttpStatusCode.Created, Admin);
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430102", role = "countyOnDuty", name = "芙蓉区值班", mobile = furongOnDuty }, HttpStatusCode.Created, Admin);
        var id = await Api.BookAsync(Bookings.AWoman(20));
        var started = await Api.PostAsync($"/api/pregnancies/{id}/transfers", new { toDivisionCode = Changsha, reason = "外出务工" }, HttpStatusCode.Created, Yuhu);
        var transferId = started!["transferId"]!.GetValue<Guid>();

        await AdvanceAsync(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5));
        await Api.RunJobAsync("transfer-review");
        await Task.Delay(1000);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE dedup_key LIKE $1", $"transfer-late:{transferId}:%"), Is.Zero, "not yet seven days");

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await Api.RunJobAsync("transfer-review");
        Assert.That(await EventuallyAsync(
            "SELECT count(*) = 2 FROM sms_messages WHERE kind = 'Transfer' AND dedup_key LIKE $1 AND recipient IN ($2, $3)", $"transfer-late:{transferId}:%", yuhuOnDuty, furongOnDuty),
            Is.True, "both counties' on-duty contacts");
        await Api.RunJobAsync("transfer-review");
        await Task.Delay(1000);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE dedup_key LIKE $1", $"transfer-late:{transferId}:%"), Is.EqualTo(2), "once only");
        var (_, late) = await Api.GetAsync("/api/transfers?status=late", Yuhu);
        Assert.That(late!["items"]!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == transferId)!["late"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task TransferInputs_AreCheckedAndNamed()
    {
        var id = await Api.BookAsync(Bookings.AWoman());
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/transfers", new { toDivisionCode = "4301", reason = "" }, client: Yuhu);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.SupersetOf(new[] { "toDivisionCode", "reason" }));
        var (same, sameProblem, _) = await Api.PostAsync($"/api/pregnancies/{id}/transfers", new { toDivisionCode = Bookings.Township, reason = "x" }, client: Yuhu);
        Assert.That((same, Api.ErrorFields(sameProblem)), Is.EqualTo((HttpStatusCode.BadRequest, (IReadOnlyList<string>)["toDivisionCode"])));
        var (outside, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/transfers", new { toDivisionCode = Changsha, reason = "x" }, client: Clients["other-township"]);
        Assert.That(outside, Is.EqualTo(HttpStatusCode.NotFound));
        var (nobody, _, _) = await Api.PostAsync("/api/transfer-requests", new { residentId = Bookings.AWoman()["residentId"]!.GetValue<string>(), reason = "x" }, client: Yuhu);
        Assert.That(nobody, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static List<Guid> Ids(JsonObject list) => list["entries"]!.AsArray().Select(e => e!["pregnancyId"]!.GetValue<Guid>()).ToList();
}
