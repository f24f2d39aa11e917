using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// What the browser tests share: a fresh browser context per screen (its own cookies), signing in through the page,
/// screenshots attached to the test, and a screenshot of every open page when a test fails.
/// </summary>
public abstract partial class BrowserTest(ServiceFor scope = ServiceFor.Fixture) : ServiceFixture(scope)
{
    private readonly List<(IBrowserContext Context, Screen Screen)> _contexts = [];

    protected static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.Load };

    /// <summary>A new signed-out tab on the given screen.</summary>
    protected async Task<IPage> OpenAsync(Screen screen)
    {
        var context = await BrowserSession.Browser.NewContextAsync(screen.ContextOptions(BaseAddress));
        context.SetDefaultTimeout(15_000);
        _contexts.Add((context, screen));
        return await context.NewPageAsync();
    }

    /// <summary>A tab signed in through the sign-in page, on the home page.</summary>
    protected async Task<IPage> SignInAsync(Screen screen, string userName, string password = Infrastructure.TestUsers.Password)
    {
        var page = await OpenAsync(screen);
        await page.GotoAsync("/", Loaded);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/signin"), "an anonymous visit goes to the sign-in page");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首页", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Saves a screenshot of the whole page under the test's work directory and attaches it to the result.</summary>
    protected static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Safe(TestContext.CurrentContext.Test.Name)}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    /// <summary>At 360 px nothing may force the page to scroll sideways.</summary>
    protected static async Task AssertNoSidewaysScrollAsync(IPage page, Screen screen)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(screen.Width), $"{page.Url} is wider than the {screen.Name} screen");
    }

    /// <summary>The id in the address of a pregnancy's page.</summary>
    protected static Guid PregnancyIdOf(IPage page) =>
        Guid.Parse(PregnancyPath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);

    /// <summary>A user of the given role and area whose name the test knows, and an API client signed in as that user.</summary>
    protected async Task<(string UserName, HttpClient Api)> NewUserAsync(string role, string? division, string? facility = null)
    {
        var userName = $"b-{Guid.NewGuid():N}"[..20];
        await Infrastructure.TestUsers.CreateAsync(Admin, userName, role, division, facility);
        var api = new HttpClient { BaseAddress = BaseAddress };
        await Infrastructure.TestUsers.SignInAgainAsync(api, userName, Infrastructure.TestUsers.Password);
        return (userName, api);
    }

    [TearDown]
    public async Task CloseAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        foreach (var (context, screen) in _contexts)
        {
            if (failed)
            {
                foreach (var page in context.Pages)
                {
                    await ShotAsync(page, $"failed-{screen.Name}");
                }
            }

            await context.DisposeAsync();
        }

        _contexts.Clear();
    }

    private static string Safe(string name) => Unsafe().Replace(name, "_");

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex("^/pregnancies/([0-9a-f-]{36})")]
    private static partial Regex PregnancyPath();
}
