using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Rules;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

/// <summary>
/// The preview says exactly what saving will do: every codeable finding of the catalogue goes through
/// <c>POST /api/risk/evaluate</c> and <c>POST /api/pregnancies/{id}/exams</c> with the same body, at 35+6 and 36+0 weeks,
/// on a date before the recorded birth, and after it; both must give the same verdict — success with the same grade,
/// purple flag and factors, or the same refusal (status, error paths and wording, or conflict detail). A hypothetical
/// case dated 35+6 (by its LMP) and 36+0 (by its weeks and days) must give the save's verdict too.
/// </summary>
public class FindingParityTests
{
    public static IEnumerable<TestCaseData> CodeableIds()
    {
        var catalogue = RiskCatalogue.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "catalogue", "cn-2017.json")), "cn-2017.json");
        return catalogue.Factors.Where(f => f.Coded).Select(f => f.Id).Concat(catalogue.Qualifiers.Select(q => q.Id))
            .Select(id => new TestCaseData(id).SetName($"Finding_{id}_PreviewAndSaveAgree"));
    }

    [TestCaseSource(nameof(CodeableIds))]
    public async Task Finding_PreviewAndSaveAgree(string id)
    {
        // She was 35+6 eighteen days ago, 36+0 seventeen days ago, and gave birth at 38+0 three days ago.
        var today = TestHost.Clock.Today;
        var lmp = today.AddDays(-(38 * 7) - 3);
        var at35Plus6 = lmp.AddDays((35 * 7) + 6);
        var at36Plus0 = lmp.AddDays(36 * 7);
        var birth = lmp.AddDays(38 * 7);
        var pregnancy = await Api.BookAsync(Bookings.AWoman().With("lmp", D(lmp)).With("bookingDate", D(lmp.AddDays(12 * 7))));

        var early = await SavedAsPreviewedAsync(pregnancy, at35Plus6, id);
        Assert.That(await VerdictAsync("/api/risk/evaluate", Hypothetical(at35Plus6, id).With("lmp", D(lmp))), Is.EqualTo(early),
            "a hypothetical case at 35+6, dated by its LMP");

        var term = await SavedAsPreviewedAsync(pregnancy, at36Plus0, id);
        Assert.That(await VerdictAsync("/api/risk/evaluate", Hypothetical(at36Plus0, id).With("gestationalWeeks", 36).With("gestationalDays", 0)), Is.EqualTo(term),
            "a hypothetical case at 36+0, dated by its weeks and days");

        var (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{pregnancy}/close", new { outcome = "delivery", date = D(birth), mode = "vaginal" });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var beforeBirth = await SavedAsPreviewedAsync(pregnancy, birth.AddDays(-1), id);
        Assert.That(beforeBirth.Status, Is.EqualTo(409), "once the birth is recorded, an exam dated before it is refused");
        await SavedAsPreviewedAsync(pregnancy, birth.AddDays(2), id);
    }

    [Test]
    public async Task ResolvingWhatWasNeverCoded_IsRefusedAlike_AndResolvingACodedFindingAgrees()
    {
        var pregnancy = await Api.BookAsync(Bookings.AWoman(weeks: 30).With("findings", new JsonArray("y_icp")));

        var refused = await SavedAsPreviewedAsync(pregnancy, TestHost.Clock.Today, "y_anaemia", Resolved("y_hdp"));
        var resolved = await SavedAsPreviewedAsync(pregnancy, TestHost.Clock.Today, "y_anaemia", Resolved("y_icp"));

        Assert.Multiple(() =>
        {
            Assert.That(refused.Errors, Is.EqualTo("resolved[0].id: 'y_hdp' was never coded for this pregnancy, so it cannot be resolved."));
            Assert.That((resolved.Status, resolved.Grade, resolved.Factors), Is.EqualTo((200, "yellow", "y_anaemia")));
        });
    }

    [TestCase("y_malpresentation", 35, 6, "findings[0]: 'y_malpresentation' (≥36周胎位不正) is a risk factor from 36+0 weeks; the pregnancy was 35+6 weeks on that date.")]
    [TestCase("y_malpresentation", 36, 0, null)]
    [TestCase("o_puerperal", 36, 0, "findings[0]: 'o_puerperal' (产后抑郁症、产褥期中暑、产褥感染等) is found after the birth; record it at the postpartum visit or the 42-day check.")]
    [TestCase("y_anaemia", 4, 0, null)]
    public async Task Booking_RefusesWhatTheHypotheticalPreviewRefuses(string id, int weeks, int days, string? refusal)
    {
        var today = TestHost.Clock.Today;
        var lmp = today.AddDays(-((7 * weeks) + days));
        var booked = Verdict.Of(await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("lmp", D(lmp)).With("findings", new JsonArray(id))));
        var previewed = await VerdictAsync("/api/risk/evaluate", Hypothetical(today, id).With("gestationalWeeks", weeks).With("gestationalDays", days));
        var flagged = Verdict.Of(await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("lmp", D(lmp))
            .With("history", new JsonObject { ["gravidity"] = 1, ["parity"] = 0, ["flags"] = new JsonArray(id) })));

        Assert.Multiple(() =>
        {
            Assert.That(booked.Errors, Is.EqualTo(refusal));
            Assert.That(previewed.Errors, Is.EqualTo(refusal));
            Assert.That((booked.Grade, booked.Factors), Is.EqualTo((previewed.Grade, previewed.Factors)));
            Assert.That(flagged.Errors, Is.EqualTo(refusal?.Replace("findings[0]", "history.flags[0]", StringComparison.Ordinal)), "the same rule for a history flag");
        });
    }

    [Test]
    public async Task UndatedHypotheticalCase_CannotCodeAGestationalAgeRow()
    {
        var verdict = await VerdictAsync("/api/risk/evaluate", Hypothetical(TestHost.Clock.Today, "y_malpresentation"));

        Assert.That(verdict.Errors, Is.EqualTo("findings[0]: 'y_malpresentation' (≥36周胎位不正) is a risk factor from 36+0 weeks; give the LMP or the gestational weeks to date the pregnancy."));
    }

    /// <summary>Previews the exam, saves it with the same body, and requires the same verdict; returns it.</summary>
    private static async Task<Verdict> SavedAsPreviewedAsync(Guid pregnancy, DateOnly on, string finding, JsonArray? resolved = null)
    {
        var exam = Bookings.AnExam(on).With("findings", new JsonArray(finding));
        var preview = new JsonObject
        {
            ["pregnancyId"] = pregnancy.ToString(),
            ["assessmentDate"] = D(on),
            ["measurements"] = exam["measurements"]!.DeepClone(),
            ["findings"] = new JsonArray(finding),
        };
        if (resolved is not null)
        {
            exam = exam.With("resolved", resolved.DeepClone());
            preview["resolved"] = resolved.DeepClone();
        }

        var previewed = await VerdictAsync("/api/risk/evaluate", preview);
        var saved = await VerdictAsync($"/api/pregnancies/{pregnancy}/exams", exam);
        Assert.That(previewed, Is.EqualTo(saved), $"{finding} on {D(on)}: the preview said what saving did");
        return saved;
    }

    private static JsonObject Hypothetical(DateOnly on, string finding) => new()
    {
        ["ageYears"] = 28,
        ["assessmentDate"] = D(on),
        ["heightCm"] = 160,
        ["weightKg"] = 55,
        ["history"] = new JsonObject { ["gravidity"] = 1, ["parity"] = 0 },
        ["measurements"] = Bookings.AnExam(on)["measurements"]!.DeepClone(),
        ["findings"] = new JsonArray(finding),
    };

    private static JsonArray Resolved(string id) => [new JsonObject { ["id"] = id, ["reason"] = "复查正常" }];

    private static async Task<Verdict> VerdictAsync(string path, JsonObject body) => Verdict.Of(await Api.PostAsync(path, body));

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a request decided, in comparable form: 200 for a success (the save's 201 too), the refusal's error paths and
    /// messages or its conflict detail, and for a success the grade, purple flag and factor ids.
    /// </summary>
    private sealed record Verdict(int Status, string? Errors, string? Detail, string? Grade, bool? Purple, string? Factors)
    {
        public static Verdict Of((HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response) response)
        {
            var (status, body, _) = response;
            if ((int)status is 200 or 201)
            {
                return new Verdict(200, null, null, body!["grade"]!.GetValue<string>(), body["purple"]!.GetValue<bool>(),
                    string.Join(" ", body["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)));
            }

            var errors = body?["errors"] is JsonObject fields
                ? string.Join("\n", fields.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value!.AsArray().Select(m => $"{e.Key}: {m!.GetValue<string>()}")))
                : null;
            return new Verdict((int)status, errors, errors is null ? body?["detail"]?.GetValue<string>() : null, null, null, null);
        }
    }
}
