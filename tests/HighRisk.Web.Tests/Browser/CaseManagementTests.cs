using System.Globalization;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Case management (专案管理) in the browser: county staff find a red woman's case first on the board, acknowledge its
/// report, take it on, plan her delivery at a township health centre (a level mismatch) and then at the city MCH
/// hospital (none); the board and the case page fit a 360 px phone; a health worker sees the case but not its actions.
/// Each test books its women in a township of its own, so that the board filtered to it holds only them.
/// </summary>
public sealed class CaseManagementTests : BrowserTest
{
    private static readonly JsonObject RedExam = new() { ["pulmonaryArteryPressure"] = 55 };
    private static readonly JsonObject OrangeExam = new() { ["pulmonaryArteryPressure"] = 40 };

    [Test]
    public async Task CountyStaff_AcknowledgeTakeOnAndPlan_TheLevelMismatchComesAndGoes()
    {
        // 姜畲镇: an orange woman due sooner, a red woman due later — the red one leads the board all the same.
        await WomanAsync("姜畲橙", 36, "430302102201", OrangeExam);
        var red = await WomanAsync("姜畲红", 28, "430302102001", RedExam);
        var page = await SignInAsync(Screen.Desktop, "t-county");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "专案" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "专案管理", Level = 1 })).ToBeVisibleAsync();
        await page.GetByText("更多筛选条件").ClickAsync();
        await page.GetByLabel("乡镇/街道").SelectOptionAsync("430302102");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        var names = page.Locator("table.board tbody td.title a");
        await Assertions.Expect(names).ToHaveTextAsync(["姜畲红", "姜畲橙"]);
        var first = page.Locator("table.board tbody tr").First;
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("红色 高风险");
        await Assertions.Expect(first).ToContainTextAsync("待确认");
        await Assertions.Expect(first).ToContainTextAsync("待制定");
        await ShotAsync(page, "board");

        // The case: report due, no manager (no area table here); acknowledge it, then take the case on.
        await names.First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "姜畲红的专案", Level = 1 })).ToBeVisibleAsync();
        var state = page.Locator("section[aria-labelledby=state-heading]");
        await Assertions.Expect(state).ToContainTextAsync("待确认");
        await Assertions.Expect(state).ToContainTextAsync("未指定");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认收到报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("报告已确认。");
        await Assertions.Expect(state).ToContainTextAsync("已确认");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认收到报告" })).ToHaveCountAsync(0);

        await page.GetByLabel("专案负责人").SelectOptionAsync(new SelectOptionValue { Label = "测试用户 t-county（县（区）妇幼保健机构）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "改派", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("专案负责人已改派。");
        await Assertions.Expect(state).ToContainTextAsync("测试用户 t-county");

        // A plan delivering at the township health centre: saved, and flagged.
        await page.GetByText("新增管理计划（第 1 版）").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "是否继续妊娠的评估（红色）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "预防艾滋病、梅毒和乙肝母婴传播（紫色）" })).ToHaveCountAsync(0);
        await page.GetByLabel("产前保健机构").SelectOptionAsync(Bookings.CountyMch);
        await page.GetByLabel("计划分娩机构").SelectOptionAsync(Bookings.Facility);
        await page.GetByLabel("治疗方案").FillAsync("每周产检，监测肺动脉压");
        await page.GetByLabel("应急预案").FillAsync("出现呼吸困难立即经绿色通道转市妇幼保健院");
        await page.GetByLabel("下次专案评估日期").FillAsync(Iso(Clock.Today.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存管理计划" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("管理计划已保存，但机构级别低于");
        await Assertions.Expect(page.Locator(".flags .tag")).ToHaveTextAsync(["机构级别不符"]);
        await Assertions.Expect(state.Locator(".mismatches li")).ToHaveTextAsync(["分娩机构级别低于要求", "分娩机构没有助产资质"]);
        var plans = page.Locator("section[aria-labelledby=plans-heading]");
        await Assertions.Expect(plans.Locator("article").First).ToContainTextAsync("楠竹山镇卫生院（一级，无助产资质）");
        await Assertions.Expect(plans.Locator("article").First).ToContainTextAsync("雨湖区妇幼保健计划生育服务中心（二级，危重孕产妇救治中心）");
        await ShotAsync(page, "case-mismatch");
        var caseUrl = page.Url;
        await page.GotoAsync("/cases?area=430302102&flag=levelMismatch&flag=noPlan", Loaded);
        await Assertions.Expect(page.GetByText("没有符合条件的专案。")).ToBeVisibleAsync();
        await page.GotoAsync("/cases?area=430302102&flag=levelMismatch", Loaded);
        await Assertions.Expect(names).ToHaveTextAsync(["姜畲红"]);
        await Assertions.Expect(page.GetByLabel("机构级别不符")).ToBeCheckedAsync();
        await page.GotoAsync(caseUrl, Loaded);

        // A second version, started from the first: delivery at the city MCH hospital; the mismatch goes, version 1 is kept.
        await page.GetByText("新增管理计划（第 2 版）").ClickAsync();
        await Assertions.Expect(page.GetByLabel("治疗方案")).ToHaveValueAsync("每周产检，监测肺动脉压");
        await page.GetByLabel("计划分娩机构").SelectOptionAsync("4303-MCH");
        await page.GetByLabel("下次专案评估日期").FillAsync(Iso(Clock.Today.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存管理计划" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("管理计划已保存。");
        await Assertions.Expect(page.Locator(".flags")).ToHaveCountAsync(0);
        await Assertions.Expect(state.Locator(".mismatches")).ToHaveCountAsync(0);
        await Assertions.Expect(state).ToContainTextAsync("相符");
        await Assertions.Expect(plans.Locator("article").First).ToContainTextAsync("湘潭市妇幼保健院（三级，危重孕产妇救治中心）");
        await Assertions.Expect(plans.GetByText("以前的版本（1）")).ToBeVisibleAsync();
        await ShotAsync(page, "case-planned");
        var versions = await ScalarAsync<string>(
            "SELECT string_agg(version || ':' || delivery_facility_code, ',' ORDER BY version) FROM case_plans WHERE case_id = (SELECT id FROM cases WHERE pregnancy_id = $1)", red);
        Assert.That(versions, Is.EqualTo("1:430302101-THC,2:4303-MCH"), "both versions kept");

        // Her record links to the case; the manager's home page lists it.
        await page.GetByRole(AriaRole.Link, new() { Name = "孕产妇档案" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "姜畲红", Level = 1, Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "record");
        await page.GetByRole(AriaRole.Link, new() { Name = "专案管理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "姜畲红的专案", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/", Loaded);
        var mine = page.Locator("section[aria-labelledby=cases-heading]");
        await Assertions.Expect(mine.GetByRole(AriaRole.Heading, new() { Name = "我负责的专案" })).ToBeVisibleAsync();
        await Assertions.Expect(mine.Locator($"a[href^='/cases/']", new() { HasText = "姜畲红" })).ToHaveCountAsync(1);
        await Assertions.Expect(mine.Locator("a", new() { HasText = "姜畲橙" })).ToHaveCountAsync(0);
        await ShotAsync(page, "home");
    }

    [Test]
    public async Task OnAPhone_TheBoardAndTheCasePageFit_AndAPlanWithoutItsFieldsIsRefusedBesideThem()
    {
        // 长城乡: a red woman with an infectious disease (red and purple), so the plan form has every block.
        var id = await WomanAsync("长城红紫", 30, "430302202201", RedExam, purple: true);
        var page = await SignInAsync(Screen.Phone, "t-county");
        await page.GotoAsync("/cases?area=430302202", Loaded);
        await Assertions.Expect(page.Locator("table.board tbody td.title a")).ToHaveTextAsync(["长城红紫"]);
        await ShotAsync(page, "board");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        await page.Locator("table.board tbody td.title a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "长城红紫的专案", Level = 1 })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await page.GetByText("新增管理计划（第 1 版）").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "预防艾滋病、梅毒和乙肝母婴传播（紫色）" })).ToBeVisibleAsync();
        await page.GetByLabel("孕产妇抗病毒治疗", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("完成日期：孕产妇抗病毒治疗").FillAsync(Iso(Clock.Today.AddDays(3)));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存管理计划" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("处需要修改");
        await Assertions.Expect(page.Locator(".field", new() { Has = page.GetByLabel("下次专案评估日期") }).Locator(".error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(page.Locator("#f-careFacilityCode-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(page.Locator("#f-pmtct-hiv-maternalArt-doneOn-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("孕产妇抗病毒治疗", new() { Exact = true })).ToBeCheckedAsync();
        await ShotAsync(page, "plan-refused");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM case_plans WHERE case_id = (SELECT id FROM cases WHERE pregnancy_id = $1)", id), Is.Zero);
    }

    [Test]
    public async Task HealthWorker_SeesTheCaseButNotItsActions()
    {
        var id = await WomanAsync("楠竹红", 30, "430302101202", RedExam);
        var page = await SignInAsync(Screen.Desktop, "t-worker");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "专案" })).ToHaveCountAsync(0);

        await page.GotoAsync($"/pregnancies/{id}", Loaded);
        await page.GetByRole(AriaRole.Link, new() { Name = "专案管理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "楠竹红的专案", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=state-heading]")).ToContainTextAsync("待确认");
        await Assertions.Expect(page.GetByText("只有县级、市级妇幼保健机构人员可以操作专案。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认收到报告" })).ToHaveCountAsync(0);
        await ShotAsync(page, "case-worker");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "楠竹红's case", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=state-heading]")).ToContainTextAsync("Awaiting acknowledgement");
        await ShotAsync(page, "case-worker-en");
    }

    /// <summary>Books a woman in the village (as the health worker) and grades her by an exam; purple: an infectious disease at booking.</summary>
    private async Task<Guid> WomanAsync(string name, int weeks, string village, JsonObject measurements, bool purple = false)
    {
        var booking = Bookings.AWoman(weeks).With("fullName", name).With("divisionCode", village);
        var id = await Api.BookAsync(purple ? booking.With("findings", new JsonArray("p_infectious")) : booking);
        await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements.DeepClone().AsObject()));
        return id;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
