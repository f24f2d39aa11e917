using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// Maternal deaths and near misses in the browser: county staff find a death report due on the board, submit its card
/// (a bad ICD-10 code refused beside its row, the empty row between left out), and it leaves the board; the board and
/// a late report fit a 360 px phone; a near miss recorded on a case page shows in its count and its list.
/// Each test books its women in a township of its own, so that the board filtered to it holds only them.
/// </summary>
public sealed class DeathReportAndNearMissTests : BrowserTest
{
    private static readonly JsonObject RedExam = new() { ["pulmonaryArteryPressure"] = 55 };

    [Test]
    public async Task CountyStaff_SubmitTheDeathReportFromTheBoard_ABadCodeIsRefusedBesideItsRow_AndItLeavesTheBoard()
    {
        // 窑湾街道: a red woman who died today, closed through the API by her health worker.
        var pregnancy = await DeathAsync("窑湾红", "430302005001");
        var page = await SignInAsync(Screen.Desktop, "t-county");
        await page.GotoAsync("/cases?area=430302005", Loaded);
        var deaths = page.Locator("section[aria-labelledby=deaths-heading]");
        await Assertions.Expect(deaths.GetByRole(AriaRole.Heading, new() { Name = "待报告的孕产妇死亡" })).ToBeVisibleAsync();
        await Assertions.Expect(deaths.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(deaths.Locator("li")).ToContainTextAsync("窑湾街道");
        await Assertions.Expect(deaths.Locator("li")).ToContainTextAsync("截止");
        await ShotAsync(page, "board");

        await deaths.GetByRole(AriaRole.Link, new() { Name = $"{Iso(Clock.Today)} 死亡" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "孕产妇死亡个案报告", Level = 1 })).ToBeVisibleAsync();
        var facts = page.Locator("main > dl.facts");
        await Assertions.Expect(facts).ToContainTextAsync("待报告");
        await Assertions.Expect(facts.GetByRole(AriaRole.Link, new() { Name = "窑湾红" })).ToHaveAttributeAsync("href", $"/pregnancies/{pregnancy}");

        // The register's figures are filled in: her address, the booking and one exam, the week she booked.
        await Assertions.Expect(page.GetByLabel("现住址")).ToHaveValueAsync("楠竹山镇一村3组");
        await Assertions.Expect(page.GetByLabel("产前检查次数")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByLabel("初次产前检查孕周")).ToHaveValueAsync("34");
        await page.GetByLabel("户籍地址").FillAsync("湖南省湘潭市雨湖区窑湾街道");
        await page.GetByLabel("死亡地点").FillAsync("湘潭市中心医院");
        await page.GetByLabel("是", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("从何处转来").FillAsync("雨湖区妇幼保健计划生育服务中心");

        // Rows (a) and (c); (b) is left empty and not sent, so the API's causes[1] is row (c).
        await page.Locator("#f-causes-0-description").FillAsync("产后出血");
        await page.Locator("#f-causes-0-icd10").FillAsync("o72.1");
        await page.Locator("#f-causes-2-description").FillAsync("胎盘植入");
        await page.Locator("#f-causes-2-icd10").FillAsync("O43-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告卡" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("处需要修改");
        await Assertions.Expect(page.Locator("#f-causes-2-icd10-error")).ToHaveTextAsync("ICD-10 编码格式应如 O72.1。");
        await Assertions.Expect(page.Locator("#f-causes-2-icd10")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".cause .error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("户籍地址")).ToHaveValueAsync("湖南省湘潭市雨湖区窑湾街道");
        await Assertions.Expect(page.GetByLabel("从何处转来")).ToHaveValueAsync("雨湖区妇幼保健计划生育服务中心");
        await ShotAsync(page, "refused");

        await page.Locator("#f-causes-2-icd10").FillAsync("O43.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告卡" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("死亡个案报告已提交。");
        await Assertions.Expect(facts).ToContainTextAsync("已提交");
        await Assertions.Expect(facts).ToContainTextAsync("t-county 于");
        var card = page.Locator("section[aria-labelledby=card-heading]");
        await Assertions.Expect(card.Locator(".causes li")).ToHaveTextAsync([new Regex(@"\(a\)\s*产后出血 O72\.1\s*$"), new Regex(@"\(b\)\s*胎盘植入 O43\.2（根本死因）")]);
        await Assertions.Expect(card).ToContainTextAsync("是（雨湖区妇幼保健计划生育服务中心）");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await ShotAsync(page, "submitted");
        Assert.That(
            await ScalarAsync<string>("SELECT submitted_by || '|' || causes::text FROM death_reports WHERE pregnancy_id = $1", pregnancy),
            Does.StartWith("t-county|").And.Contain("\"O43.2\"").And.Contain("\"O72.1\""));

        await page.GotoAsync("/cases?area=430302005", Loaded);
        await Assertions.Expect(page.Locator("section[aria-labelledby=deaths-heading]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "全部死亡报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "孕产妇死亡个案报告", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.cards tbody tr", new() { HasText = "窑湾街道" })).ToContainTextAsync("已提交");
        await ShotAsync(page, "list");
    }

    [Test]
    public async Task OnAPhone_TheBoardAndALateReportFit_AndAnEmptyCardIsRefusedBesideItsFields()
    {
        // Past its deadline (moved back in the database rather than the clock moved on, which every test of the fixture shares).
        var pregnancy = await DeathAsync("昭潭红", "430302006001");
        Assert.That(await ScalarAsync<int>("UPDATE death_reports SET due_at = opened_at - interval '1 hour' WHERE pregnancy_id = $1 RETURNING 1", pregnancy), Is.EqualTo(1));
        var page = await SignInAsync(Screen.Phone, "t-county");
        await page.GotoAsync("/cases?area=430302006", Loaded);
        var deaths = page.Locator("section[aria-labelledby=deaths-heading] li");
        await Assertions.Expect(deaths).ToHaveCountAsync(1);
        await Assertions.Expect(deaths).ToHaveClassAsync("late");
        await Assertions.Expect(deaths.Locator(".tag-warn")).ToHaveTextAsync("逾期未报告");
        await ShotAsync(page, "board");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);

        await deaths.Locator("a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "孕产妇死亡个案报告", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main > dl.facts .tag-warn")).ToHaveTextAsync("逾期未报告");
        await ShotAsync(page, "report");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        await page.GetByLabel("现住址").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告卡" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("处需要修改");
        foreach (var field in new[] { "usualAddress", "currentAddress", "deathPlace", "transferred" })
        {
            await Assertions.Expect(page.Locator($"#f-{field}-error")).ToHaveTextAsync("必填。");
        }

        await Assertions.Expect(page.Locator("#f-causes-error")).ToHaveTextAsync("请填写死因链（1–4 条，根本死因在最后）。");
        await ShotAsync(page, "refused");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
        Assert.That(await ScalarAsync<bool>("SELECT submitted_at IS NULL FROM death_reports WHERE pregnancy_id = $1", pregnancy), Is.True);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maternal death report", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main > dl.facts .tag-warn")).ToHaveTextAsync("Late");
        await ShotAsync(page, "report-en");
        await AssertNoSidewaysScrollAsync(page, Screen.Phone);
    }

    [Test]
    public async Task SubmittedMeanwhile_TheConflictNamesWhoAboveTheCardAsSubmitted()
    {
        var pregnancy = await DeathAsync("万楼红", "430302007001");
        var (_, due) = await Api.GetAsync("/api/death-reports?status=due", Clients["county"]);
        var report = due!.AsArray().Single(r => r!["pregnancyId"]!.GetValue<Guid>() == pregnancy)!["id"]!.GetValue<Guid>();
        var page = await SignInAsync(Screen.Desktop, "t-county");
        await page.GotoAsync($"/death-reports/{report}", Loaded);
        await page.GetByLabel("户籍地址").FillAsync("湘潭市雨湖区万楼街道");
        await page.GetByLabel("死亡地点").FillAsync("家中");
        await page.GetByLabel("否", new() { Exact = true }).CheckAsync();
        await page.Locator("#f-causes-0-description").FillAsync("羊水栓塞");
        await page.Locator("#f-causes-0-icd10").FillAsync("O88.1");

        // The city submits first, through the API.
        var card = new JsonObject
        {
            ["usualAddress"] = "湘潭市雨湖区万楼街道", ["currentAddress"] = "湘潭市雨湖区万楼街道", ["deathPlace"] = "湘潭市中心医院", ["transferred"] = false,
            ["antenatalVisits"] = 2, ["causes"] = new JsonArray(new JsonObject { ["description"] = "羊水栓塞", ["icd10"] = "O88.1" }),
        };
        await Api.PostAsync($"/api/death-reports/{report}", card, HttpStatusCode.OK, Clients["city"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "提交报告卡" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveTextAsync("该死亡报告已由 t-city 提交。");
        await Assertions.Expect(page.Locator("section[aria-labelledby=card-heading]")).ToContainTextAsync("湘潭市中心医院");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await ShotAsync(page, "conflict");
    }

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task CountyStaff_RecordANearMissOnTheCase_AndSeeItsCount(Screen screen)
    {
        var id = await WomanAsync(screen == Screen.Phone ? "鹤岭红" : "鹤岭危", 32, "430302100201", RedExam);
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var page = await SignInAsync(screen, "t-county");
        await page.GotoAsync($"/cases/{record!["caseId"]}", Loaded);
        var state = page.Locator("section[aria-labelledby=state-heading]");
        var count = state.Locator("dt:has-text('危重孕产妇事件') + dd");
        await Assertions.Expect(count).ToHaveTextAsync("0 次");

        // Without a criterion: refused beside the checklist, what was chosen kept.
        await page.GetByText("登记危重孕产妇事件").ClickAsync();
        await Assertions.Expect(page.GetByLabel("发生日期")).ToHaveValueAsync(Iso(Clock.Today));
        await page.GetByLabel("救治机构").SelectOptionAsync("4303-MCH");
        await page.GetByLabel("转归").SelectOptionAsync(new SelectOptionValue { Label = "好转" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-nearMiss-criteria-error")).ToHaveTextAsync("请至少选择一项危重孕产妇判定标准。");
        await Assertions.Expect(page.GetByLabel("救治机构")).ToHaveValueAsync("4303-MCH");
        await AssertNoSidewaysScrollAsync(page, screen);

        await page.GetByLabel("休克", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("输注红细胞≥5单位").CheckAsync();
        await page.GetByLabel("备注").FillAsync("产后出血 2500 ml，介入栓塞后好转");
        await ShotAsync(page, "near-miss-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("危重孕产妇事件已登记。");
        await Assertions.Expect(count).ToHaveTextAsync("1 次");
        var recorded = page.Locator("section[aria-labelledby=near-misses-heading] article");
        await Assertions.Expect(recorded).ToHaveCountAsync(1);
        await Assertions.Expect(recorded.Locator("h3")).ToHaveTextAsync($"{Iso(Clock.Today)} · 好转");
        await Assertions.Expect(recorded.Locator(".criteria-met li")).ToHaveTextAsync(["休克", "输注红细胞≥5单位"]);
        await Assertions.Expect(recorded).ToContainTextAsync("湘潭市妇幼保健院（三级，危重孕产妇救治中心）");
        await Assertions.Expect(recorded).ToContainTextAsync("介入栓塞后好转");
        await ShotAsync(page, "near-miss-recorded");
        await AssertNoSidewaysScrollAsync(page, screen);
        Assert.That(await ScalarAsync<int>("SELECT near_miss_count FROM cases WHERE pregnancy_id = $1", id), Is.EqualTo(1));
    }

    /// <summary>A red woman at 34 weeks whose pregnancy her health worker closes today with a maternal death (the report opens).</summary>
    private async Task<Guid> DeathAsync(string name, string village)
    {
        var id = await WomanAsync(name, 34, village, RedExam);
        await Api.PostAsync($"/api/pregnancies/{id}/close", new { outcome = "maternalDeath", date = Iso(Clock.Today) }, HttpStatusCode.OK);
        return id;
    }

    /// <summary>Books a woman in the village (as the health worker) and grades her by an exam.</summary>
    private async Task<Guid> WomanAsync(string name, int weeks, string village, JsonObject measurements)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks).With("fullName", name).With("divisionCode", village));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: measurements.DeepClone().AsObject()));
        return id;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
