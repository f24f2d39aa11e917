using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>The register's list (filters, search, keyset paging) and the overdue list with its .xlsx download.</summary>
public sealed class ListAndOverdueTests : BrowserTest
{
    [Test]
    public async Task List_PagesByThirtyAndFindsAWomanByTheLastDigitsOfHerMobile()
    {
        const string township = "430321106";
        var (userName, api) = await NewUserAsync("subdistrictStaff", township);
        using var _ = api;
        for (var i = 0; i < 31; i++)
        {
            var booking = Bookings.AWoman(weeks: 10 + (i % 20))
                .With("fullName", $"分页{i:00}")
                .With("divisionCode", township)
                .With("facilityCode", $"{township}-THC")
                .With("mobile", i == 7 ? "13900004321" : "13800138000");
            var (status, body, _) = await Api.PostAsync("/api/pregnancies", booking, client: api);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        }

        var page = await SignInAsync(Screen.Desktop, userName);
        await page.GotoAsync("/pregnancies", Loaded);
        var names = page.Locator("table.cards tbody td.title a");
        await Assertions.Expect(names).ToHaveCountAsync(30);
        await Assertions.Expect(names.First).ToHaveTextAsync("分页30");
        await ShotAsync(page, "first-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(names).ToHaveCountAsync(1);
        await Assertions.Expect(names.First).ToHaveTextAsync("分页00");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下一页" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "回到第一页" }).ClickAsync();
        await Assertions.Expect(names).ToHaveCountAsync(30);

        await page.GetByLabel("搜索").FillAsync("4321");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Assertions.Expect(names).ToHaveCountAsync(1);
        await Assertions.Expect(names.First).ToHaveTextAsync("分页07");
        await Assertions.Expect(page.GetByLabel("搜索")).ToHaveValueAsync("4321");

        await page.GotoAsync("/pregnancies?grade=red", Loaded);
        await Assertions.Expect(page.GetByText("没有符合条件的孕产妇。")).ToBeVisibleAsync();
    }

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task OverdueList_DownloadsAsXlsxWithTheSessionCookie(Screen screen)
    {
        var page = await SignInAsync(screen, "t-township");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "逾期名单" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "逾期随访名单", Level = 1 })).ToBeVisibleAsync();
        await ShotAsync(page, "overdue");
        await AssertNoSidewaysScrollAsync(page, screen);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel 表格（.xlsx）" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Does.StartWith("overdue-430302101-").And.EndWith(".xlsx"));
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"overdue-{screen.Name}.xlsx");
        await download.SaveAsAsync(file);
        using var workbook = new XLWorkbook(file);
        var cells = workbook.Worksheets.First().CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(cells, Does.Contain("序号").And.Contain("风险等级"));
    }

    [Test]
    public async Task OverdueList_ForAFutureDate_SaysSoBesideTheDate()
    {
        var page = await SignInAsync(Screen.Phone, "t-township");
        var tomorrow = Clock.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync($"/overdue?date={tomorrow}", Loaded);
        await Assertions.Expect(page.Locator(".field", new() { Has = page.GetByLabel("日期") }).Locator(".error")).ToHaveTextAsync("没有未来日期的逾期名单。");
        await Assertions.Expect(page.GetByLabel("日期")).ToHaveValueAsync(tomorrow);
    }

    [Test]
    public async Task OverdueList_ForACounty_CountsEachTownshipListsTheNamesAndOpensOnesNames()
    {
        // A day of its own, past every other test's in the fixture: two women in two Yuhu townships, neither seen for 40 days.
        var day0 = Clock.Today.AddDays(100);
        await TravelToAsync(day0);
        var first = await Api.BookAsync(Bookings.AWoman(20).With("fullName", "县览甲").With("divisionCode", "430302007001"));
        var second = await Api.BookAsync(Bookings.AWoman(20).With("fullName", "县览乙").With("divisionCode", "430302008001"));
        var day = day0.AddDays(40);
        await new DailyJob(this).RunAsync(day);
        var date = DailyJob.D(day);

        var page = await SignInAsync(Screen.Phone, "t-county");
        await page.GotoAsync($"/overdue?date={date}", Loaded);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "各乡镇/街道逾期人数" })).ToBeVisibleAsync();
        await ShotAsync(page, "overdue-county");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await Assertions.Expect(page.Locator($"a[href='/pregnancies/{first}']")).ToHaveTextAsync("县*甲");
        await Assertions.Expect(page.Locator($"a[href='/pregnancies/{second}']")).ToHaveTextAsync("县*乙");
        var township = page.GetByRole(AriaRole.Link, new() { Name = "先锋街道", Exact = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "万楼街道", Exact = true })).ToBeVisibleAsync();

        await township.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("division=430302008"));
        await Assertions.Expect(page.Locator($"a[href='/pregnancies/{second}']")).ToHaveTextAsync("县*乙");
        await Assertions.Expect(page.Locator($"a[href='/pregnancies/{first}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "各乡镇/街道逾期人数" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "返回全部乡镇/街道" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "万楼街道", Exact = true })).ToBeVisibleAsync();
    }

    [Test]
    public async Task OverdueList_LongerThanAPage_PagesItsNamesAtPhoneWidth()
    {
        // A township of its own (广场街道) with one more overdue woman than a page holds.
        const string township = "430302004", village = "430302004001";
        var day0 = Clock.Today.AddDays(100);
        await TravelToAsync(day0);
        for (var i = 0; i < 101; i++)
        {
            var (booked, body, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman(20).With("fullName", $"广场{i:000}").With("divisionCode", village));
            Assert.That(booked, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        }

        var day = day0.AddDays(40);
        await new DailyJob(this).RunAsync(day);
        var date = DailyJob.D(day);

        var (userName, api) = await NewUserAsync("subdistrictStaff", township);
        using var _ = api;

        // Through the API a township's list asked for without limit or cursor is whole, as before paging; with a limit, paged.
        var (whole, wholeBody) = await Api.GetAsync($"/api/overdue?division={township}&date={date}", api);
        Assert.That(whole, Is.EqualTo(HttpStatusCode.OK), wholeBody?.ToJsonString());
        Assert.That(wholeBody!["entries"]!.AsArray(), Has.Count.EqualTo(101));
        Assert.That(wholeBody["nextCursor"], Is.Null);
        var (_, pagedBody) = await Api.GetAsync($"/api/overdue?division={township}&date={date}&limit=100", api);
        Assert.That(pagedBody!["entries"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That(pagedBody["nextCursor"], Is.Not.Null);

        var page = await SignInAsync(Screen.Phone, userName);
        await page.GotoAsync($"/overdue?date={date}", Loaded);
        var names = page.Locator("table.cards tbody td.title a");
        await Assertions.Expect(names).ToHaveCountAsync(100);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        var firstPage = await names.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(names).ToHaveCountAsync(1);
        Assert.That(firstPage, Is.Unique.And.Not.Contain(await names.First.GetAttributeAsync("href")), "the women are links to their records");
        await Assertions.Expect(page.Locator("table.cards tbody td[data-label='序号']")).ToHaveTextAsync("101");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下一页" })).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await page.GetByRole(AriaRole.Link, new() { Name = "回到第一页" }).ClickAsync();
        await Assertions.Expect(names).ToHaveCountAsync(100);
    }
}
