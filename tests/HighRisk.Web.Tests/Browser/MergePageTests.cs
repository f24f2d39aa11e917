using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// The merge page (档案合并) on a phone: an administrator goes from one record to the page, pastes the other record's
/// address, compares the two side by side, merges them (her record is red after it), and undoes the merge from the list.
/// </summary>
public sealed class MergePageTests : BrowserTest
{
    [Test]
    public async Task AnAdministrator_ComparesMergesAndUndoes_AtPhoneWidth()
    {
        var keep = await Api.BookAsync(Bookings.AWoman(18).With("fullName", "合并甲"));
        var other = await Api.BookAsync(Bookings.AWoman(18).With("fullName", "合并甲"));
        await Api.ExamAsync(other, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));

        var page = await SignInAsync(Screen.Phone, "admin", AdminPassword);
        await page.GotoAsync($"/pregnancies/{keep}", Loaded);
        await page.GetByRole(AriaRole.Link, new() { Name = "合并重复档案" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("保留的档案")).ToHaveValueAsync(keep.ToString());
        await page.GetByLabel("并入的档案（将被关闭）").FillAsync($"http://localhost/pregnancies/{other}");
        await page.GetByRole(AriaRole.Button, new() { Name = "核对两份档案" }).ClickAsync();
        var compared = page.Locator("table.merge-compare");
        await Assertions.Expect(compared).ToContainTextAsync("合并甲");
        await Assertions.Expect(compared.Locator(".badge-red")).ToHaveCountAsync(1);
        await ShotAsync(page, "merge-compare");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        await page.GetByRole(AriaRole.Button, new() { Name = "确认合并" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已合并");
        Assert.That(PregnancyIdOf(page), Is.EqualTo(keep), "back on the kept record");
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{keep}", Admin);
        Assert.That((record!["grade"]!.GetValue<string>(), record["exams"]!.AsArray().Count), Is.EqualTo(("red", 1)));

        await page.GotoAsync($"/pregnancies/{other}", Loaded);
        await Assertions.Expect(page.GetByText("已并入另一份档案")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/merges", Loaded);
        var row = page.Locator("table.merges tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("产检1次");
        await ShotAsync(page, "merge-list");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await row.GetByRole(AriaRole.Button, new() { Name = "撤销合并" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已撤销合并");
        (_, record) = await Api.GetAsync($"/api/pregnancies/{other}", Admin);
        Assert.That((record!["status"]!.GetValue<string>(), record["exams"]!.AsArray().Count), Is.EqualTo(("open", 1)));
        await Assertions.Expect(page.Locator("table.merges tbody tr").First).ToContainTextAsync("撤销");
    }

    [Test]
    public async Task TheMergePage_IsForAdministratorsOnly()
    {
        var page = await SignInAsync(Screen.Desktop, "t-county");
        var response = await page.GotoAsync("/admin/merges", Loaded);
        Assert.That(response!.Status, Is.EqualTo(403));
        await Assertions.Expect(page.GetByText("仅管理员可以合并档案")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "核对两份档案" })).ToHaveCountAsync(0);
    }
}
