using System.Globalization;
using HighRisk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>A rejected booking comes back as it was typed, each message in Chinese beside its field.</summary>
public sealed class BookingFormTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task MistypedResidentId_KeepsEverythingTypedAndSaysSoBesideTheField(Screen screen)
    {
        var page = await SignInAsync(screen, "t-worker");
        await page.GotoAsync("/pregnancies/book", Loaded);
        var today = Clock.Today;
        var name = $"保留测试{screen.Name}";
        var valid = ResidentIds.Unique(today.AddYears(-31));
        var mistyped = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var lmp = today.AddDays(-7 * 14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("身份证号码").FillAsync(mistyped);
        await page.GetByLabel("手机号码").FillAsync("13912345678");
        await page.GetByLabel("村/社区").SelectOptionAsync("430302101202");
        await page.GetByLabel("详细地址").FillAsync("楠竹山二村3组");
        await page.GetByLabel("末次月经第一天").FillAsync(lmp);
        await page.GetByLabel("身高").FillAsync("158");
        await page.GetByLabel("孕次（含本次）").FillAsync("3");
        await page.GetByLabel("产次", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("流产次数").FillAsync("1");
        await page.GetByLabel("搜索高危因素").FillAsync("梅毒");
        var infectious = page.Locator("#f-findings-list li:visible");
        await Assertions.Expect(infectious).ToHaveCountAsync(1);
        await infectious.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();

        var residentId = page.GetByLabel("身份证号码");
        var message = page.Locator(".field", new() { Has = residentId }).Locator(".error");
        await Assertions.Expect(message).ToHaveTextAsync("身份证号码校验位不符，号码可能输错了，请核对。");
        await Assertions.Expect(residentId).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(residentId).ToHaveAttributeAsync("aria-describedby", "f-residentId-error");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("有 1 处需要修改，请查看各项下方的提示。");
        await ShotAsync(page, "rejected");
        await AssertNoSidewaysScrollAsync(page, screen);

        await Assertions.Expect(residentId).ToHaveValueAsync(mistyped);
        await Assertions.Expect(page.GetByLabel("姓名")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel("手机号码")).ToHaveValueAsync("13912345678");
        await Assertions.Expect(page.GetByLabel("村/社区")).ToHaveValueAsync("430302101202");
        await Assertions.Expect(page.GetByLabel("详细地址")).ToHaveValueAsync("楠竹山二村3组");
        await Assertions.Expect(page.GetByLabel("末次月经第一天")).ToHaveValueAsync(lmp);
        await Assertions.Expect(page.GetByLabel("身高")).ToHaveValueAsync("158");
        await Assertions.Expect(page.GetByLabel("孕次（含本次）")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("产次", new() { Exact = true })).ToHaveValueAsync("1");
        await Assertions.Expect(page.GetByLabel("流产次数")).ToHaveValueAsync("1");
        await Assertions.Expect(page.Locator("input[name=findings][value=p_infectious]")).ToBeCheckedAsync();
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM women WHERE full_name = $1", name), Is.Zero, "a rejected booking writes nothing");

        // Correcting the one field is enough: everything else was kept.
        await residentId.FillAsync(valid);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".case-head .grade")).ToContainTextAsync("紫色 传染病");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("G3P1");
    }

    [Test]
    public async Task EmptyBooking_SaysWhatIsMissingBesideEachField()
    {
        var page = await SignInAsync(Screen.Phone, "t-worker");
        await page.GotoAsync("/pregnancies/book", Loaded);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存建册" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("有 5 处需要修改，请查看各项下方的提示。");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await MessageBesideAsync(page, "姓名"), Is.EqualTo("必填。"));
            Assert.That(await MessageBesideAsync(page, "身份证号码"), Is.EqualTo("请填写身份证号码。"));
            Assert.That(await MessageBesideAsync(page, "手机号码"), Is.EqualTo("请填写 11 位手机号码（以 13–19 开头，可加 +86）。"));
            Assert.That(await MessageBesideAsync(page, "末次月经第一天"), Is.EqualTo("请填写末次月经日期（或预产期）。"));
            Assert.That(await MessageBesideAsync(page, "详细地址"), Is.EqualTo("必填。"));
        });
        await ShotAsync(page, "empty");
    }

    private static async Task<string> MessageBesideAsync(IPage page, string label) =>
        (await page.Locator(".field", new() { Has = page.GetByLabel(label) }).Locator(".error").InnerTextAsync()).Trim();
}
