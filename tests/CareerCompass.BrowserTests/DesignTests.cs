using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// The designed look, measured in the browser: every form control's border stands out from what is behind it by at
/// least 3:1 (WCAG 2.2, 1.4.11 non-text contrast — the interest explorer alone has 90 radio buttons), and the main
/// pages fit a phone and pass axe with our colours.
/// </summary>
public sealed partial class DesignTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static readonly Rgb White = new(255, 255, 255);

    // For each visible, enabled control: its border colours and widths, and the first opaque background behind it.
    private const string ControlsScript = """
        () => [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]
          .filter(el => !el.disabled && el.getClientRects().length > 0)
          .map(el => {
            const style = getComputedStyle(el);
            let behind = 'rgb(255, 255, 255)';
            for (let node = el.parentElement; node; node = node.parentElement) {
              const bg = getComputedStyle(node).backgroundColor;
              if (!/^rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') { behind = bg; break; }
            }
            return {
              what: `${el.tagName.toLowerCase()}${el.type ? '[' + el.type + ']' : ''}#${el.id || el.name}`,
              top: style.borderTopColor, left: style.borderLeftColor,
              width: Math.min(parseFloat(style.borderTopWidth), parseFloat(style.borderLeftWidth)),
              behind,
            };
          })
        """;

    [Fact]
    public void The_contrast_measure_rejects_Bootstraps_default_control_border()
    {
        // Bootstrap's own #dee2e6 on white, the border the explorer's radios had: 1.3:1, far below 3:1.
        Assert.InRange(Contrast(new Rgb(0xde, 0xe2, 0xe6), White), 1.29, 1.31);
        Assert.InRange(Contrast(new Rgb(0, 0, 0), White), 20.99, 21.01);
        Assert.Equal(White, Parse("rgba(0, 0, 0, 0)", White));
    }

    [Fact]
    public async Task Every_form_control_border_reaches_three_to_one_against_what_is_behind_it()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAndSignInAsync(live);

        var failures = new List<string>();
        var measured = 0;
        foreach (var path in new[] { "/Reflection/Interests", "/Reflection/Values", "/Settings", "/Contacts/Edit", "/Identity/Account/Manage/ChangePassword" })
        {
            await page.GotoAsync(path);
            var controls = await page.EvaluateAsync<Control[]>(ControlsScript);
            Assert.NotEmpty(controls);
            foreach (var control in controls)
            {
                measured++;
                var behind = Parse(control.Behind, White);
                var ratio = Math.Min(Contrast(Parse(control.Top, behind), behind), Contrast(Parse(control.Left, behind), behind));
                if (ratio < 3 || control.Width < 1)
                {
                    failures.Add($"{path} {control.What}: border {control.Top} {control.Width}px on {control.Behind} is {ratio:0.00}:1");
                }
            }
        }

        Assert.True(measured > 100, $"Only {measured} controls measured: the interest explorer alone has 90 radio buttons.");
        Assert.True(failures.Count == 0, "Form controls below 3:1 (WCAG 1.4.11):\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_dashboard_a_reflection_step_and_an_empty_list_fit_a_phone_and_a_desktop_and_pass_axe()
    {
        foreach (var phone in new[] { true, false })
        {
            await using var context = phone ? await live.NewPhoneContextAsync() : await live.NewDesktopContextAsync();
            var page = await context.NewPageAsync();
            var checks = new PageChecks(page);
            await page.SignUpAndSignInAsync(live);
            var size = phone ? "375" : "1280";

            await checks.CheckAsync(page, $"design-dashboard-{size}");
            Assert.True(await PageChecks.FitsTheScreenAsync(page), $"The dashboard scrolls sideways at {size}px.");

            await page.GotoAsync("/Reflection/Interests");
            await checks.CheckAsync(page, $"design-interests-{size}");
            Assert.True(await PageChecks.FitsTheScreenAsync(page), $"The interest explorer scrolls sideways at {size}px.");

            await page.GotoAsync("/Contacts");
            await Assertions.Expect(page.Locator(".empty-state").GetByRole(AriaRole.Link, new() { Name = "Add your first contact" })).ToBeVisibleAsync();
            await checks.CheckAsync(page, $"design-contacts-empty-{size}");
            Assert.True(await PageChecks.FitsTheScreenAsync(page), $"The empty contacts page scrolls sideways at {size}px.");

            if (phone)
            {
                // The collapsed menu still opens (the Bootstrap bundle's collapse, on our CSS) and shows its icons' words.
                await PageChecks.OpenPhoneMenuAsync(page);
                await Assertions.Expect(page.Locator("#main-nav.collapse.show")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Goals", Exact = true })).ToBeVisibleAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveApp.ScreenshotFolder, "design-menu-375.png") });
            }
        }
    }

    private static double Contrast(Rgb a, Rgb b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(Rgb c)
    {
        static double Channel(double v)
        {
            v /= 255;
            return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
    }

    /// <summary>A computed CSS colour, "rgb(r, g, b)" or "rgba(r, g, b, a)", made opaque over <paramref name="behind"/>.</summary>
    private static Rgb Parse(string css, Rgb behind)
    {
        var match = CssColour().Match(css);
        Assert.True(match.Success, $"Not a computed colour: {css}");
        double Part(int i) => double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture);
        var alpha = match.Groups[4].Success ? Part(4) : 1;
        return new Rgb(
            Math.Round((Part(1) * alpha) + (behind.R * (1 - alpha))),
            Math.Round((Part(2) * alpha) + (behind.G * (1 - alpha))),
            Math.Round((Part(3) * alpha) + (behind.B * (1 - alpha))));
    }

    [GeneratedRegex(@"^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$")]
    private static partial Regex CssColour();

    private sealed record Rgb(double R, double G, double B);

    private sealed class Control
    {
        public string What { get; set; } = "";

        public string Top { get; set; } = "";

        public string Left { get; set; } = "";

        public double Width { get; set; }

        public string Behind { get; set; } = "";
    }
}
