using System.Globalization;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>The rest of a record's forms: resolving an earlier finding at an exam, a follow-up contact, closing, the postpartum re-assessment.</summary>
public sealed class FollowUpAndCloseTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task ResolveInfectionThenFollowUpThenClose_EachShowsOnTheRecord(Screen screen)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30).With("findings", new JsonArray("p_infectious")));
        var today = Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await SignInAsync(screen, "t-worker");
        await page.GotoAsync($"/pregnancies/{id}", Loaded);
        var grade = page.Locator(".case-head .grade");
        await Assertions.Expect(grade).ToHaveTextAsync("绿色 低风险 紫色 传染病");

        // An exam resolves the infection; the reason is required and the tick survives the rejection.
        await page.GetByRole(AriaRole.Link, new() { Name = "记录产检" }).ClickAsync();
        await page.GetByLabel("检查医生").FillAsync("李医生");
        await Assertions.Expect(page.GetByLabel("产后抑郁症、产褥期中暑、产褥感染等")).ToHaveCountAsync(0);
        await page.GetByLabel("已解除：所有妊娠合并传染性疾病").CheckAsync();
        await Assertions.Expect(page.Locator("#preview [data-grade]")).ToHaveTextAsync("绿色 低风险");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field", new() { Has = page.GetByLabel("解除原因") }).Locator(".error")).ToHaveTextAsync("请填写解除原因。");
        await Assertions.Expect(page.GetByLabel("已解除：所有妊娠合并传染性疾病")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("检查医生")).ToHaveValueAsync("李医生");
        await page.GetByLabel("解除原因").FillAsync("复查梅毒血清学阴性");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();
        await Assertions.Expect(grade).ToHaveTextAsync("绿色 低风险");
        await Assertions.Expect(page.Locator(".record").First).ToContainTextAsync("复查梅毒血清学阴性");

        // A phone call that did not reach her.
        await page.GetByRole(AriaRole.Link, new() { Name = "记录随访" }).ClickAsync();
        await page.GetByLabel("电话").CheckAsync();
        await page.GetByLabel("否", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("备注").FillAsync("关机，明日再打");
        await ShotAsync(page, "follow-up");
        await AssertNoSidewaysScrollAsync(page, screen);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存随访" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("随访已保存。");
        await Assertions.Expect(page.Locator("section[aria-labelledby=followups-heading] .record")).ToContainTextAsync($"{today} · 电话 · 未联系上");

        // Closing: the outcome is required; a delivery asks for its mode.
        await page.GetByRole(AriaRole.Link, new() { Name = "结案" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认结案" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-outcome-error")).ToHaveTextAsync("必填。");
        await Assertions.Expect(page.GetByLabel("剖宫产")).ToBeHiddenAsync();
        await page.GetByLabel("分娩", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("剖宫产").CheckAsync();
        await Assertions.Expect(page.GetByLabel("分娩机构").Locator("option", new() { HasText = "无助产资质" })).ToHaveCountAsync(0);
        await page.GetByLabel("分娩机构").SelectOptionAsync("4303-MCH");
        await ShotAsync(page, "close");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认结案" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已结案。");
        await Assertions.Expect(page.Locator(".case-head")).ToContainTextAsync($"已结案：分娩，{today}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "记录产检" })).ToHaveCountAsync(0);
        Assert.That(
            await ScalarAsync<string>("SELECT status || '|' || outcome || '|' || delivery_mode || '|' || delivery_facility_code FROM pregnancies WHERE id = $1", id),
            Is.EqualTo("Closed|Delivery|Cesarean|4303-MCH"));

        // After the birth: the postpartum re-assessment, with the puerperal rows offered and the antenatal-only ones not.
        await page.GetByRole(AriaRole.Link, new() { Name = "产后风险评估" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.hint").First).ToContainTextAsync("产后第28天前的检查计为产后访视");
        await Assertions.Expect(page.GetByLabel("≥36周胎位不正")).ToHaveCountAsync(0);
        await page.GetByLabel("检查医生").FillAsync("产科 李医生");
        await page.GetByLabel("产后抑郁症、产褥期中暑、产褥感染等").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();
        await Assertions.Expect(grade).ToHaveTextAsync("橙色 较高风险");
        await Assertions.Expect(page.Locator(".record").First).ToContainTextAsync("产后第0天");
    }
}
