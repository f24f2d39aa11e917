using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Risk;

public class CatalogueUpgradeTests : ServiceFixture
{
    [Test]
    public async Task PregnancyGradedWithAnOlderCatalogue_IsRegradedByTheHangfireJob()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["hemoglobin"] = 100 }));
        var untouched = await Api.BookAsync(Bookings.AWoman(weeks: 20));

        // As if this pregnancy had been graded red by an older catalogue version.
        await ScalarAsync<int>("UPDATE pregnancies SET grade = 'Red', catalogue_version = 'cn-nhfpc-2017@old' WHERE id = $1 RETURNING 1", id);
        var runsBefore = (await Api.GetAsync("/api/risk/catalogue/upgrades")).Body!.AsArray().Count;

        var (queued, _, _) = await Api.PostAsync("/api/admin/jobs/regrade", new JsonObject(), client: Admin);
        Assert.That(queued, Is.EqualTo(HttpStatusCode.Accepted));

        JsonArray runs = [];
        for (var i = 0; i < 100 && runs.Count <= runsBefore; i++)
        {
            await Task.Delay(200);
            runs = (await Api.GetAsync("/api/risk/catalogue/upgrades")).Body!.AsArray();
        }

        Assert.That(runs, Has.Count.EqualTo(runsBefore + 1), "the job ran through Hangfire");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var last = record!["gradeHistory"]!.AsArray()[^1]!;
        Assert.Multiple(() =>
        {
            Assert.That(runs[0]!["regraded"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(runs[0]!["changed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(record["grade"]!.GetValue<string>(), Is.EqualTo("yellow"));
            Assert.That(last["cause"]!.GetValue<string>(), Is.EqualTo("catalogueUpgrade"));
            Assert.That(last["from"]!.GetValue<string>(), Is.EqualTo("red"));
            Assert.That(last["to"]!.GetValue<string>(), Is.EqualTo("yellow"));
        });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM grade_changes WHERE pregnancy_id = $1", untouched), Is.EqualTo(1));
    }
}
