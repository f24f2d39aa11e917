using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Security;

public class PrivacyTests : ServiceFixture
{
    [Test]
    public async Task AfterAFullScenario_TheLogsHoldNoIdNumberAndNoMobileNumber()
    {
        const string mobile = "13712345678";
        var booking = Bookings.AWoman().With("mobile", "+86 137-1234-5678");
        var residentId = booking["residentId"]!.GetValue<string>();
        var id = await Api.BookAsync(booking);
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["hemoglobin"] = 55 }));
        await Api.GetAsync($"/api/pregnancies/{id}");
        await Api.GetAsync($"/api/pregnancies/{id}", Clients["county"]);
        var (found, page) = await Api.GetAsync($"/api/pregnancies?q={mobile}");
        Assert.That(found, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page!["items"]!.AsArray(), Has.Count.EqualTo(1), "a whole mobile number finds her by its keyed hash");
        var (byId, _) = await Api.GetAsync($"/api/pregnancies?q={residentId}");
        Assert.That(byId, Is.EqualTo(HttpStatusCode.OK));
        await Api.PostAsync("/api/pregnancies", booking, HttpStatusCode.Conflict);   // a duplicate
        await Api.PostAsync("/api/pregnancies", booking.With("mobile", "1371234567x"), HttpStatusCode.BadRequest);
        await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "movedAway", date = Clock.Today.ToString("yyyy-MM-dd") }, HttpStatusCode.OK);

        var logs = LogLines;
        Assert.That(logs, Is.Not.Empty, "the capture works");
        Assert.That(logs.Where(l => l.Contains(residentId, StringComparison.OrdinalIgnoreCase) || l.Contains(residentId[..17], StringComparison.Ordinal)), Is.Empty);
        Assert.That(logs.Where(l => l.Contains(mobile, StringComparison.Ordinal) || l.Contains("1371234567", StringComparison.Ordinal)), Is.Empty);
    }
}
