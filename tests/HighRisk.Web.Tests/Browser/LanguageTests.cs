using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>Chinese by default; the switch shows English everywhere until switched back.</summary>
public sealed class LanguageTests : BrowserTest
{
    [TestCaseSource(typeof(Screen), nameof(Screen.Both))]
    public async Task EnglishSwitch_ShowsEnglishLabelsUntilSwitchedBack(Screen screen)
    {
        var page = await SignInAsync(screen, "t-worker");
        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("zh-CN"));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home", Level = 1 })).ToBeVisibleAsync();
        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("en"));
        await Assertions.Expect(page.Locator("a.tile-red .badge")).ToHaveTextAsync("Red: high risk");
        await ShotAsync(page, "home-en");

        // The choice is kept (a cookie), so the next page is English too, validation messages included.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Book" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book a pregnancy" })).ToBeVisibleAsync();
        await page.GetByLabel("Resident ID number").FillAsync("43030219920315002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".field", new() { Has = page.GetByLabel("Full name") }).Locator(".error")).ToHaveTextAsync("Required.");
        await Assertions.Expect(page.Locator(".field", new() { Has = page.GetByLabel("Resident ID number") }).Locator(".error"))
            .ToHaveTextAsync("The resident ID number must have 18 characters.");
        await Assertions.Expect(page.GetByLabel("Resident ID number")).ToHaveValueAsync("43030219920315002");
        await ShotAsync(page, "book-en");
        await AssertNoSidewaysScrollAsync(page, screen);

        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "孕产妇建册" })).ToBeVisibleAsync();
        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("zh-CN"));
    }

    [Test]
    public async Task SignInPage_SpeaksEnglishBeforeSigningIn()
    {
        var page = await OpenAsync(Screen.Desktop);
        await page.GotoAsync("/signin", Loaded);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("User name").FillAsync("no-such-user");
        await page.GetByLabel("Password").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or password is wrong.");
        await Assertions.Expect(page.GetByLabel("User name")).ToHaveValueAsync("no-such-user");
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync(string.Empty);
    }
}
