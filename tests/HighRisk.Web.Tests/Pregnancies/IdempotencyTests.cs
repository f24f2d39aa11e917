using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

public class IdempotencyTests : ServiceFixture
{
    [Test]
    public async Task RetriedBooking_ReplaysTheFirstResponseAndWritesOnce()
    {
        var booking = Bookings.AWoman();
        var key = Guid.NewGuid().ToString();
        var first = await Api.PostAsync("/api/pregnancies", booking, key);
        var retry = await Api.PostAsync("/api/pregnancies", booking, key);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Body!["id"]!.GetValue<Guid>(), Is.EqualTo(first.Body!["id"]!.GetValue<Guid>()));
            Assert.That(retry.Response.Headers.Location, Is.EqualTo(first.Response.Headers.Location));
        });
        Assert.That(await Api.CountPregnanciesAsync(booking["residentId"]!.GetValue<string>()), Is.EqualTo(1));
    }

    [Test]
    public async Task RetriedExamsInParallel_WriteOneExam()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var key = Guid.NewGuid().ToString();
        var exam = Bookings.AnExam();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.PostAsync($"/api/pregnancies/{id}/exams", exam, key)));

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(results.Select(r => r.Body!["examId"]!.GetValue<Guid>()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id), Is.EqualTo(1));
    }

    [Test]
    public async Task SameKeyWithAnotherBody_Is422AndWritesNothing()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        var key = Guid.NewGuid().ToString();
        var (first, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(), key);
        var other = Bookings.AnExam(measurements: new System.Text.Json.Nodes.JsonObject { ["hemoglobin"] = 95 });
        var (second, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", other, key);

        Assert.That(first, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem?.ToJsonString());
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id), Is.EqualTo(1));
    }

    [Test]
    public async Task RefusedRequest_DoesNotBurnTheKey()
    {
        var key = Guid.NewGuid().ToString();
        var (refused, _, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("mobile", "123"), key);
        Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE key LIKE '%:' || $1", key), Is.Zero);
    }
}
