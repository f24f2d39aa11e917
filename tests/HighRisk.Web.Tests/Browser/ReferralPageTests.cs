using System.Globalization;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Two-way referral (双向转诊) in the browser, at desktop width and on a 360 px phone: a township refers an orange woman on
/// the form of her record and prints the slip to go with her; the staff of a county critical care centre in another
/// district find her from their home page, accept, record her arrival and send the feedback down, each on the referral's
/// page; the slip then prints both halves; the township sees the feedback on its home page, in its inbox (new until
/// opened) and on her record.
/// </summary>
public sealed class ReferralPageTests : BrowserTest
{
    /// <summary>岳塘区妇幼保健计划生育服务中心: outside Yuhu, where the women live; the first test's receiving facility.</summary>
    private const string Centre = "430304-MCH";

    internal static readonly JsonObject OrangeExam = new() { ["pulmonaryArteryPressure"] = 40 };

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task TownshipRefersOnTheForm_TheCentreAnswersOnItsPages_AndTheFeedbackComesBack(Screen screen)
    {
        var name = screen.Mobile ? "转诊乙" : "转诊甲";
        var pregnancy = await OrangeWomanAsync(this, name);
        var (centre, _) = await NewUserAsync("healthWorker", null, Centre);
        var followUpOn = Iso(Clock.Today.AddDays(10));

        // The township refers her from her record; the form refuses what is missing beside each field.
        var township = await SignInAsync(screen, "t-township");
        await township.GotoAsync($"/pregnancies/{pregnancy}", Loaded);
        await township.GetByRole(AriaRole.Link, new() { Name = "发起转诊" }).ClickAsync();
        await township.GetByRole(AriaRole.Button, new() { Name = "发出转诊" }).ClickAsync();
        await Assertions.Expect(township.Locator("#f-toFacilityCode-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(township.Locator("#f-urgency-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(township.Locator("#f-reason-error")).ToHaveTextAsync("必填。");
        await township.GetByLabel("接收机构").SelectOptionAsync(Centre);
        await township.GetByLabel("紧急").CheckAsync();
        await township.GetByLabel("转诊原因").FillAsync("肺动脉高压，转上级评估");
        await township.GetByLabel("备注").FillAsync("已电话联系");
        await township.GetByLabel("回执时短信通知我").CheckAsync();
        await ShotAsync(township, "refer-form");
        await AssertNoSidewaysScrollAsync(township, screen);
        await township.GetByRole(AriaRole.Button, new() { Name = "发出转诊" }).ClickAsync();
        await Assertions.Expect(township.GetByRole(AriaRole.Status)).ToHaveTextAsync("转诊已发出。");
        await Assertions.Expect(township.GetByRole(AriaRole.Heading, new() { Name = $"{name}的转诊", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(township.Locator(".case-head")).ToContainTextAsync("待接收");
        var referral = township.Url;

        // The slip goes with her: its feedback half is left blank, to be filled in by hand if need be.
        await township.GetByRole(AriaRole.Link, new() { Name = "打印双向转诊单" }).ClickAsync();
        await Assertions.Expect(township.Locator("section[aria-labelledby=back-heading] dd.blank")).ToHaveCountAsync(7);
        await ShotAsync(township, "slip-blank");
        await township.GetByRole(AriaRole.Link, new() { Name = "← 返回转诊" }).ClickAsync();

        // Her township has only the outgoing inbox.
        await township.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "转诊" }).ClickAsync();
        await Assertions.Expect(township.GetByRole(AriaRole.Link, new() { Name = "转入" })).ToHaveCountAsync(0);
        await Assertions.Expect(township.GetByRole(AriaRole.Link, new() { Name = "转出" })).ToHaveAttributeAsync("aria-current", "page");
        var sent = township.Locator("table.referrals tbody tr", new() { HasText = name });
        await Assertions.Expect(sent).ToContainTextAsync("紧急");
        await Assertions.Expect(sent).ToContainTextAsync("待接收");
        await Assertions.Expect(sent).ToContainTextAsync("应答截止");

        // The centre finds her from its home page, and answers on the referral's page.
        var page = await SignInAsync(screen, centre);
        var incoming = page.Locator("a.tile[href='/referrals?direction=incoming&status=open']");
        await Assertions.Expect(incoming.Locator(".count")).ToHaveTextAsync("1");
        await ShotAsync(page, "home");
        await incoming.ClickAsync();
        var row = page.Locator("table.referrals tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("楠竹山镇");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("橙色 较高风险");
        await ShotAsync(page, "inbox-incoming");
        await AssertNoSidewaysScrollAsync(page, screen);
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=slip-heading]")).ToContainTextAsync("肺动脉");
        await Assertions.Expect(page.Locator("section[aria-labelledby=referral-heading]")).ToContainTextAsync("肺动脉高压，转上级评估");
        await ShotAsync(page, "referral-requested");
        await AssertNoSidewaysScrollAsync(page, screen);
        await page.GetByRole(AriaRole.Button, new() { Name = "接收转诊" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已接收转诊。");
        await Assertions.Expect(page.GetByLabel("到达日期")).ToHaveValueAsync(Iso(Clock.Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记到达" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已登记到达。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送回执" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-complete-findings-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(page.Locator("#f-complete-advice-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(page.Locator("#f-complete-followUpOn-error")).ToHaveTextAsync("必填。");
        await page.GetByLabel("检查所见").FillAsync("肺动脉压 40 mmHg，心功能 I 级");
        await page.GetByLabel("处理", new() { Exact = true }).FillAsync("无需住院");
        await page.GetByLabel("建议").FillAsync("每两周产检，避免劳累");
        await page.GetByLabel("下转随访日期").FillAsync(followUpOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送回执" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("回执已发送。");
        await Assertions.Expect(page.Locator(".case-head")).ToContainTextAsync("已完成");
        await Assertions.Expect(page.Locator("ol.steps > li strong")).ToHaveTextAsync(["发出转诊", "接收", "到达", "回执"]);
        await ShotAsync(page, "referral-completed");
        await AssertNoSidewaysScrollAsync(page, screen);

        // The slip: both halves, no navigation; then her record, open to the centre for 30 days.
        await page.GetByRole(AriaRole.Link, new() { Name = "打印双向转诊单" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转出（上转）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=out-heading]")).ToContainTextAsync("肺动脉高压，转上级评估");
        await Assertions.Expect(page.Locator("section[aria-labelledby=back-heading]")).ToContainTextAsync("每两周产检，避免劳累");
        await Assertions.Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await ShotAsync(page, "slip");
        await AssertNoSidewaysScrollAsync(page, screen);
        if (!screen.Mobile)
        {
            // As printed: an A4 page's width within its margins, without the links and the button.
            await page.SetViewportSizeAsync(710, 1000);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "← 返回转诊" })).ToBeHiddenAsync();
            await ShotAsync(page, "slip-print");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(screen.Width, screen.Height);
        }

        await page.GotoAsync(referral, Loaded);
        await page.GetByRole(AriaRole.Link, new() { Name = "孕产妇档案" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=referrals-heading] .record")).ToContainTextAsync("已完成");
        await Assertions.Expect(page.GetByText("本机构因转诊可查看其档案")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "发起转诊" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "记录产检" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-facilityCode option[value='430304-MCH']")).ToHaveCountAsync(1);

        // The township: the feedback on its home page and inbox, new until opened, and on her record.
        await township.GotoAsync("/", Loaded);
        var feedback = township.Locator("a.tile[href='/referrals?direction=outgoing&status=completed']");
        await Assertions.Expect(feedback.Locator(".count")).ToHaveTextAsync("1");
        await feedback.ClickAsync();
        await Assertions.Expect(sent).ToContainTextAsync("新反馈");
        await Assertions.Expect(sent).ToContainTextAsync($"下转随访 {followUpOn}");
        await ShotAsync(township, "inbox-outgoing");
        await AssertNoSidewaysScrollAsync(township, screen);
        await sent.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(township.Locator("section[aria-labelledby=feedback-heading]")).ToContainTextAsync("每两周产检，避免劳累");
        await township.GotoAsync("/referrals?direction=outgoing&status=completed", Loaded);
        await Assertions.Expect(sent).Not.ToContainTextAsync("新反馈");
        await township.GotoAsync($"/pregnancies/{pregnancy}", Loaded);
        var onRecord = township.Locator("section[aria-labelledby=referrals-heading] .record");
        await Assertions.Expect(onRecord).ToContainTextAsync("建议：每两周产检，避免劳累");
        await Assertions.Expect(onRecord).ToContainTextAsync($"下转随访日期：{followUpOn}");
        await ShotAsync(township, "record");
    }

    /// <summary>Books a woman in 楠竹山镇 (as its health worker) and grades her orange by an exam.</summary>
    internal static async Task<Guid> OrangeWomanAsync(ServiceFixture service, string name)
    {
        var id = await service.Api.BookAsync(service.Bookings.AWoman(28).With("fullName", name));
        await service.Api.ExamAsync(id, service.Bookings.AnExam(measurements: OrangeExam.DeepClone().AsObject()));
        return id;
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
