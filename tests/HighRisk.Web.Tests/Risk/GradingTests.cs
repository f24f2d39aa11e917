using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

/// <summary>Re-grading through HTTP: exams change the grade, write history, and say why.</summary>
public class GradingTests : ServiceFixture
{
    [Test]
    public async Task ExamWithHb55_TurnsOrangeWithTheValueAsEvidenceAndWritesHistory()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var (status, recorded, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(measurements: new JsonObject { ["hemoglobin"] = 55 }));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), recorded?.ToJsonString());
        var examId = recorded!["examId"]!.GetValue<string>();
        Assert.That(recorded["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
        Assert.That(recorded["previousGrade"]!.GetValue<string>(), Is.EqualTo("green"));

        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var anaemia = record!["factors"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "o_severe_anaemia")!;
        var evidence = anaemia["evidence"]![0]!;
        var history = record["gradeHistory"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(anaemia["colour"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(evidence["observation"]!.GetValue<string>(), Is.EqualTo("hemoglobin"));
            Assert.That(evidence["value"]!.GetValue<decimal>(), Is.EqualTo(55m));
            Assert.That(evidence["unit"]!.GetValue<string>(), Is.EqualTo("g/L"));
            Assert.That(evidence["examId"]!.GetValue<string>(), Is.EqualTo(examId));
            Assert.That(history, Has.Count.EqualTo(2));
            Assert.That(history[1]!["from"]!.GetValue<string>(), Is.EqualTo("green"));
            Assert.That(history[1]!["to"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(history[1]!["examId"]!.GetValue<string>(), Is.EqualTo(examId));
            Assert.That(history[1]!["cause"]!.GetValue<string>(), Is.EqualTo("exam"));
            Assert.That(history[1]!["changedBy"]!.GetValue<string>(), Is.EqualTo("李医生"));
            Assert.That(history[1]!["catalogueVersion"]!.GetValue<string>(), Does.StartWith("cn-nhfpc-2017@"));
        });
    }

    [Test]
    public async Task LaterNormalHb_BringsTheColourDownAndSameColourWritesNoHistory()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var today = Clock.Today;
        await Api.ExamAsync(id, Bookings.AnExam(today.AddDays(-14), new JsonObject { ["hemoglobin"] = 55 }));
        await Api.ExamAsync(id, Bookings.AnExam(today.AddDays(-7), new JsonObject { ["hemoglobin"] = 58 }));
        var down = await Api.ExamAsync(id, Bookings.AnExam(today, new JsonObject { ["hemoglobin"] = 118 }));

        Assert.That(down!["grade"]!.GetValue<string>(), Is.EqualTo("green"));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var transitions = record!["gradeHistory"]!.AsArray().Select(h => $"{h!["from"]?.GetValue<string>() ?? "-"}>{h["to"]!.GetValue<string>()}");
        Assert.That(transitions, Is.EqualTo(new[] { "->green", "green>orange", "orange>green" }));
    }

    [Test]
    public async Task PulmonaryHypertension55_TurnsRed()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 26));
        var recorded = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(recorded!["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        Assert.That(recorded["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()), Does.Contain("r_ph"));
    }

    [Test]
    public async Task TripletsCodedAtBooking_ThenCardiopulmonaryDecline_TurnsRedWithBothAsEvidence()
    {
        var booked = await Api.PostAsync("/api/pregnancies", Bookings.AWoman(weeks: 24).With("findings", new JsonArray("o_triplets")), HttpStatusCode.Created);
        Assert.That(booked!["grade"]!.GetValue<string>(), Is.EqualTo("orange"));

        var id = booked["id"]!.GetValue<Guid>();
        var (status, exam, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam().With("findings", new JsonArray("q_cardiopulmonary_decline")));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), exam?.ToJsonString());
        var combined = exam!["factors"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "r_triplets_cardiopulm")!;
        Assert.Multiple(() =>
        {
            Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(combined["evidence"]!.AsArray().Select(e => e!["finding"]!.GetValue<string>()), Is.EqualTo(new[] { "o_triplets", "q_cardiopulmonary_decline" }));
        });
    }

    [Test]
    public async Task InfectiousFindingAtBooking_IsPurpleBesideGreenUntilResolved()
    {
        var booking = Bookings.AWoman().With("findings", new JsonArray("p_infectious"));
        var booked = await Api.PostAsync("/api/pregnancies", booking, HttpStatusCode.Created);
        Assert.That(booked!["grade"]!.GetValue<string>(), Is.EqualTo("green"));
        Assert.That(booked["purple"]!.GetValue<bool>(), Is.True);

        var id = booked["id"]!.GetValue<Guid>();
        var resolve = Bookings.AnExam().With("resolved", new JsonArray(new JsonObject { ["id"] = "p_infectious", ["reason"] = "复查阴性" }));
        var (status, after, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", resolve);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), after?.ToJsonString());
        Assert.That(after!["purple"]!.GetValue<bool>(), Is.False);
        Assert.That(after["previousPurple"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ManualRaise_HoldsTheColourUntilResolvedOnALaterExam()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var today = Clock.Today;
        var (raised, raise, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise",
            new { colour = "red", reason = "胎动减少，需三级医院评估", raisedBy = "产科主任", date = today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.That(raised, Is.EqualTo(HttpStatusCode.OK), raise?.ToJsonString());
        Assert.That(raise!["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        var raiseId = raise["raiseId"]!.GetValue<string>();

        var normal = await Api.ExamAsync(id, Bookings.AnExam(today));
        Assert.That(normal!["grade"]!.GetValue<string>(), Is.EqualTo("red"), "a normal exam does not lower a raised colour");

        var resolve = Bookings.AnExam(today).With("resolved", new JsonArray(new JsonObject { ["id"] = raiseId, ["reason"] = "三级医院评估后无异常" }));
        var lowered = await Api.ExamAsync(id, resolve);
        Assert.That(lowered!["grade"]!.GetValue<string>(), Is.EqualTo("green"));
    }

    [TestCase("green")]
    [TestCase("lilac")]
    public async Task RaiseToGreenOrUnknownColour_Is400(string colour)
    {
        var id = await Api.BookAsync(Bookings.AWoman());
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise", new { colour, reason = "x", raisedBy = "y" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Does.Contain("colour"));
    }

    [Test]
    public async Task Catalogue_ListsEveryFactorWithItsStatus()
    {
        var (status, catalogue) = await Api.GetAsync("/api/risk/catalogue");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var factors = catalogue!["factors"]!.AsArray();
        var ph = factors.Single(f => f!["id"]!.GetValue<string>() == "r_ph")!;
        Assert.Multiple(() =>
        {
            Assert.That(catalogue["id"]!.GetValue<string>(), Is.EqualTo("cn-nhfpc-2017"));
            Assert.That(factors, Has.Count.GreaterThan(100));
            Assert.That(ph["colour"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(ph["status"]!.GetValue<string>(), Is.EqualTo("C"));
        });
    }
}
