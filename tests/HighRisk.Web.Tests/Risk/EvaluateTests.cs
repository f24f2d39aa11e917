using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

public class EvaluateTests : ServiceFixture
{
    [Test]
    public async Task Evaluate_AgreesWithWhatSavingTheExamProduces()
    {
        var booking = Bookings.AWoman(weeks: 30, ageYears: 36).With("findings", new JsonArray("p_infectious"));
        var id = await Api.BookAsync(booking);
        await Api.ExamAsync(id, Bookings.AnExam(Clock.Today.AddDays(-14), new JsonObject { ["platelets"] = 45 }));
        var measurements = new JsonObject { ["hemoglobin"] = 95, ["systolicBp"] = 150, ["diastolicBp"] = 96, ["fetusCount"] = 2 };

        var (status, preview, _) = await Api.PostAsync("/api/risk/evaluate", new JsonObject
        {
            ["pregnancyId"] = id.ToString(),
            ["assessmentDate"] = Clock.Today.ToString("yyyy-MM-dd"),
            ["measurements"] = measurements.DeepClone(),
            ["findings"] = new JsonArray("y_icp"),
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), preview?.ToJsonString());
        var examCountBefore = await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id);

        var saved = await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements.DeepClone().AsObject()).With("findings", new JsonArray("y_icp")));

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

    private static List<string> Ids(JsonNode? result) =>
        result!["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
}
