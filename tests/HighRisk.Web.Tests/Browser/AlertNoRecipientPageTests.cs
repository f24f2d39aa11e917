using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// The alerts page as an administrator sees it on a phone when a red alert reached nobody: the count and the township
/// without a contact above the inbox, the warning on the alert's card; acknowledging it from its card clears the count.
/// The fixture's database has no contacts at all, and the woman is booked by the township's staff account (no health
/// worker's mobile).
/// </summary>
[NonParallelizable]
public class AlertNoRecipientPageTests : BrowserTest
{
    [Test]
    public async Task AlertThatReachedNobody_IsShownToAdministrators_UntilAcknowledged()
    {
        var booker = Clients["township"];
        var id = await Api.BookAsync(Bookings.AWoman(30), booker);
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }), booker);

        var page = await SignInAsync(Screen.Phone, "admin", AdminPassword);
        await page.GotoAsync("/alerts", Loaded);
        var panel = page.Locator("#missing-contacts-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "缺少预警联系人" })).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("1 条预警无人接收");
        await Assertions.Expect(panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "楠竹山镇" })).ToContainTextAsync("无人");
        var card = page.Locator("article.alert-card").Filter(new() { HasText = "无人接收：本地及上级均未设置联系人" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await ShotAsync(page, "reached-nobody");

        await card.GetByLabel("采取的措施").FillAsync("已电话通知楠竹山镇卫生院，已补充联系人");
        await card.GetByRole(AriaRole.Button, new() { Name = "确认已处理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("预警已确认");
        await Assertions.Expect(page.Locator("#missing-contacts-panel")).Not.ToContainTextAsync("无人接收，尚未确认");
        await Assertions.Expect(page.Locator("#missing-contacts-panel")).ToContainTextAsync("楠竹山镇", new() { UseInnerText = true }); // no contact was added: still listed
    }
}
