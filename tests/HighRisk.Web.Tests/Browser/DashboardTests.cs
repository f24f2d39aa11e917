using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// The home page of a township: counts by colour and purple that link to the filtered list, and the 12-week colour
/// mix drawn from the grade history by clinical date (a record entered afterwards counts from its booking and exam
/// dates). The counts are of everyone in the township, so each screen's test has a service and database of its own.
/// </summary>
public sealed class DashboardTests : BrowserTest
{
    public DashboardTests()
        : base(ServiceFor.EachTest)
    {
    }

    private static readonly Dictionary<string, string> Townships = new() { ["desktop"] = "430321104", ["phone"] = "430321105" };

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task Dashboard_CountsByColourAndChartsTheGradeHistory(Screen screen)
    {
        var township = Townships[screen.Name];
        var (userName, api) = await NewUserAsync("subdistrictStaff", township);
        using var _ = api;
        var today = Clock.Today;
        await BookAsync(api, township, "绿色甲");
        var orange = await BookAsync(api, township, "橙色乙");
        await ExamAsync(api, orange, today, hemoglobin: 55);
        await BookAsync(api, township, "紫色丙", findings: ["p_infectious"]);
        var late = await BookAsync(api, township, "补录丁", bookedOn: today.AddDays(-14));
        await ExamAsync(api, late, today.AddDays(-7), hemoglobin: 55);

        var page = await SignInAsync(screen, userName);
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync(page, "green"), Is.EqualTo("2"));
            Assert.That(await CountAsync(page, "yellow"), Is.EqualTo("0"));
            Assert.That(await CountAsync(page, "orange"), Is.EqualTo("2"));
            Assert.That(await CountAsync(page, "red"), Is.EqualTo("0"));
            Assert.That(await CountAsync(page, "purple"), Is.EqualTo("1"));
        });
        await Assertions.Expect(page.Locator("a.tile[href='/alerts'] .count")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("a.tile[href='/overdue']")).ToContainTextAsync("今日逾期未随访");

        // The chart: one bar per week, the last ending today; the table says the same in numbers.
        await Assertions.Expect(page.Locator("figure.chart svg[role=img]")).ToBeVisibleAsync();
        await page.GetByText("以表格查看").ClickAsync();
        var rows = page.Locator("details.table-alt tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(12);
        Assert.Multiple(async () =>
        {
            Assert.That(await CellsAsync(rows.Nth(11)), Is.EqualTo(new[] { Iso(today), "2", "0", "2", "0", "1", "4" }));
            Assert.That(await CellsAsync(rows.Nth(10)), Is.EqualTo(new[] { Iso(today.AddDays(-7)), "0", "0", "1", "0", "0", "1" }));
            Assert.That(await CellsAsync(rows.Nth(9)), Is.EqualTo(new[] { Iso(today.AddDays(-14)), "1", "0", "0", "0", "0", "1" }));
            Assert.That(await CellsAsync(rows.Nth(8)), Is.EqualTo(new[] { Iso(today.AddDays(-21)), "0", "0", "0", "0", "0", "0" }));
        });
        await Assertions.Expect(page.Locator("figure.chart rect")).ToHaveCountAsync(4);
        await ShotAsync(page, "dashboard");
        await AssertNoSidewaysScrollAsync(page, screen);

        // A count is a link to the list behind it.
        await page.Locator("a.tile-orange").ClickAsync();
        await Assertions.Expect(page.GetByLabel("风险分级")).ToHaveValueAsync("orange");
        var names = await page.Locator("table.cards tbody td.title a").AllInnerTextsAsync();
        Assert.That(names, Is.EquivalentTo(new[] { "橙色乙", "补录丁" }));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "首页" }).ClickAsync();
        await page.Locator("a.tile-purple").ClickAsync();
        Assert.That(await page.Locator("table.cards tbody td.title a").AllInnerTextsAsync(), Is.EqualTo(new[] { "紫色丙" }));
    }

    private static async Task<string> CountAsync(IPage page, string colour) =>
        (await page.Locator($"a.tile-{colour} .count").InnerTextAsync()).Trim();

    private static async Task<string[]> CellsAsync(ILocator row) =>
        (await row.Locator("th, td").AllInnerTextsAsync()).Select(c => c.Trim()).ToArray();

    private async Task<Guid> BookAsync(HttpClient api, string township, string name, string[]? findings = null, DateOnly? bookedOn = null)
    {
        var booking = Bookings.AWoman(weeks: 20)
            .With("fullName", name)
            .With("divisionCode", township)
            .With("facilityCode", $"{township}-THC")
            .With("findings", new JsonArray((findings ?? []).Select(f => (JsonNode)f).ToArray()));
        if (bookedOn is { } date)
        {
            booking = booking.With("bookingDate", Iso(date));
        }

        var (status, body, _) = await Api.PostAsync("/api/pregnancies", booking, client: api);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return body!["id"]!.GetValue<Guid>();
    }

    private async Task ExamAsync(HttpClient api, Guid id, DateOnly on, decimal hemoglobin)
    {
        var exam = Bookings.AnExam(on, new JsonObject { ["hemoglobin"] = hemoglobin });
        var (status, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams", exam, client: api);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
