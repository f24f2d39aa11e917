using System.Text.Json.Nodes;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Women who move (流动孕产妇) in the browser, at desktop width and on a 360 px phone: Yuhu's 楠竹山镇 transfers a red,
/// overdue woman to Changsha's 文艺路街道 on the form of her record; her record, the register and the overdue list say the
/// transfer waits; the sub-district finds it from its home page and accepts it on its inbox row; her record is then
/// Changsha's and gone from Yuhu. A third township (岳塘街道) books her resident ID, is offered 申请转入本地 and asks for
/// her, seeing nothing of her; Changsha sees the request without what the third township typed, and declines it with a
/// reason, which the third township reads.
/// </summary>
public sealed class TransferPageTests : BrowserTest
{
    private const string Changsha = "430102001";   // 长沙市芙蓉区文艺路街道

    private static readonly JsonObject RedExam = new() { ["pulmonaryArteryPressure"] = 55 };

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task YuhuTransfersHer_ChangshaAccepts_AThirdTownshipAsksForHerAndIsDeclined(Screen screen)
    {
        var name = screen.Mobile ? "转移乙" : "转移甲";
        var job = new DailyJob(this);
        var day0 = await job.FreshStartAsync();
        var booking = Bookings.AWoman(28).With("fullName", name);
        var residentId = booking["residentId"]!.GetValue<string>();
        var id = await Api.BookAsync(booking);
        await Api.ExamAsync(id, Bookings.AnExam(measurements: RedExam.DeepClone().AsObject()));
        await job.RunAsync(day0.AddDays(2));   // red and unreached for two days: on Yuhu's overdue list
        var (changshaUser, _) = await NewUserAsync("subdistrictStaff", Changsha);

        // Yuhu transfers her from her record: the empty form is refused beside its fields, then she goes to Changsha.
        var yuhu = await SignInAsync(screen, "t-township");
        await yuhu.GotoAsync($"/pregnancies/{id}", Loaded);
        await yuhu.GetByRole(AriaRole.Link, new() { Name = "转出", Exact = true }).ClickAsync();
        await Assertions.Expect(yuhu.GetByRole(AriaRole.Heading, new() { Name = "转出到其他地区", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(yuhu.GetByLabel("市（州）")).ToHaveValueAsync("4303");
        await yuhu.GetByRole(AriaRole.Button, new() { Name = "发起转出" }).ClickAsync();
        await Assertions.Expect(yuhu.Locator("#f-township-error")).ToContainTextAsync("必填。");
        await Assertions.Expect(yuhu.Locator("#f-reason-error")).ToHaveTextAsync("必填。");
        await yuhu.GetByLabel("市（州）").SelectOptionAsync("4301");
        await yuhu.GetByLabel("县（市、区）").SelectOptionAsync("430102");
        await yuhu.GetByLabel("乡镇/街道").SelectOptionAsync(Changsha);
        await Assertions.Expect(yuhu.GetByLabel("村/社区")).ToHaveValueAsync("");
        await yuhu.GetByLabel("原因").FillAsync("回娘家待产");
        await ShotAsync(yuhu, "transfer-form");
        await AssertNoSidewaysScrollAsync(yuhu, screen);
        await yuhu.GetByRole(AriaRole.Button, new() { Name = "发起转出" }).ClickAsync();
        await Assertions.Expect(yuhu.GetByRole(AriaRole.Status)).ToHaveTextAsync("已发起转出，等待对方接收。");
        await Assertions.Expect(yuhu.Locator(".case-head")).ToContainTextAsync("转出待接收");
        await Assertions.Expect(yuhu.GetByText("已转出至文艺路街道，等待对方接收")).ToBeVisibleAsync();
        await Assertions.Expect(yuhu.GetByRole(AriaRole.Link, new() { Name = "转出", Exact = true })).ToHaveCountAsync(0);
        await ShotAsync(yuhu, "record-pending");
        await AssertNoSidewaysScrollAsync(yuhu, screen);

        // The register and the overdue list say so on her row.
        await yuhu.GotoAsync($"/pregnancies?q={residentId}", Loaded);
        await Assertions.Expect(RowOf(yuhu, id)).ToContainTextAsync("转出待接收");
        await yuhu.GotoAsync("/overdue", Loaded);
        await Assertions.Expect(RowOf(yuhu, id)).ToContainTextAsync("转出待接收");
        await ShotAsync(yuhu, "overdue-pending");
        await AssertNoSidewaysScrollAsync(yuhu, screen);
        await yuhu.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "转移" }).ClickAsync();
        await yuhu.GetByRole(AriaRole.Link, new() { Name = "转出", Exact = true }).ClickAsync();
        var sent = yuhu.Locator("table.transfers tbody tr", new() { HasText = name });
        await Assertions.Expect(sent).ToContainTextAsync("待处理");
        await Assertions.Expect(sent.Locator("details")).ToHaveCountAsync(0);

        // Changsha finds her from its home page and accepts her on her row, naming who follows her up.
        var changsha = await SignInAsync(screen, changshaUser);
        var toAccept = changsha.Locator("a.tile[href='/transfers?direction=incoming&status=requested']");
        await Assertions.Expect(toAccept.Locator(".count")).ToHaveTextAsync("1");
        await ShotAsync(changsha, "home");
        await toAccept.ClickAsync();
        var incoming = changsha.Locator("table.transfers tbody tr", new() { HasText = name });
        await Assertions.Expect(incoming).ToContainTextAsync("楠竹山镇");
        await Assertions.Expect(incoming).ToContainTextAsync("文艺路街道");
        await Assertions.Expect(incoming).ToContainTextAsync("回娘家待产");
        await incoming.GetByText("接收转入", new() { Exact = true }).ClickAsync();
        await incoming.GetByLabel("负责随访的机构").SelectOptionAsync("430102001-CHC");
        await incoming.GetByLabel("责任医生").FillAsync("赵医生");
        await incoming.GetByLabel("新住址").FillAsync("文艺路 12 号");
        await ShotAsync(changsha, "inbox-accept");
        await AssertNoSidewaysScrollAsync(changsha, screen);
        await incoming.GetByRole(AriaRole.Button, new() { Name = "确认接收" }).ClickAsync();
        await Assertions.Expect(changsha.GetByRole(AriaRole.Status)).ToHaveTextAsync("已接收，她的档案已转到本地。");
        await Assertions.Expect(changsha.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(changsha.Locator(".facts")).ToContainTextAsync("文艺路 12 号");
        await Assertions.Expect(changsha.Locator(".facts")).ToContainTextAsync("赵医生");
        await Assertions.Expect(changsha.Locator(".case-head")).Not.ToContainTextAsync("转出待接收");
        await Assertions.Expect(changsha.GetByText("李医生 · 楠竹山镇卫生院")).ToBeVisibleAsync();   // her Xiangtan exam, its place named
        await ShotAsync(changsha, "record-accepted");

        // Yuhu no longer opens her record; its outgoing inbox says she was accepted.
        await yuhu.GotoAsync($"/pregnancies/{id}", Loaded);
        await Assertions.Expect(yuhu.GetByRole(AriaRole.Heading, new() { Name = "没有找到这条记录，或它不在您的管理范围内。" })).ToBeVisibleAsync();
        await yuhu.GotoAsync("/transfers?direction=outgoing&status=accepted", Loaded);
        await Assertions.Expect(sent).ToContainTextAsync("已接收");
        await Assertions.Expect(sent.Locator("a[href^='/pregnancies/']")).ToHaveCountAsync(0);

        await AThirdTownshipAsksForHerAsync(screen, name, residentId, changsha);
    }

    private async Task AThirdTownshipAsksForHerAsync(Screen screen, string name, string residentId, IPage changsha)
    {
        // 岳塘街道 books her resident ID: refused, with nothing of her record, and offered to ask for her.
        var third = await SignInAsync(screen, "t-other-township");
        await third.GotoAsync("/pregnancies/book", Loaded);
        await third.GetByLabel("姓名").FillAsync("岳塘登记");
        await third.GetByLabel("身份证号码").FillAsync(residentId);
        await third.GetByLabel("手机号码").FillAsync("13700001111");
        await third.GetByLabel("详细地址").FillAsync("岳塘新居 8 栋");
        await third.GetByLabel("末次月经第一天").FillAsync(ReferralPageTests.Iso(Clock.Today.AddDays(-7 * 30)));
        await third.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();
        await Assertions.Expect(third.GetByRole(AriaRole.Alert)).ToHaveTextAsync("该孕妇已在其他地区建册且未结案，可申请转入本地管理。");
        var main = third.Locator("main");
        await Assertions.Expect(main).Not.ToContainTextAsync("文艺路");
        await Assertions.Expect(main).Not.ToContainTextAsync(name);
        await ShotAsync(third, "booking-409");
        await third.GetByLabel("详细地址").PressAsync("Enter");   // Enter saves the booking again (refused again), never asks for her
        await Assertions.Expect(third.GetByRole(AriaRole.Alert)).ToHaveTextAsync("该孕妇已在其他地区建册且未结案，可申请转入本地管理。");
        await Assertions.Expect(third.Locator("#f-transfer-reason-error")).ToHaveCountAsync(0);
        await third.GetByRole(AriaRole.Button, new() { Name = "申请转入本地" }).ClickAsync();
        await Assertions.Expect(third.Locator("#f-transfer-reason-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(third.GetByLabel("身份证号码")).ToHaveValueAsync(residentId);
        await third.GetByLabel("申请原因").FillAsync("已在本街道居住");
        await ShotAsync(third, "booking-transfer-requestable");
        await AssertNoSidewaysScrollAsync(third, screen);
        await third.GetByRole(AriaRole.Button, new() { Name = "申请转入本地" }).ClickAsync();
        await Assertions.Expect(third.GetByRole(AriaRole.Status)).ToHaveTextAsync("已申请，等待现管理地区处理。");
        await third.GetByRole(AriaRole.Link, new() { Name = "查看转移" }).ClickAsync();
        var masked = $"{residentId[..6]}********{residentId[^4..]}";
        var asked = third.Locator("table.transfers tbody tr", new() { HasText = masked });
        await Assertions.Expect(asked).ToContainTextAsync("申请转入");
        await Assertions.Expect(asked).ToContainTextAsync("对方同意前不显示姓名");
        await Assertions.Expect(asked).Not.ToContainTextAsync(name);
        await Assertions.Expect(asked.Locator("a")).ToHaveCountAsync(0);
        await ShotAsync(third, "inbox-asked");
        await AssertNoSidewaysScrollAsync(third, screen);

        // Changsha, which holds her now, finds the request on its home page: her name, the reason, and nothing the third township typed.
        await changsha.GotoAsync("/", Loaded);
        var requests = changsha.Locator("a.tile[href='/transfers?direction=outgoing&status=requested']");
        await Assertions.Expect(requests.Locator(".count")).ToHaveTextAsync("1");
        await requests.ClickAsync();
        var request = changsha.Locator("table.transfers tbody tr", new() { HasText = name });
        await Assertions.Expect(request).ToContainTextAsync("申请转入");
        await Assertions.Expect(request).ToContainTextAsync("岳塘街道");
        await Assertions.Expect(request).ToContainTextAsync("已在本街道居住");
        foreach (var typed in new[] { "岳塘登记", "13700001111", "岳塘新居" })
        {
            await Assertions.Expect(changsha.Locator("main")).Not.ToContainTextAsync(typed);
        }

        await request.GetByText("拒绝", new() { Exact = true }).ClickAsync();
        await request.GetByRole(AriaRole.Button, new() { Name = "确认拒绝" }).ClickAsync();
        await Assertions.Expect(request.Locator(".field .error")).ToHaveTextAsync("必填。");
        await request.GetByLabel("拒绝原因").FillAsync("她仍在本街道居住");
        await ShotAsync(changsha, "inbox-decline");
        await AssertNoSidewaysScrollAsync(changsha, screen);
        await request.GetByRole(AriaRole.Button, new() { Name = "确认拒绝" }).ClickAsync();
        await Assertions.Expect(changsha.GetByRole(AriaRole.Status)).ToHaveTextAsync("已拒绝。");
        await Assertions.Expect(request).ToHaveCountAsync(0);

        // The third township reads the answer, still without her name.
        await third.GotoAsync("/transfers?direction=incoming&status=declined", Loaded);
        await Assertions.Expect(asked).ToContainTextAsync("已拒绝");
        await Assertions.Expect(asked).ToContainTextAsync("拒绝原因：她仍在本街道居住");
        await Assertions.Expect(asked).Not.ToContainTextAsync(name);
        await ShotAsync(third, "inbox-declined");
        await AssertNoSidewaysScrollAsync(third, screen);
    }

    /// <summary>The row of a list that links to her record.</summary>
    private static ILocator RowOf(IPage page, Guid id) => page.Locator("tr", new() { Has = page.Locator($"a[href='/pregnancies/{id}']") });
}
