using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Booking the same woman twice (重复建册) in the browser: the booking form lists the possible duplicates the booking names
/// and books her once the user confirms she is someone else.
/// </summary>
public sealed class TransferPageDuplicateTests : BrowserTest
{
    [Test]
    public async Task BookingAWomanLikeOneBooked_ListsHer_AndBooksOnceConfirmedSomeoneElse()
    {
        var birthDate = Clock.Today.AddYears(-27).AddDays(-3);
        var sequence = Random.Shared.Next(1, 400) * 2;
        await Api.BookAsync(Bookings.AWoman(16).With("fullName", "重复乙").With("residentId", ResidentIds.Make(birthDate, sequence, "430381")));

        var page = await SignInAsync(Screen.Phone, "t-worker");
        await page.GotoAsync("/pregnancies/book", Loaded);
        await page.GetByLabel("姓名").FillAsync("重复乙");
        await page.GetByLabel("身份证号码").FillAsync(ResidentIds.Make(birthDate, sequence + 2, "430381"));
        await page.GetByLabel("手机号码").FillAsync("13912340000");
        await page.GetByLabel("详细地址").FillAsync("楠竹山三村");
        await page.GetByLabel("末次月经第一天").FillAsync(ReferralPageTests.Iso(Clock.Today.AddDays(-7 * 10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("可能重复建册");
        var candidate = page.Locator("ul.candidates li");
        await Assertions.Expect(candidate).ToHaveCountAsync(1);
        await Assertions.Expect(candidate).ToContainTextAsync(ReferralPageTests.Iso(birthDate));
        await Assertions.Expect(candidate).ToContainTextAsync("姓名、出生日期相同");
        await Assertions.Expect(candidate).Not.ToContainTextAsync("重复乙");   // masked
        await ShotAsync(page, "possible-duplicate");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        await page.GetByLabel("确认不是同一人").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("建册");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重复乙", Level = 1 })).ToBeVisibleAsync();
    }
}
