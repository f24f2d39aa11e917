using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

/// <summary>
/// Diagnoses that last the pregnancy (diabetes/GDM, hypertensive disorders, severe pre-eclampsia): found from an exam's
/// values, they are not undone by a later normal reading under treatment, only by a clinician resolving them. Lab
/// values such as haemoglobin still follow the latest reading (GradingTests).
/// </summary>
public class DiagnosisTests : ServiceFixture
{
    private async Task<JsonObject> ExamAsync(Guid id, DateOnly on, JsonObject measurements, JsonArray? resolved = null)
    {
        var exam = Bookings.AnExam(on, measurements);
        if (resolved is not null)
        {
            exam = exam.With("resolved", resolved);
        }

        var (status, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", exam);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!.AsObject();
    }

    private static string Grade(JsonObject exam) => exam["grade"]!.GetValue<string>();

    [Test]
    public async Task GdmFoundFromFastingGlucose_StaysYellowWhenDietControlsIt_UntilAClinicianResolvesIt()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var found = await ExamAsync(id, today.AddDays(-21), new JsonObject { ["fastingGlucose"] = 5.6 });
        Assert.That(Grade(found), Is.EqualTo("yellow"), "FPG ≥ 5.1 from 24 weeks: GDM");

        var controlled = await ExamAsync(id, today.AddDays(-7), new JsonObject { ["fastingGlucose"] = 4.7 });
        Assert.That(Grade(controlled), Is.EqualTo("yellow"), "diet-controlled GDM is still 无需药物治疗的糖尿病");
        Assert.That(controlled["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()), Does.Contain("y_endocrine_no_meds"));

        var resolved = await ExamAsync(id, today, new JsonObject { ["fastingGlucose"] = 4.5 },
            new JsonArray(new JsonObject { ["id"] = "y_endocrine_no_meds", ["reason"] = "OGTT复查正常，排除妊娠期糖尿病" }));
        Assert.That(Grade(resolved), Is.EqualTo("green"));
    }

    [Test]
    public async Task SeverePreEclampsia_StaysOrangeWhenBloodPressureIsControlled()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 32));
        var severe = await ExamAsync(id, today.AddDays(-7), new JsonObject { ["systolicBp"] = 165, ["diastolicBp"] = 112, ["urineProtein"] = "2+" });
        Assert.That(Grade(severe), Is.EqualTo("orange"));

        var treated = await ExamAsync(id, today, new JsonObject { ["systolicBp"] = 132, ["diastolicBp"] = 84, ["urineProtein"] = "-" });
        Assert.That(Grade(treated), Is.EqualTo("orange"), "on labetalol the pressure is normal; the pre-eclampsia is not gone");
        var (_, exam) = await Api.GetAsync($"/api/pregnancies/{id}/exams/{severe["examId"]!.GetValue<Guid>()}");
        Assert.That(exam?["findings"]?.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("o_severe_pe").And.Contain("y_hdp"),
            "recorded as findings of the exam that found them, so they can be resolved");
    }

    [Test]
    public async Task SeverePreEclampsiaInAnExamEnteredAfterALaterOne_CountsFromItsDate_AsThePreviewSaid()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 32));
        var later = await ExamAsync(id, today, new JsonObject { ["systolicBp"] = 120, ["diastolicBp"] = 80, ["urineProtein"] = "-" });
        Assert.That(Grade(later), Is.EqualTo("green"));

        // The paper record of a visit 17 days ago, typed in after today's exam.
        var severe = new JsonObject { ["systolicBp"] = 165, ["diastolicBp"] = 112, ["urineProtein"] = "3+" };
        var preview = await Api.PostAsync("/api/risk/evaluate", new JsonObject
        {
            ["pregnancyId"] = id.ToString(),
            ["assessmentDate"] = today.AddDays(-17).ToString("yyyy-MM-dd"),
            ["measurements"] = severe.DeepClone(),
        }, HttpStatusCode.OK);
        var entered = await ExamAsync(id, today.AddDays(-17), severe);
        var (_, exam) = await Api.GetAsync($"/api/pregnancies/{id}/exams/{entered["examId"]!.GetValue<Guid>()}");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(Grade(entered), Is.EqualTo("orange"), "severe pre-eclampsia lasts the pregnancy: a later normal reading does not undo it");
            Assert.That(entered["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()), Does.Contain("o_severe_pe").And.Contain("y_hdp"));
            Assert.That(exam?["findings"]?.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[] { "o_severe_pe", "y_hdp" }));
            Assert.That(record?["caseId"]?.GetValue<Guid?>(), Is.Not.Null, "orange opens her case");
            Assert.That(preview!["grade"]!.GetValue<string>(), Is.EqualTo("orange"), "the preview is what saving produces");
        });
    }

    [Test]
    public async Task ResolvedGdm_EndsThoughNoLaterGlucoseReplacedTheReadingItWasFoundFrom()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var found = await ExamAsync(id, today.AddDays(-14), new JsonObject { ["fastingGlucose"] = 5.6 });
        Assert.That(Grade(found), Is.EqualTo("yellow"));

        var resolved = await ExamAsync(id, today, new JsonObject { ["hemoglobin"] = 120 },
            new JsonArray(new JsonObject { ["id"] = "y_endocrine_no_meds", ["reason"] = "OGTT复查正常，误诊" }));

        Assert.That(Grade(resolved), Is.EqualTo("green"), resolved.ToJsonString());
    }

    [Test]
    public async Task MalpresentationCodedBefore36Weeks_Is400NamingTheFinding_AndFrom36WeeksIsYellow()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam().With("findings", new JsonArray("y_malpresentation")));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("findings[0]"));

        var late = await Api.BookAsync(Bookings.AWoman(weeks: 37));
        var (ok, exam, _) = await Api.PostAsync($"/api/pregnancies/{late}/exams", Bookings.AnExam().With("findings", new JsonArray("y_malpresentation")));
        Assert.That(ok, Is.EqualTo(HttpStatusCode.Created), exam?.ToJsonString());
        Assert.That(exam!["grade"]!.GetValue<string>(), Is.EqualTo("yellow"));
    }
}
