using System.Net;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>The indicators page (/indicators): reached from the navigation by city staff, usable at 360 px, a chart per indicator, the .xlsx.</summary>
public sealed class IndicatorPageTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task CityStaff_OpenTheIndicators_ReadAChartPerIndicator_AndDownloadTheWorkbook(Screen screen)
    {
        var id = await Api.BookAsync(Bookings.AWoman(30));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        var caseId = (await Api.GetAsync($"/api/pregnancies/{id}")).Body!["caseId"]!.GetValue<Guid>();
        await Api.PostAsync($"/api/cases/{caseId}/acknowledge", null, HttpStatusCode.OK, Clients["city"]);

        var page = await SignInAsync(screen, "t-city");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "指标统计" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "专案管理指标", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("月份")).ToHaveValueAsync(Clock.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("figure.indicator svg")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("100.0%");
        await AssertNoSidewaysScrollAsync(page, screen);
        await ShotAsync(page, "indicators");

        await page.GetByLabel("地区").SelectOptionAsync("430302");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel 表格（.xlsx）" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo($"indicators-430302-{Clock.Today:yyyy-MM}.xlsx"));
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        Assert.That(workbook.Worksheet("专案管理指标").Cell(3, 1).GetString(), Is.EqualTo("雨湖区"));
    }
}
