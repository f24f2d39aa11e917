using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

/// <summary>
/// What one record-exam request sends to PostgreSQL, counted (not timed): the request as the benchmark sends it (an
/// Idempotency-Key, a pregnancy with an earlier exam, a signed-in health worker who has made requests before). A
/// statement that comes back — a per-request look-up, an extra save — fails here (docs/benchmarks.md, issue 21 item 1).
/// </summary>
public class RecordExamRoundTripTests : ServiceFixture
{
    /// <summary>
    /// The plans' setting (PlansInTransactions, sent with the BEGIN); the lock; her pregnancy with her exams; her reminder plan (NextDueChanged); one batch with the exam, the pregnancy,
    /// the audit row and the key; the stored response; the commit. Before issue 21's cuts: 12.
    /// </summary>
    [Test]
    public async Task AnExamThatKeepsTheColour_IsSevenRoundTrips()
    {
        var trips = await RecordAsync(new JsonObject { ["systolicBp"] = 118, ["diastolicBp"] = 76, ["hemoglobin"] = 121 }, "green");
        AssertRoundTrips(trips, 7);
    }

    /// <summary>
    /// A grade change adds what its event handlers read before they write (the alert's recipients and contacts, the
    /// township's name, her case and its manager: five look-ups); its rows ride in the same batch. Before: 17.
    /// </summary>
    [Test]
    public async Task AnExamThatTurnsRed_AddsOnlyTheGradeChangesLookUps()
    {
        var trips = await RecordAsync(new JsonObject { ["systolicBp"] = 120, ["diastolicBp"] = 78, ["platelets"] = 25 }, "red");
        AssertRoundTrips(trips, 12);
    }

    private async Task<DatabaseTrips> RecordAsync(JsonObject measurements, string grade)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        await Api.ExamAsync(id, Bookings.AnExam(Bookings.Today.AddDays(-1)));
        var path = $"/api/pregnancies/{id}/exams";
        var trips = DatabaseTrips.Watch(Services, path);
        try
        {
            var exam = Bookings.AnExam(measurements: measurements).With("nextAppointment", Bookings.Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var (status, body, _) = await Api.PostAsync(path, exam, Guid.NewGuid().ToString());
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
            Assert.That(body!["grade"]!.GetValue<string>(), Is.EqualTo(grade));
        }
        finally
        {
            trips.Dispose();
        }

        await TestContext.Out.WriteLineAsync(string.Join("\n---\n", trips.Entries));
        return trips;
    }

    private static void AssertRoundTrips(DatabaseTrips trips, int expected) =>
        Assert.That(trips.RoundTrips, Has.Count.EqualTo(expected), "round trips:\n" + string.Join("\n---\n", trips.RoundTrips));
}
