using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

public class BookingTests : ServiceFixture
{
    [Test]
    public async Task BookThenExamThenRead_ReturnsTheWholeRecord()
    {
        var booking = Bookings.AWoman(weeks: 12);
        var (status, booked, response) = await Api.PostAsync("/api/pregnancies", booking);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), booked?.ToJsonString());
        var id = booked!["id"]!.GetValue<Guid>();
        var today = Clock.Today;
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/pregnancies/{id}"));
            Assert.That(booked["edd"]!.GetValue<string>(), Is.EqualTo(today.AddDays(-84 + 280).ToString("yyyy-MM-dd")));
            Assert.That(booked["gestationalAge"]!["weeks"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(booked["gestationalAge"]!["days"]!.GetValue<int>(), Is.Zero);
            Assert.That(booked["grade"]!.GetValue<string>(), Is.EqualTo("green"));
            Assert.That(booked["purple"]!.GetValue<bool>(), Is.False);
        });

        var exam = Bookings.AnExam(measurements: new JsonObject
        {
            ["systolicBp"] = 118, ["diastolicBp"] = 76, ["weightKg"] = 58.5, ["heightCm"] = 160, ["hemoglobin"] = 121, ["platelets"] = 210,
            ["fastingGlucose"] = 4.6, ["urineProtein"] = "-", ["fetalHeartRate"] = 150, ["fundalHeight"] = 12, ["fetusCount"] = 1,
        }).With("note", "一切正常").With("nextAppointment", today.AddDays(28).ToString("yyyy-MM-dd"));
        var (examStatus, recorded, examResponse) = await Api.PostAsync($"/api/pregnancies/{id}/exams", exam);
        Assert.That(examStatus, Is.EqualTo(HttpStatusCode.Created), recorded?.ToJsonString());
        Assert.That(recorded!["grade"]!.GetValue<string>(), Is.EqualTo("green"));
        Assert.That(recorded["previousGrade"]!.GetValue<string>(), Is.EqualTo("green"));

        var (readStatus, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(readStatus, Is.EqualTo(HttpStatusCode.OK));
        var exams = record!["exams"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(record["woman"]!["fullName"]!.GetValue<string>(), Is.EqualTo("测试孕妇"));
            Assert.That(record["woman"]!["residentId"]!.GetValue<string>(), Is.EqualTo(booking["residentId"]!.GetValue<string>()));
            Assert.That(record["divisionCode"]!.GetValue<string>(), Is.EqualTo(Bookings.Village));
            Assert.That(record["townshipCode"]!.GetValue<string>(), Is.EqualTo(Bookings.Township));
            Assert.That(record["status"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(exams, Has.Count.EqualTo(1));
            Assert.That(exams[0]!["id"]!.GetValue<Guid>(), Is.EqualTo(recorded["examId"]!.GetValue<Guid>()));
            Assert.That(exams[0]!["measurements"]!["hemoglobin"]!.GetValue<decimal>(), Is.EqualTo(121m));
            Assert.That(exams[0]!["measurements"]!["fastingGlucose"]!.GetValue<decimal>(), Is.EqualTo(4.6m));
            Assert.That(exams[0]!["measurements"]!["urineProtein"]!.GetValue<string>(), Is.EqualTo("-"));
            Assert.That(exams[0]!["note"]!.GetValue<string>(), Is.EqualTo("一切正常"));
            Assert.That(record["gradeHistory"]!.AsArray(), Has.Count.EqualTo(1), "booking writes the first grade-history row");
            Assert.That(record["gradeHistory"]![0]!["to"]!.GetValue<string>(), Is.EqualTo("green"));
        });

        var (examRead, examBody) = await Api.GetAsync(examResponse.Headers.Location!.ToString());
        Assert.That(examRead, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(examBody!["examDate"]!.GetValue<string>(), Is.EqualTo(today.ToString("yyyy-MM-dd")));
    }

    [Test]
    public async Task BookingWithEddOnly_DerivesTheLmp()
    {
        var edd = Clock.Today.AddDays(200);
        var body = Bookings.AWoman().Without("lmp").With("edd", edd.ToString("yyyy-MM-dd"));
        var (status, booked, _) = await Api.PostAsync("/api/pregnancies", body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), booked?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(booked!["lmp"]!.GetValue<string>(), Is.EqualTo(edd.AddDays(-280).ToString("yyyy-MM-dd")));
            Assert.That(booked["gestationalAge"]!["weeks"]!.GetValue<int>(), Is.EqualTo(11));
            Assert.That(booked["gestationalAge"]!["days"]!.GetValue<int>(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task SecondOpenBooking_Is409WithTheOpenOne()
    {
        var booking = Bookings.AWoman();
        var first = await Api.BookAsync(booking);

        var again = booking.With("residentId", booking["residentId"]!.GetValue<string>().ToLowerInvariant());
        var (status, problem, _) = await Api.PostAsync("/api/pregnancies", again);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem!["openPregnancyId"]!.GetValue<Guid>(), Is.EqualTo(first));

        var (closed, _, _) = await Api.PostAsync($"/api/pregnancies/{first}/close", new { outcome = "miscarriage", date = Clock.Today.ToString("yyyy-MM-dd") });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK));
        var second = await Api.BookAsync(booking);
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(await Api.CountWomenAsync(booking["residentId"]!.GetValue<string>()), Is.EqualTo(1));
    }

    [Test]
    public async Task TwoSimultaneousBookingsOfOneWoman_OneWinsOneIs409()
    {
        var booking = Bookings.AWoman();
        var results = await Task.WhenAll(Api.PostAsync("/api/pregnancies", booking), Api.PostAsync("/api/pregnancies", booking));
        var statuses = results.Select(r => r.Status).Order().ToList();
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.That(await Api.CountPregnanciesAsync(booking["residentId"]!.GetValue<string>()), Is.EqualTo(1));
    }

    [Test]
    public async Task ClosedPregnancy_RefusesExamsWith409()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 10));
        var (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/close",
            new { outcome = "miscarriage", date = today.ToString("yyyy-MM-dd") });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var delivered = await Api.BookAsync(Bookings.AWoman(weeks: 38));
        (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{delivered}/close",
            new { outcome = "delivery", date = today.ToString("yyyy-MM-dd"), mode = "cesarean" });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var before = await ScalarAsync<long>("SELECT count(*) FROM exams");

        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam());
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), problem?.ToJsonString());
        (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{delivered}/exams", Bookings.AnExam(today.AddDays(-1)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), "an exam before the birth, once the birth is recorded: " + problem?.ToJsonString());
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM exams"), Is.EqualTo(before));

        var (again, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "movedAway", date = Clock.Today.ToString("yyyy-MM-dd") });
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task APaperBooking_OfAWomanDeliveredSince_IsMeasuredFromItsBookingDate()
    {
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = Clock.Today;
        var lmp = today.AddDays(-320);   // 45 weeks 5 days ago: delivered at 41 weeks, 33 days postpartum
        var (tooLong, problem, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("lmp", D(lmp)));
        Assert.That((tooLong, problem?["errors"]?["lmp"]?[0]?.GetValue<string>()), Is.EqualTo((HttpStatusCode.BadRequest, "The LMP is more than 45 weeks before the booking.")));
        var (tooLongBefore, _, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("lmp", D(lmp)).With("bookingDate", D(lmp.AddDays(316))));
        Assert.That(tooLongBefore, Is.EqualTo(HttpStatusCode.BadRequest), "45 weeks after the LMP is too late for the booking date too");

        var id = await Api.BookAsync(Bookings.AWoman().With("lmp", D(lmp)).With("bookingDate", D(lmp.AddDays(60))));
        var (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "delivery", date = D(lmp.AddDays(287)), mode = "vaginal" });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["inPostpartumEpisode"]!.GetValue<bool>(), Is.True, "33 days after the birth, inside the 42 days");
    }

    [Test]
    public async Task MovedAway_RecordsTheFacilityThatTookHerOn_WhichOnlyAMoveMayName()
    {
        var today = Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "miscarriage", date = today, receivingFacility = "广州市妇女儿童医疗中心" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem?.ToJsonString());
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "receivingFacility" }));

        var yesterday = Clock.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "movedAway", date = yesterday });
        Assert.That(Api.ErrorFields(problem), Is.EqualTo(new[] { "date" }), "booked today, she cannot have left yesterday");

        var (closed, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "movedAway", date = today, receivingFacility = " 广州市妇女儿童医疗中心 " });
        Assert.That(closed, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["receivingFacility"]!.GetValue<string>(), Is.EqualTo("广州市妇女儿童医疗中心"));
        Assert.That(record["schedule"]!["state"]!.GetValue<string>(), Is.EqualTo("none"), "followed by the receiving facility now");
    }

    [Test]
    public async Task UnknownPregnancy_Is404ProblemDetails()
    {
        var (status, problem) = await Api.GetAsync($"/api/pregnancies/{Guid.NewGuid()}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem!["status"]!.GetValue<int>(), Is.EqualTo(404));
        var (examStatus, _, _) = await Api.PostAsync($"/api/pregnancies/{Guid.NewGuid()}/exams", Bookings.AnExam());
        Assert.That(examStatus, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
