using Microsoft.Playwright;

namespace HighRisk.Web.Tests.Browser;

/// <summary>The two screens the web app is built for: an old desktop and a 360 px phone.</summary>
public sealed record Screen(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Screen Desktop = new("desktop", 1280, 800, Mobile: false);

    public static readonly Screen Phone = new("phone", 360, 740, Mobile: true);

    public static IEnumerable<Screen> Both => [Desktop, Phone];

    public BrowserNewContextOptions ContextOptions(Uri service) => new()
    {
        BaseURL = service.ToString(),
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        IsMobile = Mobile,
        HasTouch = Mobile,
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
        AcceptDownloads = true,
    };

    public override string ToString() => Name;
}
