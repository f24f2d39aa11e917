using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>Colour is never the only signal; every control has a label; the keyboard reaches everything and shows where it is.</summary>
public sealed class AccessibilityTests : BrowserTest
{
    private static readonly string[] BadgeTexts = ["绿色 低风险", "黄色 一般风险", "橙色 较高风险", "红色 高风险", "紫色 传染病"];

    [Test]
    public async Task SignIn_WorksWithTheKeyboardAloneAndFocusIsVisible()
    {
        var page = await OpenAsync(Screen.Desktop);
        await page.GotoAsync("/signin", Loaded);

        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"), Is.EqualTo("跳到正文"));
        Assert.That(await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"), Is.Not.EqualTo("none"), "the focused link shows a focus ring");

        await TabToAsync(page, "userName");
        await page.Keyboard.TypeAsync("t-worker");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.name"), Is.EqualTo("password"));
        await page.Keyboard.TypeAsync(TestUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首页", Level = 1 })).ToBeVisibleAsync();
    }

    [TestCase("/")]
    [TestCase("/pregnancies")]
    [TestCase("/pregnancies/book")]
    [TestCase("/overdue")]
    [TestCase("/alerts")]
    [TestCase("/cases")]
    [TestCase("/consultations")]
    public async Task EveryControlHasALabelAndEveryBadgeItsWords(string path)
    {
        var page = await SignInAsync(Screen.Phone, "t-worker");
        await page.GotoAsync(path, Loaded);
        await AssertLabelledAsync(page);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
    }

    [Test]
    public async Task CaseAndExamForm_EveryControlHasALabelAndEveryBadgeItsWords()
    {
        var id = await Api.BookAsync(Bookings.AWoman().With("findings", new System.Text.Json.Nodes.JsonArray("p_infectious")));
        var page = await SignInAsync(Screen.Phone, "t-worker");
        await page.GotoAsync($"/pregnancies/{id}", Loaded);
        await AssertLabelledAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "记录产检" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "记录产检", Level = 1 })).ToBeVisibleAsync();
        await AssertLabelledAsync(page);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
    }

    [Test]
    public async Task CaseBoardAndCasePageWithItsForms_EveryControlHasALabelAndEveryBadgeItsWords()
    {
        // Red and purple: the plan form has its continuation and PMTCT blocks.
        var id = await Api.BookAsync(Bookings.AWoman(30).With("findings", new System.Text.Json.Nodes.JsonArray("p_infectious")));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new System.Text.Json.Nodes.JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        var (_, pregnancy) = await Api.GetAsync($"/api/pregnancies/{id}");
        var page = await SignInAsync(Screen.Phone, "t-county");
        await page.GotoAsync("/cases", Loaded);
        await AssertLabelledAsync(page);
        await page.GotoAsync($"/cases/{pregnancy!["caseId"]}", Loaded);
        await page.GetByText("新增管理计划").ClickAsync();
        await AssertLabelledAsync(page);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
    }

    [Test]
    public async Task ClosePageAndDeathReportPages_EveryControlHasALabelAndEveryBadgeItsWords()
    {
        var id = await Api.BookAsync(Bookings.AWoman(30));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new System.Text.Json.Nodes.JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        var page = await SignInAsync(Screen.Phone, "t-county");
        await page.GotoAsync($"/pregnancies/{id}/close", Loaded);
        await page.GetByLabel("分娩", new() { Exact = true }).CheckAsync();
        await AssertLabelledAsync(page);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "maternalDeath", date = Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            System.Net.HttpStatusCode.OK);
        var (_, due) = await Api.GetAsync("/api/death-reports?status=due", Clients["county"]);
        var report = due!.AsArray().Single(r => r!["pregnancyId"]!.GetValue<Guid>() == id)!["id"];
        foreach (var path in new[] { "/cases", "/death-reports", $"/death-reports/{report}" })
        {
            await page.GotoAsync(path, Loaded);
            await AssertLabelledAsync(page);
            await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        }

        await Assertions.Expect(page.Locator("#f-causes-3-icd10")).ToBeVisibleAsync();
    }

    private static async Task AssertLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.closest('label') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
                .map(el => el.name || el.id || el.outerHTML)
            """);
        Assert.That(unlabelled, Is.Empty, $"controls without a label on {page.Url}");

        var badges = await page.Locator(".badge-green, .badge-yellow, .badge-orange, .badge-red, .badge-purple").AllInnerTextsAsync();
        Assert.That(badges.Select(b => b.Trim()), Is.All.AnyOf(BadgeTexts), $"colour badges without their words on {page.Url}");
    }

    private static async Task TabToAsync(IPage page, string name)
    {
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement.name") == name)
            {
                return;
            }
        }

        Assert.Fail($"the keyboard never reached '{name}'");
    }
}
