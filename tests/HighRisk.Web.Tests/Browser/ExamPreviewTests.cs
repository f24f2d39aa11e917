using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// The exam form's preview, on a desktop and on a phone: a finding saving would refuse (胎位不正 at 34 weeks) is named
/// in the preview before anything is sent; an ALT of 150 U/L prompts 原因不明的肝功能异常 beside the grade without
/// changing it, and one click codes it in the findings checklist, which turns the preview orange; saving gives the
/// colour the preview showed.
/// </summary>
public sealed class ExamPreviewTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task PromptIsCodedWithOneClick_AndARefusedFindingIsNamedInThePreview(Screen screen)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 34).With("fullName", $"提示{screen.Name}"));
        var page = await SignInAsync(screen, "t-worker");
        await page.GotoAsync($"/pregnancies/{id}/exam", Loaded);
        var preview = page.Locator("#preview");
        var grade = preview.Locator("[data-grade]");
        await Assertions.Expect(grade).ToHaveTextAsync("绿色 低风险");

        // 胎位不正 is a risk factor from 36+0 weeks: the preview says saving would refuse it.
        var findings = page.Locator("#f-findings-list");
        await page.GetByLabel("搜索高危因素").FillAsync("胎位");
        await findings.GetByLabel("≥36周胎位不正").CheckAsync();
        var refused = preview.Locator("[data-refused]");
        await Assertions.Expect(refused).ToBeVisibleAsync();
        await Assertions.Expect(refused).ToContainTextAsync("≥36周胎位不正：本次检查日期不能记录此项");
        await ShotAsync(page, "refused");
        await findings.GetByLabel("≥36周胎位不正").UncheckAsync();
        await Assertions.Expect(refused).ToBeHiddenAsync();
        await page.GetByLabel("搜索高危因素").FillAsync(string.Empty);

        // ALT 150 U/L: a prompt beside the grade, which stays green.
        await page.GetByLabel("检查医生").FillAsync("李医生");
        await page.GetByText("更多指标").ClickAsync();
        await page.GetByLabel("谷丙转氨酶").FillAsync("150");
        var prompt = preview.Locator("[data-prompts] li", new() { HasText = "原因不明的肝功能异常" });
        await Assertions.Expect(prompt).ToBeVisibleAsync();
        await Assertions.Expect(prompt).ToContainTextAsync("谷丙转氨酶 150 U/L");
        await Assertions.Expect(prompt.Locator(".badge")).ToHaveTextAsync("橙色 较高风险");
        await Assertions.Expect(grade).ToHaveTextAsync("绿色 低风险");
        await ShotAsync(page, "prompt");
        await AssertNoSidewaysScrollAsync(page, screen);

        // One click codes it: ticked in the checklist, the preview turns orange and the prompt goes.
        await prompt.GetByRole(AriaRole.Button, new() { Name = "勾选为本次发现" }).ClickAsync();
        await Assertions.Expect(findings.GetByLabel("原因不明的肝功能异常")).ToBeCheckedAsync();
        await Assertions.Expect(grade).ToHaveTextAsync("橙色 较高风险");
        await Assertions.Expect(preview.Locator("[data-factors]")).ToContainTextAsync("原因不明的肝功能异常");
        await Assertions.Expect(preview.Locator("[data-prompts]")).ToBeHiddenAsync();
        await ShotAsync(page, "coded");
        await AssertNoSidewaysScrollAsync(page, screen);

        await page.GetByRole(AriaRole.Button, new() { Name = "保存产检" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("产检已保存。");
        await Assertions.Expect(page.Locator(".case-head .grade")).ToHaveTextAsync("橙色 较高风险");
        var exam = (await Api.GetAsync($"/api/pregnancies/{id}")).Body!["exams"]!.AsArray()[^1]!;
        Assert.That(exam["findings"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "o_liver_unexplained" }));
    }

    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task StoredValueThatSuggestsARow_IsPromptedWhenTheFormOpens(Screen screen)
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 24));
        var (status, body, _) = await Api.PostAsync($"/api/pregnancies/{id}/exams",
            Bookings.AnExam(measurements: new JsonObject { ["aorticDiameter"] = 42 }));
        Assert.That((int)status, Is.EqualTo(201), body?.ToJsonString());

        var page = await SignInAsync(screen, "t-worker");
        await page.GotoAsync($"/pregnancies/{id}/exam", Loaded);

        var prompt = page.Locator("#preview [data-prompts] li", new() { HasText = "主动脉疾病" });
        await Assertions.Expect(prompt).ToContainTextAsync("主动脉直径 42 mm");
        await Assertions.Expect(prompt).ToContainTextAsync("40–44 mm");
        await ShotAsync(page, "stored-prompt");
        await AssertNoSidewaysScrollAsync(page, screen);
    }
}
