using System.Net;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.Security;

/// <summary>The OpenAPI document marks as required what the API refuses when it is missing, and nothing required only sometimes.</summary>
public class OpenApiRequiredTests : ServiceFixture
{
    private async Task<string[]> RequiredOfAsync(string schema)
    {
        var (status, document) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return document!["components"]!["schemas"]![schema]!["required"]?.AsArray().Select(n => n!.GetValue<string>()).Order().ToArray() ?? [];
    }

    [Test]
    public async Task RaisingAGrade_RequiresWhatItsEmptyBodyIsRefusedFor()
    {
        var id = await Api.BookAsync(Bookings.AWoman(20));
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/raise", new JsonObject());
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        var refused = problem!["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();

        Assert.That(refused, Is.EqualTo(new[] { "colour", "raisedBy", "reason" }));
        Assert.That(await RequiredOfAsync("RaiseGradeCommand"), Is.EqualTo(refused), "date is optional (today)");
    }

    [Test]
    public async Task Booking_RequiresHerIdentityAndPlace_ButNeitherLmpNorEddAlone()
    {
        var required = await RequiredOfAsync("BookPregnancyCommand");
        Assert.That(required, Is.SupersetOf(new[] { "address", "divisionCode", "facilityCode", "fullName", "healthWorker", "mobile", "residentId" }));
        Assert.That(required, Has.None.AnyOf("lmp", "edd", "bookingDate", "heightCm", "weightKg", "history", "findings", "smsConsent"));

        var (status, problem, _) = await Api.PostAsync("/api/pregnancies", new JsonObject());
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(required), "each required field is refused when missing");
    }
}
