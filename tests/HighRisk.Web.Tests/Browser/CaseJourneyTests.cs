using System.Globalization;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// A health worker's day in the browser, on a desktop and on a phone: sign in, book a woman, record an exam with
/// Hb 55 g/L (orange, with the value as evidence), record one with pulmonary artery pressure 55 mmHg (red), find
/// the red alert in the inbox and acknowledge it.
/// </summary>
public sealed class CaseJourneyTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task BookExamToOrangeThenRed_AlertIsAcknowledgedInTheInbox(Screen screen)
    {
        var page = await SignInAsync(screen, "t-worker");
        await ShotAsync(page, "home");
        await AssertNoSidewaysScrollAsync(page, screen);

        // 建册
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "建册" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "孕产妇建册" })).ToBeVisibleAsync();
        var today = Clock.Today;
        var name = $"浏览器{screen.Name}";
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("身份证号码").FillAsync(ResidentIds.Unique(today.AddYears(-27)));
        await page.GetByLabel("手机号码").FillAsync("13812345678");
        await Assertions.Expect(page.GetByLabel("乡镇/街道")).ToHaveValueAsync(Bookings.Township);
        await page.GetByLabel("村/社区").SelectOptionAsync(Bookings.Village);
        await page.GetByLabel("详细地址").FillAsync("楠竹山一村7组");
        await page.GetByLabel("末次月经第一天").FillAsync(Iso(today.AddDays(-7 * 20)));
        await ShotAsync(page, "booking");
        await AssertNoSidewaysScrollAsync(page, screen);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("建册成功。");
        var id = PregnancyIdOf(page);
        await Assertions.Expect(Grade(page)).ToHaveTextAsync("绿色 低风险");

        // 产检 with Hb 55 g/L: the preview turns orange before anything is saved
        await page.GetByRole(AriaRole.Link, new() { Name = "记录产检" }).ClickAsync();
        await page.GetByLabel("检查医生").FillAsync("李医生");
        await page.GetByLabel("血红蛋白").FillAsync("55");
        var preview = page.Locator("#preview");
        await Assertions.Expect(preview.Locator("[data-grade]")).ToHaveTextAsync("橙色 较高风险");
        await Assertions.Expect(preview).ToContainTextAsync("重度贫血");
        await ShotAsync(page, "exam-preview");
        await AssertNoSidewaysScrollAsync(page, screen);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("产检已保存。");
        await Assertions.Expect(Grade(page)).ToHaveTextAsync("橙色 较高风险");
        var anaemia = page.Locator(".factors > li", new() { HasText = "重度贫血" });
        await Assertions.Expect(anaemia.Locator(".badge")).ToHaveTextAsync("橙色 较高风险");
        await Assertions.Expect(anaemia.Locator(".evidence")).ToContainTextAsync($"血红蛋白 55 g/L（{Iso(today)} 产检，李医生）");
        await ShotAsync(page, "case-orange");
        await AssertNoSidewaysScrollAsync(page, screen);

        // 产检 with pulmonary artery pressure 55 mmHg (under "more measurements"): red, and an alert
        await page.GetByRole(AriaRole.Link, new() { Name = "记录产检" }).ClickAsync();
        await page.GetByLabel("检查医生").FillAsync("李医生");
        await page.GetByText("更多指标").ClickAsync();
        await page.GetByLabel("肺动脉收缩压（超声估测）").FillAsync("55");
        await Assertions.Expect(preview.Locator("[data-grade]")).ToHaveTextAsync("红色 高风险");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();

        await Assertions.Expect(Grade(page)).ToHaveTextAsync("红色 高风险");
        await Assertions.Expect(page.Locator(".factors > li", new() { HasText = "肺动脉高压" }).Locator(".evidence"))
            .ToContainTextAsync("肺动脉收缩压（超声估测） 55 mmHg");
        await Assertions.Expect(page.Locator(".timeline > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".alert-card")).ToContainTextAsync("待处理");
        await ShotAsync(page, "case-red");

        // 预警: the inbox holds the alert; acknowledging it records the action taken
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "预警" }).ClickAsync();
        var alert = page.Locator($"article:has(a[href='/pregnancies/{id}'])");
        await Assertions.Expect(alert).ToHaveCountAsync(1);
        await Assertions.Expect(alert.Locator(".badge")).ToHaveTextAsync("红色 高风险");
        await ShotAsync(page, "inbox");
        await AssertNoSidewaysScrollAsync(page, screen);
        await alert.GetByLabel("采取的措施").FillAsync("已电话联系本人，明日转诊市妇幼保健院。");
        await alert.GetByRole(AriaRole.Button, new() { Name = "确认已处理" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预警已确认。");
        await Assertions.Expect(page.Locator($"article:has(a[href='/pregnancies/{id}'])")).ToHaveCountAsync(0);
        Assert.That(
            await ScalarAsync<string>("SELECT status || '|' || action_taken || '|' || acknowledged_by FROM alerts WHERE pregnancy_id = $1", id),
            Is.EqualTo("Acknowledged|已电话联系本人，明日转诊市妇幼保健院。|t-worker"));

        await page.GotoAsync($"/pregnancies/{id}", Loaded);
        await Assertions.Expect(page.Locator(".alert-card")).ToContainTextAsync("已电话联系本人，明日转诊市妇幼保健院。");
        await ShotAsync(page, "case-acknowledged");
    }

    private static ILocator Grade(IPage page) => page.Locator(".case-head .grade");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
