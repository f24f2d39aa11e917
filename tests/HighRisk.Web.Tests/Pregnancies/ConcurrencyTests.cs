using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Pregnancies;

public class ConcurrencyTests : ServiceFixture
{
    [Test]
    public async Task TwoExamsAtTheSameMoment_BothLandAndTheGradeSeesBoth()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 24));
        var today = Clock.Today;
        var anaemic = Bookings.AnExam(today, new JsonObject { ["hemoglobin"] = 100 });
        var twins = Bookings.AnExam(today, new JsonObject { ["fetusCount"] = 2 });

        var results = await Task.WhenAll(
            Api.PostAsync($"/api/pregnancies/{id}/exams", anaemic),
            Api.PostAsync($"/api/pregnancies/{id}/exams", twins));

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created), string.Join(" | ", results.Select(r => r.Body?.ToJsonString())));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var factorIds = record!["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(record["exams"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(factorIds, Is.SupersetOf(new[] { "y_anaemia", "y_twins" }), "the second exam graded with the first one's result");
            Assert.That(record["grade"]!.GetValue<string>(), Is.EqualTo("yellow"));
        });
    }
}
