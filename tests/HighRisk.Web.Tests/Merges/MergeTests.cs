using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Merges;

/// <summary>
/// Two records of one woman (重复建册) merged by an administrator through HTTP: every exam, follow-up, grade-history row and
/// referral is kept in date order, the grade is recomputed from all of them (equal to one record holding the same exams),
/// the merge is audited, and its undo within 30 days gives each record back its own.
/// </summary>
public class MergeTests : ServiceFixture
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject RedExam(DateOnly on, Bookings b) => b.AnExam(on, new JsonObject { ["pulmonaryArteryPressure"] = 55, ["systolicBp"] = 118, ["diastolicBp"] = 76 });

    private static JsonObject NormalExam(DateOnly on, Bookings b) => b.AnExam(on, new JsonObject { ["systolicBp"] = 112, ["diastolicBp"] = 72, ["hemoglobin"] = 118 });

    [Test]
    public async Task AMerge_KeepsEveryExamAndRecomputesTheGrade_AndItsUndoGivesEachRecordItsOwn()
    {
        var day0 = Bookings.Today;
        var keepId = await Api.BookAsync(Bookings.AWoman(20));
        var mergeId = await Api.BookAsync(Bookings.AWoman(20).With("findings", new JsonArray("p_infectious")));
        await AdvanceAsync(TimeSpan.FromDays(1));
        await Api.ExamAsync(mergeId, RedExam(day0.AddDays(1), Bookings));
        await Api.PostAsync($"/api/pregnancies/{mergeId}/follow-ups", new { date = D(day0.AddDays(1)), kind = "phone", reached = true, note = "已联系" }, HttpStatusCode.Created);
        var referral = await Api.PostAsync(
            $"/api/pregnancies/{mergeId}/referrals", new { toFacilityCode = Bookings.CountyMch, urgency = "urgent", reason = "肺动脉高压，转上级评估" }, HttpStatusCode.Created);
        await AdvanceAsync(TimeSpan.FromDays(1));
        var keptExam = await Api.ExamAsync(keepId, NormalExam(day0.AddDays(2), Bookings));
        Assert.That(keptExam["grade"]!.GetValue<string>(), Is.Not.EqualTo("red"), "the kept record alone is not red");

        // The oracle: one record holding the same booking findings and exams, in the same order.
        var oracle = await Api.BookAsync(Bookings.AWoman(20).With("findings", new JsonArray("p_infectious")));
        await Api.ExamAsync(oracle, RedExam(day0.AddDays(1), Bookings));
        await Api.ExamAsync(oracle, NormalExam(day0.AddDays(2), Bookings));
        var expected = (await Api.GetAsync($"/api/pregnancies/{oracle}")).Body!;

        var (status, merge, _) = await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId, mergeId }, client: Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), merge?.ToJsonString());
        var kept = (await Api.GetAsync($"/api/pregnancies/{keepId}")).Body!;
        var merged = (await Api.GetAsync($"/api/pregnancies/{mergeId}")).Body!;
        Assert.Multiple(() =>
        {
            Assert.That(ExamDates(kept), Is.EqualTo(new[] { D(day0.AddDays(1)), D(day0.AddDays(2)) }), "every exam kept, in date order");
            Assert.That(kept["grade"]!.GetValue<string>(), Is.EqualTo(expected["grade"]!.GetValue<string>()).And.EqualTo("red"), "graded again from everything");
            Assert.That(kept["purple"]!.GetValue<bool>(), Is.EqualTo(expected["purple"]!.GetValue<bool>()).And.True, "the merged record's booking findings count");
            Assert.That(FactorIds(kept), Is.EquivalentTo(FactorIds(expected)));
            Assert.That(kept["followUps"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(kept["referrals"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { referral!["referralId"]!.GetValue<Guid>() }));
            Assert.That(kept["gradeHistory"]!.AsArray().Last()!["cause"]!.GetValue<string>(), Is.EqualTo("merge"));
            Assert.That(kept["gradeHistory"]!.AsArray().Select(g => g!["changedAt"]!.GetValue<DateTimeOffset>()), Is.Ordered, "grade history in date order");
            Assert.That((merged["status"]!.GetValue<string>(), merged["outcome"]!.GetValue<string>()), Is.EqualTo(("closed", "merged")));
            Assert.That(merged["mergedIntoId"]!.GetValue<Guid>(), Is.EqualTo(keepId));
            Assert.That(merged["exams"]!.AsArray(), Is.Empty);
            Assert.That((merge!["exams"]!.GetValue<int>(), merge["referrals"]!.GetValue<int>(), merge["undoable"]!.GetValue<bool>()), Is.EqualTo((1, 1, true)));
        });
        var (_, audit) = await Api.GetAsync($"/api/admin/audit?entityId={keepId}", Admin);
        Assert.That(audit!.ToJsonString(), Does.Contain("MergePregnancies").And.Contain(mergeId.ToString()), "audited");

        var mergeAt = merge!["id"]!.GetValue<Guid>();
        var (undone, view, _) = await Api.PostAsync($"/api/admin/merges/{mergeAt}/undo", null, client: Admin);
        Assert.That(undone, Is.EqualTo(HttpStatusCode.OK), view?.ToJsonString());
        kept = (await Api.GetAsync($"/api/pregnancies/{keepId}")).Body!;
        merged = (await Api.GetAsync($"/api/pregnancies/{mergeId}")).Body!;
        Assert.Multiple(() =>
        {
            Assert.That(ExamDates(kept), Is.EqualTo(new[] { D(day0.AddDays(2)) }));
            Assert.That(kept["grade"]!.GetValue<string>(), Is.EqualTo(keptExam["grade"]!.GetValue<string>()), "the kept record graded from its own again");
            Assert.That(kept["purple"]!.GetValue<bool>(), Is.False);
            Assert.That(kept["referrals"]!.AsArray(), Is.Empty);
            Assert.That(merged["status"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(ExamDates(merged), Is.EqualTo(new[] { D(day0.AddDays(1)) }));
            Assert.That((merged["grade"]!.GetValue<string>(), merged["purple"]!.GetValue<bool>()), Is.EqualTo(("red", true)));
            Assert.That(merged["followUps"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(merged["referrals"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(view!["undoable"]!.GetValue<bool>(), Is.False);
        });
        var (again, problem, _) = await Api.PostAsync($"/api/admin/merges/{mergeAt}/undo", null, client: Admin);
        Assert.That((again, problem!["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.Conflict, "MergeUndone")));
        var (_, list) = await Api.GetAsync("/api/admin/merges", Admin);
        Assert.That(list!["items"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == mergeAt)!["undoneBy"]!.GetValue<string>(), Is.EqualTo("admin"));
    }

    [Test]
    public async Task AMerge_IsForAdministrators_OfTwoOpenRecords_AndUndoableFor30Days()
    {
        var a = await Api.BookAsync(Bookings.AWoman(16));
        var b = await Api.BookAsync(Bookings.AWoman(16));
        Assert.That((await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a, mergeId = b }, client: Clients["county"])).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var (same, sameProblem, _) = await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a, mergeId = a }, client: Admin);
        Assert.That((same, Api.ErrorFields(sameProblem)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "mergeId" })));
        Assert.That((await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a, mergeId = Guid.NewGuid() }, client: Admin)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        var (missing, missingProblem, _) = await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a }, client: Admin);
        Assert.That((missing, Api.ErrorFields(missingProblem)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "mergeId" })));

        var merge = await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a, mergeId = b }, HttpStatusCode.Created, Admin);
        var (twice, twiceProblem, _) = await Api.PostAsync("/api/admin/pregnancies/merge", new { keepId = a, mergeId = b }, client: Admin);
        Assert.That((twice, twiceProblem!["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.Conflict, "MergeRecordNotOpen")), "the merged record is closed");
        var (closed, closeProblem, _) = await Api.PostAsync($"/api/pregnancies/{a}/close", new { outcome = "merged", date = D(Bookings.Today) });
        Assert.That((closed, Api.ErrorFields(closeProblem)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "outcome" })), "nobody closes a record as merged by hand");

        await AdvanceAsync(TimeSpan.FromDays(31));
        var (late, lateProblem, _) = await Api.PostAsync($"/api/admin/merges/{merge!["id"]}/undo", null, client: Admin);
        Assert.That((late, lateProblem!["code"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.Conflict, "MergeUndoExpired")));
        Assert.That((await ScalarAsync<string>("SELECT outcome FROM pregnancies WHERE id = $1", b)), Is.EqualTo("Merged"), "nothing undone");
    }

    private static string[] ExamDates(JsonNode record) => [.. record["exams"]!.AsArray().Select(e => e!["examDate"]!.GetValue<string>())];

    private static string[] FactorIds(JsonNode record) => [.. record["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>())];
}
