using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

public class EvaluateTests
{
    [Test]
    public async Task Evaluate_AgreesWithWhatSavingTheExamProduces()
    {
        var booking = Bookings.AWoman(weeks: 30, ageYears: 36).With("findings", new JsonArray("p_infectious"));
        var id = await Api.BookAsync(booking);
        await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(TestHost.Clock.Today.AddDays(-14), new JsonObject { ["platelets"] = 45 }));
        var measurements = new JsonObject { ["hemoglobin"] = 95, ["systolicBp"] = 150, ["diastolicBp"] = 96, ["fetusCount"] = 2 };

        var (status, preview, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject
        {
            ["pregnancyId"] = id.ToString(),
            ["assessmentDate"] = TestHost.Clock.Today.ToString("yyyy-MM-dd"),
            ["measurements"] = measurements.DeepClone(),
            ["findings"] = new JsonArray("y_icp"),
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), preview?.ToJsonString());
        var examCountBefore = await TestHost.ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id);

        var (_, saved, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams",
            Bookings.AnExam(measurements: measurements.DeepClone().AsObject()).With("findings", new JsonArray("y_icp")));

        Assert.Multiple(() =>
        {
            Assert.That(examCountBefore, Is.EqualTo(1), "evaluate wrote nothing");
            Assert.That(preview!["grade"]!.GetValue<string>(), Is.EqualTo(saved!["grade"]!.GetValue<string>()));
            Assert.That(preview["purple"]!.GetValue<bool>(), Is.EqualTo(saved["purple"]!.GetValue<bool>()));
            Assert.That(Ids(preview), Is.EqualTo(Ids(saved)));
            Assert.That(Ids(saved), Is.SupersetOf(new[] { "o_thrombocytopenia", "y_anaemia", "y_hdp", "y_twins", "y_age", "y_icp", "p_infectious" }));
        });
    }

    [TestCase(41, 120, "orange", "o_age")]
    [TestCase(28, 30, "red", "r_severe_anaemia")]
    [TestCase(28, 105, "yellow", "y_anaemia")]
    [TestCase(28, 120, "green", null)]
    public async Task HypotheticalCase_IsGradedWithoutAPregnancy(int age, int hb, string grade, string? factor)
    {
        var (status, result, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject
        {
            ["ageYears"] = age,
            ["gestationalWeeks"] = 24,
            ["heightCm"] = 160,
            ["weightKg"] = 55,
            ["measurements"] = new JsonObject { ["hemoglobin"] = hb },
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result?.ToJsonString());
        Assert.That(result!["grade"]!.GetValue<string>(), Is.EqualTo(grade));
        Assert.That(Ids(result), factor is null ? Is.Empty : Does.Contain(factor));
    }

    [Test]
    public async Task BadEvaluation_Is400NamingTheField()
    {
        var (status, problem, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject { ["ageYears"] = 5, ["measurements"] = new JsonObject { ["spo2"] = 120 } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Is.SupersetOf(new[] { "ageYears", "measurements.spo2" }));
    }

    [Test]
    public async Task ValuesThatSuggestACodedRow_ArePrompted_AndOnlyCodingItChangesTheGrade()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var query = new JsonObject
        {
            ["pregnancyId"] = id.ToString(),
            ["measurements"] = new JsonObject { ["alt"] = 150, ["aorticDiameter"] = 42 },
        };

        var (status, prompted, _) = await Api.PostAsync("/api/risk/evaluate", query);
        var (_, coded, _) = await Api.PostAsync("/api/risk/evaluate", query.With("findings", new JsonArray("o_liver_unexplained")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), prompted?.ToJsonString());
        var liver = prompted!["prompts"]!.AsArray()[1]!;
        Assert.Multiple(() =>
        {
            Assert.That(prompted["grade"]!.GetValue<string>(), Is.EqualTo("green"), "a prompt changes no grade");
            Assert.That(PromptIds(prompted), Is.EqualTo(new[] { "o_aortic", "o_liver_unexplained" }));
            Assert.That(liver["colour"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(liver["nameZh"]!.GetValue<string>(), Is.EqualTo("原因不明的肝功能异常"));
            Assert.That(liver["values"]![0]!["observation"]!.GetValue<string>(), Is.EqualTo("alt"));
            Assert.That(liver["values"]![0]!["value"]!.GetValue<decimal>(), Is.EqualTo(150m));
            Assert.That(liver["values"]![0]!["unit"]!.GetValue<string>(), Is.EqualTo("U/L"));
            Assert.That(liver["whyZh"]!.GetValue<string>(), Does.Contain("120 U/L"));
            Assert.That(liver["whyEn"]!.GetValue<string>(), Does.Contain("3 times the upper limit of normal"));
            Assert.That(coded!["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(PromptIds(coded), Is.EqualTo(new[] { "o_aortic" }), "a coded row is no longer prompted");
        });
    }

    [Test]
    public async Task HypotheticalCase_IsDatedByWeeksAndDays()
    {
        var (status, result, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject
        {
            ["ageYears"] = 30, ["gestationalWeeks"] = 24, ["gestationalDays"] = 3, ["findings"] = new JsonArray("y_twins"),
        });
        var (bad, problem, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject { ["gestationalDays"] = 3 });
        var (late, overLimit, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject { ["gestationalWeeks"] = 30, ["gestationalDays"] = 7 });

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result?.ToJsonString());
            Assert.That(result!["grade"]!.GetValue<string>(), Is.EqualTo("yellow"));
            Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "gestationalDays" }));
            Assert.That(late, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Api.ErrorFields(overLimit), Is.EqualTo(new[] { "gestationalDays" }));
        });
    }

    [Test]
    public async Task OpenApi_DescribesTheResponseWithItsPrompts()
    {
        var (_, document) = await Api.GetAsync("/openapi/v1.json", TestHost.Anonymous);
        var operation = document!["paths"]!["/api/risk/evaluate"]!["post"]!;
        var reference = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var schemas = document["components"]!["schemas"]!;
        var response = schemas[reference.Split('/')[^1]]!["properties"]!;
        var prompt = schemas[response["prompts"]!["items"]!["$ref"]!.GetValue<string>().Split('/')[^1]]!["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "grade", "purple", "factors", "catalogueVersion", "prompts" }));
            Assert.That(response["prompts"]!["description"]!.GetValue<string>(), Does.Contain("changes no grade"));
            Assert.That(prompt.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "colour", "nameZh", "nameEn", "values", "whyZh", "whyEn" }));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain("400").And.Contain("404").And.Contain("409"));
        });
    }

    private static List<string> PromptIds(JsonNode? result) =>
        result!["prompts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();

    private static List<string> Ids(JsonNode? result) =>
        result!["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
}
