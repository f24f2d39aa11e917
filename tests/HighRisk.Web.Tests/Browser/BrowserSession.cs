using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by the Playwright driver that ships
/// in the Microsoft.Playwright package (no browser download). deploy/local/ensure-browser.sh installs chromium.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    public const string Chromium = "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser session has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Assert.That(File.Exists(Chromium), Is.True, $"{Chromium} is missing: run deploy/local/ensure-browser.sh");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
