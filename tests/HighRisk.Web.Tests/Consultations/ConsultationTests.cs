using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Consultations;

/// <summary>
/// Consultation (会诊) through HTTP: a health worker asks a pool, an expert of the pool takes the question and answers,
/// raising her colour; the answer and the raise show on her record. Only the pool's members take and answer (403 for
/// anyone else who sees her, 404 for anyone who does not); a step the state does not allow is a 409 naming the state.
/// </summary>
[NonParallelizable]
public class ConsultationTests : ServiceFixture
{
    private ConsultationSteps Steps => new(this);

    private HttpClient City => Clients["city"];

    private HttpClient County => Clients["county"];

    [Test]
    public async Task AskTakeAndAnswerWithARaise_ShowsOnHerRecord_AndRaisesHerColour()
    {
        var pool = await Steps.PoolAsync("湘潭市心内科会诊专家组", "cardiology", "4303", "city");
        var woman = await Steps.WomanAsync(Bookings.Village, "会诊孕妇");
        var asked = await Steps.AskAsync(woman, "cardiology");
        var id = asked["consultationId"]!.GetValue<Guid>();
        Assert.Multiple(() =>
        {
            Assert.That(asked["answerDue"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)), "due in 24 hours");
            Assert.That(asked["pool"]!["id"]!.GetValue<Guid>(), Is.EqualTo(pool), "the city's cardiology pool: no county one");
        });

        var (_, queue) = await Api.GetAsync("/api/consultations?mine=pools&status=open", City);
        var item = queue!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!;
        Assert.Multiple(() =>
        {
            Assert.That(item["actions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "take" }), "the expert may take it");
            Assert.That(item["woman"]!["fullName"]!.GetValue<string>(), Is.EqualTo("会诊孕妇"));
            Assert.That(item["status"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(item["late"]!.GetValue<bool>(), Is.False);
        });
        Assert.That((await Steps.GetAsync(id, Client))["actions"]!.AsArray(), Is.Empty, "the asker may do nothing more");

        var taken = await Api.PostAsync($"/api/consultations/{id}/take", null, HttpStatusCode.OK, City);
        Assert.That(taken!["status"]!.GetValue<string>(), Is.EqualTo("taken"));
        Assert.That(taken["takenBy"]!["name"]!.GetValue<string>(), Is.EqualTo("测试用户 t-city"));
        Assert.That(taken["actions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "answer" }));

        var (invalid, problem, _) = await Api.PostAsync(
            $"/api/consultations/{id}/answer", new JsonObject { ["answer"] = "", ["raise"] = new JsonObject { ["colour"] = "green", ["reason"] = "" } }, client: City);
        Assert.That(invalid, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.EquivalentTo(new[] { "answer", "raise.colour", "raise.reason" }), "green is not a raise; a raise needs its reason");

        var answer = new JsonObject
        {
            ["answer"] = "建议本周内转湘潭市妇幼保健院心内科评估心功能，期间限制活动、每周产检。",
            ["raise"] = new JsonObject { ["colour"] = "red", ["reason"] = "风湿性心脏病，心功能Ⅲ级" },
        };
        var answered = await Api.PostAsync($"/api/consultations/{id}/answer", answer, HttpStatusCode.OK, City);
        Assert.That(answered!["status"]!.GetValue<string>(), Is.EqualTo("answered"));

        var (status, record) = await Api.GetAsync($"/api/pregnancies/{woman}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var onRecord = record!["consultations"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(record["grade"]!.GetValue<string>(), Is.EqualTo("red"), "the expert's raise made her red");
            Assert.That(onRecord["id"]!.GetValue<Guid>(), Is.EqualTo(id));
            Assert.That(onRecord["status"]!.GetValue<string>(), Is.EqualTo("answered"));
            Assert.That(onRecord["answer"]!.GetValue<string>(), Does.StartWith("建议本周内转湘潭市妇幼保健院"));
            Assert.That(onRecord["raise"]!["colour"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(onRecord["raise"]!["reason"]!.GetValue<string>(), Is.EqualTo("风湿性心脏病，心功能Ⅲ级"));
            Assert.That(onRecord["takenBy"]!["name"]!.GetValue<string>(), Is.EqualTo("测试用户 t-city"));
            var raise = record["raises"]!.AsArray().Single()!;
            Assert.That(raise["by"]!.GetValue<string>(), Is.EqualTo("测试用户 t-city"), "the clinician's raise, made by the expert");
            Assert.That(raise["colour"]!.GetValue<string>(), Is.EqualTo("red"));
            var change = record["gradeHistory"]!.AsArray().Last()!;
            Assert.That(change["cause"]!.GetValue<string>(), Is.EqualTo("manualRaise"));
            Assert.That(change["to"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(record["caseId"], Is.Not.Null, "red: her case opened with the raise");
        });
    }

    [Test]
    public async Task AskingWithoutAPool_TakesHerCountysPoolBeforeTheCitys_AndRefusesWhatNoPoolAnswers()
    {
        var city = await Steps.PoolAsync("湘潭市产科专家组", "obstetrics", "4303", "city");
        var county = await Steps.PoolAsync("雨湖区产科专家组", "obstetrics", "430302", "county");
        var woman = await Steps.WomanAsync(Bookings.Village);
        Assert.That((await Steps.AskAsync(woman, "obstetrics"))["pool"]!["id"]!.GetValue<Guid>(), Is.EqualTo(county), "the longest prefix of her division");
        Assert.That((await Steps.AskAsync(woman, "obstetrics", poolId: city))["pool"]!["id"]!.GetValue<Guid>(), Is.EqualTo(city), "the pool asked for");

        async Task<JsonNode?> RefusedAsync(Guid pregnancy, JsonObject body, string field)
        {
            var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{pregnancy}/consultations", body);
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
            Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { field }), problem?.ToJsonString());
            return problem;
        }

        var question = new JsonObject { ["question"] = "是否需要提前入院？", ["specialty"] = "obstetrics" };
        await RefusedAsync(woman, question.With("specialty", "surgery").With("poolId", county), "poolId");
        var none = await RefusedAsync(woman, question.With("specialty", "psychiatry"), "specialty");
        Assert.That(none!["errorCodes"]!["specialty"]![0]!.GetValue<string>(), Is.EqualTo("NoExpertPool"));
        await RefusedAsync(woman, question.With("specialty", "dermatology"), "specialty");
        await RefusedAsync(woman, question.With("question", " "), "question");

        var moved = await Steps.WomanAsync(Bookings.Village);
        await Api.PostAsync($"/api/pregnancies/{moved}/close", new JsonObject { ["outcome"] = "movedAway", ["date"] = FollowUps.DailyJob.D(Clock.Today) }, HttpStatusCode.OK);
        var (closed, conflict, _) = await Api.PostAsync($"/api/pregnancies/{moved}/consultations", question);
        Assert.That(closed, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(conflict!["code"]!.GetValue<string>(), Is.EqualTo("ConsultationOnClosedPregnancy"));
    }

    [Test]
    public async Task ANonMember_CannotTakeOrAnswer_403WhereSheSeesHer_404WhereSheDoesNot()
    {
        await Steps.PoolAsync("雨湖区外科专家组", "surgery", "430302", "county");
        var id = (await Steps.AskAsync(await Steps.WomanAsync(Bookings.Village), "surgery"))["consultationId"]!.GetValue<Guid>();

        foreach (var key in new[] { "worker", "township", "city", "admin" })
        {
            foreach (var step in new[] { "take", "answer" })
            {
                var (status, problem, _) = await Api.PostAsync($"/api/consultations/{id}/{step}", new JsonObject { ["answer"] = "意见" }, client: Clients[key]);
                Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), $"{step} as {key}: sees her, not a member of the pool");
                Assert.That(problem!["code"]!.GetValue<string>(), Is.EqualTo("ConsultationPoolMembersOnly"));
            }
        }

        foreach (var key in new[] { "other-worker", "other-township", "other-county", "other-city" })
        {
            var (take, _, _) = await Api.PostAsync($"/api/consultations/{id}/take", null, client: Clients[key]);
            var (read, _) = await Api.GetAsync($"/api/consultations/{id}", Clients[key]);
            var (_, list) = await Api.GetAsync("/api/consultations", Clients[key]);
            Assert.Multiple(() =>
            {
                Assert.That(take, Is.EqualTo(HttpStatusCode.NotFound), $"take as {key}: outside the area");
                Assert.That(read, Is.EqualTo(HttpStatusCode.NotFound), $"read as {key}");
                Assert.That(list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Not.Contain(id), $"list as {key}");
            });
        }

        await Api.PostAsync($"/api/consultations/{id}/take", null, HttpStatusCode.OK, County);
    }

    [Test]
    public async Task TakingTwiceOrAnsweringAnothersConsultation_Is409NamingTheState()
    {
        await Steps.PoolAsync("雨湖区内科专家组", "internalMedicine", "430302", "county", "city");
        var id = (await Steps.AskAsync(await Steps.WomanAsync(Bookings.Village), "internalMedicine"))["consultationId"]!.GetValue<Guid>();
        var answer = new JsonObject { ["answer"] = "继续观察，一周后复查。" };

        async Task ConflictAsync(string step, HttpClient client, string code, string state)
        {
            var (status, problem, _) = await Api.PostAsync($"/api/consultations/{id}/{step}", answer, client: client);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), $"{step}: {problem?.ToJsonString()}");
            Assert.That(problem!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(problem["state"]!.GetValue<string>(), Is.EqualTo(state), "the problem names the state");
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(state));
        }

        await ConflictAsync("answer", County, "ConsultationNotTaken", "open");
        await Api.PostAsync($"/api/consultations/{id}/take", null, HttpStatusCode.OK, County);
        await ConflictAsync("take", County, "ConsultationAlreadyTaken", "taken");
        await ConflictAsync("take", City, "ConsultationAlreadyTaken", "taken");
        await ConflictAsync("answer", City, "ConsultationTakenByAnother", "taken");
        await Api.PostAsync($"/api/consultations/{id}/answer", answer, HttpStatusCode.OK, County);
        await ConflictAsync("answer", County, "ConsultationAlreadyAnswered", "answered");
        await ConflictAsync("take", City, "ConsultationAlreadyAnswered", "answered");
    }
}
