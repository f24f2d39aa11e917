using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// An emergency referral (绿色通道) on a phone: a critical care centre's refusal shows the rule above the form and keeps
/// the reason typed; unanswered after two hours, it is marked late in the township's inbox, on the referral and on the
/// case board; the township cancels it with a reason, and the centre's stale page is told so. A fixture of its own, since
/// it moves the clock.
/// </summary>
public sealed class ReferralPageEmergencyTests : BrowserTest
{
    /// <summary>雨湖区妇幼保健计划生育服务中心, a critical care centre.</summary>
    private const string YuhuCentre = "430302-MCH";

    [Test]
    public async Task OnAPhone_ACentreCannotDeclineAnEmergency_ALateAnswerIsMarked_AndTheTownshipCancels()
    {
        const string name = "急诊丙";
        var pregnancy = await ReferralPageTests.OrangeWomanAsync(this, name);
        var referred = await Api.PostAsync(
            $"/api/pregnancies/{pregnancy}/referrals", new { toFacilityCode = YuhuCentre, urgency = "emergency", reason = "胸闷气促，需急诊评估" },
            System.Net.HttpStatusCode.Created, Clients["township"]);
        var referralId = referred!["referralId"]!.GetValue<Guid>();
        var (centre, _) = await NewUserAsync("healthWorker", null, YuhuCentre);

        var page = await SignInAsync(Screen.Phone, centre);
        await page.GotoAsync("/referrals", Loaded);
        var row = page.Locator("table.referrals tbody tr", new() { HasText = name });
        await Assertions.Expect(row.Locator(".urgency-emergency")).ToHaveTextAsync("急诊（绿色通道）");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByLabel("拒收原因").FillAsync("床位已满");
        await page.GetByRole(AriaRole.Button, new() { Name = "拒收", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveTextAsync("危重孕产妇救治中心不得拒收急诊（绿色通道）转诊。");
        await Assertions.Expect(page.GetByLabel("拒收原因")).ToHaveValueAsync("床位已满");
        await Assertions.Expect(page.Locator(".case-head")).ToContainTextAsync("待接收");
        await ShotAsync(page, "decline-refused");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        // Two hours on, unanswered: late in the inbox, on the referral and on the case board.
        await AdvanceAsync(TimeSpan.FromHours(3));
        await Api.RunJobAsync("referral-review");
        Assert.That(await EventuallyAsync("SELECT answer_late FROM referrals WHERE id = $1", referralId), Is.True);
        var county = await SignInAsync(Screen.Desktop, "t-county");
        await county.GotoAsync("/cases?area=430302101", Loaded);
        var onBoard = county.Locator("table.board tbody tr", new() { HasText = name });
        await Assertions.Expect(onBoard).ToContainTextAsync("待接收");
        await Assertions.Expect(onBoard.Locator(".urgency-emergency")).ToBeVisibleAsync();
        await Assertions.Expect(onBoard.Locator(".tag-warn", new() { HasText = "转诊逾期" })).ToBeVisibleAsync();

        var township = await SignInAsync(Screen.Phone, "t-township");
        await township.GotoAsync("/referrals", Loaded);
        await township.GetByLabel("状态").SelectOptionAsync("late");
        await township.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var late = township.Locator("table.referrals tbody tr", new() { HasText = name });
        await Assertions.Expect(late.Locator(".tag-warn")).ToHaveTextAsync("应答逾期");
        await ShotAsync(township, "inbox-late");
        await AssertNoSidewaysScrollAsync(township, Screen.Phone);

        // The township cancels: the reason is required, then the steps say who cancelled and why.
        await township.GotoAsync($"/referrals/{referralId}", Loaded);
        await Assertions.Expect(township.Locator(".case-head .tag-warn")).ToHaveTextAsync("应答逾期");
        await township.GetByRole(AriaRole.Button, new() { Name = "撤销转诊" }).ClickAsync();
        await Assertions.Expect(township.Locator("#f-cancel-reason-error")).ToHaveTextAsync("必填。");
        await township.GetByLabel("撤销原因").FillAsync("孕妇改去市妇幼保健院");
        await township.GetByRole(AriaRole.Button, new() { Name = "撤销转诊" }).ClickAsync();
        await Assertions.Expect(township.GetByRole(AriaRole.Status)).ToHaveTextAsync("转诊已撤销。");
        await Assertions.Expect(township.Locator(".case-head")).ToContainTextAsync("已撤销");
        await Assertions.Expect(township.Locator("ol.steps")).ToContainTextAsync("孕妇改去市妇幼保健院");
        await Assertions.Expect(township.GetByText("这条转诊当前没有您可以进行的操作。")).ToBeVisibleAsync();
        await ShotAsync(township, "cancelled");
        await AssertNoSidewaysScrollAsync(township, Screen.Phone);

        // The centre's page was left open: accepting now names the state the referral has moved on to.
        await page.GetByRole(AriaRole.Button, new() { Name = "接收转诊" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveTextAsync("该转诊当前为「已撤销」状态，不能进行此操作。");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "接收转诊" })).ToHaveCountAsync(0);
    }
}
