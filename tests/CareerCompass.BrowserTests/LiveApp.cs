using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// The app on a real Kestrel port (same isolated data folder and clock as the HTTP tests) and Debian's Chromium,
/// headless, driven by Playwright.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public CareerCompassFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotFolder { get; } = ResultsFolder("screenshots");

    /// <summary>The HTML of every checked page, for the Nu Html Checker that scripts/test.sh runs after the tests.</summary>
    public static string HtmlFolder { get; } = ResultsFolder("html");

    public async Task InitializeAsync()
    {
        // The port is chosen first, so that links in e-mails (built from App:PublicBaseUrl) point at this server.
        var port = FreePort();
        BaseUrl = $"http://localhost:{port}";
        App.Settings["App:PublicBaseUrl"] = BaseUrl;
        App.UseKestrel(port);
        App.StartServer();

        // The browser suite shares two cores with the HTTP suite run beside it: a page can take longer than Playwright's
        // default 5 s to arrive there, and an expectation that held a moment later failed a fresh-clone run (Settings
        // heading after a click in the phone menu). A wider wait still fails when the page never arrives.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public Task<IBrowserContext> NewDesktopContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });

    /// <summary>A 375-px-wide touch phone, the narrowest screen the app promises to fit.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ResultsFolder(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerCompass.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
