using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CareerCompass.Web.Tests.Fuzz;

/// <summary>The app with every log entry captured.</summary>
public sealed class LoggedApp : CareerCompassFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

/// <summary>
/// Walks every page a signed-in person (and a visitor) can reach, and posts each form on it with hostile values in
/// each field in turn — over-long, wrong type, control characters, bad UTF-8, markup — plus malformed field names
/// and unknown handlers. Nothing may answer 5xx, every answer carries the security headers, and no log entry is
/// longer than a few lines or carries a raw control character.
/// </summary>
public sealed class FormFuzzTests(LoggedApp app, ITestOutputHelper output) : IClassFixture<LoggedApp>
{
    private const int MaxLogEntryLength = 4_000;

    // Sent percent-encoded exactly as written here: some are not valid UTF-8 on purpose.
    private static readonly string[] HostileValues =
    [
        Encode(new string('x', 100_000)),
        Encode("not-a-number"),
        Encode("-99999999999999999999999"),
        Encode("1e309"),
        Encode("\u0000\u0001\u001b[31m\r\nInjected: a forged log line"),
        "%FF%FE%C3%28%ED%A0%80",
        Encode("<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"),
        Encode("   "),
        Encode("9999-12-31"),
        Encode("2026-02-30"),
    ];

    private static readonly string[] HostileNames =
    [
        "Input[", "[", "Input.Items[999999999].Text", "Input.Items[-1].Text", "Input..Statement", "__proto__",
        new string('n', 2_000), "Input.Statement%00", "%FF%FE",
    ];

    private static readonly string[] PublicPages =
    [
        "/", "/Privacy", "/AboutData", "/Identity/Account/Login", "/Identity/Account/Register",
        "/Identity/Account/ForgotPassword", "/Identity/Account/ResendEmailConfirmation",
    ];

    [Fact]
    public async Task No_form_answers_5xx_to_hostile_input_and_no_log_entry_grows_with_it()
    {
        var failures = new List<string>();
        var requests = 0;

        using (var visitor = app.NewBrowser())
        {
            requests += await FuzzPagesAsync(visitor, PublicPages, failures, signIn: null);
        }

        var (person, email) = await app.NewSignedInPersonAsync("fuzz");
        await SeedAsync(person);
        var pages = await CrawlAsync(person, "/");
        output.WriteLine($"Signed-in pages found: {pages.Count}: {string.Join(", ", pages)}");
        requests += await FuzzPagesAsync(person, pages, failures, signIn: email, output.WriteLine);

        var longLogs = app.Logs.Entries.Where(e => e.Message.Length > MaxLogEntryLength).ToList();
        var controlLogs = app.Logs.Entries.Where(e => e.Message.Any(c => c < ' ' && c != '\n' && c != '\r' && c != '\t')).ToList();
        var errors = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        output.WriteLine($"{requests} hostile requests; {app.Logs.Entries.Count} log entries, longest {app.Logs.Entries.Max(e => e.Message.Length)} characters.");

        // The walk must really reach the forms, or "no failures" means nothing.
        Assert.Contains("/Settings", pages);
        Assert.Contains(pages, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^/Goals/\d+$"));
        Assert.True(requests > 3_000, $"Only {requests} hostile requests were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(longLogs.Count == 0, "Over-long log entries:\n" + string.Join("\n", longLogs.Take(5).Select(e => $"{e.Category}: {e.Message[..300]}…")));
        Assert.True(controlLogs.Count == 0, "Log entries with control characters:\n" + string.Join("\n", controlLogs.Take(5).Select(e => $"{e.Category}: {e.Message}")));
        Assert.True(errors.Count == 0, "Errors logged:\n" + string.Join("\n", errors.Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        person.Dispose();
    }

    /// <summary>A goal, a milestone, a plan item and a contact, made through the forms, so their pages have forms too.</summary>
    private async Task SeedAsync(TestBrowser person)
    {
        var editor = await person.GetAsync("/Goals/Edit");
        var saved = await person.SubmitAsync(editor, "#goal-form", new Dictionary<string, string>
        {
            ["Input.Statement"] = "Move into UX design by completing 3 portfolio projects",
        });
        var goal = saved.Url.AbsolutePath;
        var goalPage = await person.GetAsync(goal);
        await person.SubmitAsync(goalPage, "#milestone-form", FillIn(goalPage, "#milestone-form"));
        goalPage = await person.GetAsync(goal);
        await person.SubmitAsync(goalPage, "#plan-form", FillIn(goalPage, "#plan-form"));
        var contact = await person.GetAsync("/Contacts/Edit");
        await person.SubmitAsync(contact, "#contact-form", FillIn(contact, "#contact-form"));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/Goals", followRedirects: false)).Status);
    }

    /// <summary>Plausible values for every empty text and date field of a form.</summary>
    private Dictionary<string, string> FillIn(WebPage page, string selector)
    {
        var values = new Dictionary<string, string>();
        var form = (IHtmlFormElement)page.Document.QuerySelector(selector)!;
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && string.IsNullOrEmpty(i.Value)))
        {
            values[input.Name!] = input.Type switch
            {
                "date" => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "email" => "someone@example.org",
                "url" => "https://example.org/",
                "number" => "3",
                _ => "A first small step",
            };
        }

        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
        {
            values[area.Name!] = "A few words";
        }

        return values;
    }

    private static async Task<List<string>> CrawlAsync(TestBrowser browser, string start)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && seen.Count < 120)
        {
            var page = await browser.GetAsync(queue.Dequeue());
            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains("Logout", StringComparison.OrdinalIgnoreCase)
                    && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.Contains('#', StringComparison.Ordinal) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return seen.ToList();
    }

    private static async Task<int> FuzzPagesAsync(TestBrowser browser, IEnumerable<string> paths, List<string> failures, string? signIn, Action<string>? log = null)
    {
        var requests = 0;
        var done = new HashSet<string>();
        foreach (var path in paths)
        {
            var page = await browser.GetAsync(path);
            Check(page.Response, $"GET {path}", failures);
            requests++;
            var forms = page.Document.QuerySelectorAll("form[method='post']").OfType<IHtmlFormElement>().ToList();
            for (var f = 0; f < forms.Count; f++)
            {
                foreach (var (action, extra) in Submissions(page, forms[f]))
                {
                    if (action.Contains("Logout", StringComparison.OrdinalIgnoreCase) || !done.Add(ShapeOf(action, forms[f])))
                    {
                        continue;
                    }

                    var sent = await FuzzFormAsync(browser, path, f, action, extra, failures);
                    requests += sent;
                    log?.Invoke($"{path}: form {f} → {action} {extra?.Name}: {sent} requests");
                    if (signIn is not null && (await browser.GetAsync("/Goals", followRedirects: false)).Status != HttpStatusCode.OK)
                    {
                        await browser.SignInAsync(signIn);
                    }
                }
            }
        }

        return requests;
    }

    private static async Task<int> FuzzFormAsync(TestBrowser browser, string path, int formIndex, string action, (string Name, string Value)? extra, List<string> failures)
    {
        var requests = 0;

        async Task SendAsync(Func<List<(string Name, string Value)>, List<(string Name, string Value)>> mutate, string label, string? to = null)
        {
            // A fresh copy of the page each time: tokens, versions and lists may have moved on.
            var page = await browser.GetAsync(path);
            var form = page.Document.QuerySelectorAll("form[method='post']").OfType<IHtmlFormElement>().ElementAtOrDefault(formIndex);
            if (form is null)
            {
                return;
            }

            var fields = FieldsOf(form);
            if (extra is { } button)
            {
                fields.Add((Encode(button.Name), Encode(button.Value)));
            }

            var body = string.Join("&", mutate(fields).Select(f => f.Name + "=" + f.Value));
            using var request = new HttpRequestMessage(HttpMethod.Post, to ?? action)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            using var response = await browser.Client.SendAsync(request);
            Check(response, $"POST {to ?? action} ({label}) from {path}", failures);
            requests++;
        }

        var names = FieldsOfCurrent(await browser.GetAsync(path), formIndex).Select(f => f.Name).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        foreach (var name in names)
        {
            foreach (var value in HostileValues)
            {
                await SendAsync(fields => fields.Select(f => f.Name == name ? (f.Name, value) : f).ToList(), $"{Uri.UnescapeDataString(name)} = {Describe(value)}");
            }
        }

        foreach (var name in HostileNames)
        {
            await SendAsync(fields => [.. fields, (name.Contains('%', StringComparison.Ordinal) ? name : Encode(name), "x")], $"field named {Describe(name)}");
        }

        await SendAsync(fields => fields.Where(f => f.Name == "__RequestVerificationToken").ToList(), "no fields");
        await SendAsync(fields => fields, "unknown handler", to: WithHandler(action, "NoSuchHandler"));
        return requests;
    }

    private static IEnumerable<(string Action, (string Name, string Value)? Extra)> Submissions(WebPage page, IHtmlFormElement form)
    {
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        yield return (action, null);
        foreach (var button in form.QuerySelectorAll("button[type='submit'], button:not([type]), input[type='submit']").Where(b => !b.HasAttribute("disabled")))
        {
            var formAction = button.GetAttribute("formaction");
            var name = button.GetAttribute("name");
            if (formAction is not null || name is not null)
            {
                yield return (formAction ?? action, name is null ? null : (name, button.GetAttribute("value") ?? string.Empty));
            }
        }
    }

    private static string ShapeOf(string action, IHtmlFormElement form)
    {
        // One fuzz per kind of form: the same handler on another record adds nothing.
        var shape = System.Text.RegularExpressions.Regex.Replace(action, @"\d+|[0-9a-f]{8}-[0-9a-f-]{27}", "#");
        return shape + "|" + string.Join(",", form.Elements.Select(e => e.GetAttribute("name")).Where(n => n is not null).Distinct());
    }

    private static List<(string Name, string Value)> FieldsOfCurrent(WebPage page, int formIndex) =>
        page.Document.QuerySelectorAll("form[method='post']").OfType<IHtmlFormElement>().ElementAtOrDefault(formIndex) is { } form ? FieldsOf(form) : [];

    private static List<(string Name, string Value)> FieldsOf(IHtmlFormElement form) =>
        TestBrowser.FieldsOf(form).Select(f => (Encode(f.Key), Encode(f.Value))).ToList();

    private static void Check(HttpResponseMessage response, string what, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{(int)response.StatusCode} for {what}");
        }
        else if (!response.Headers.Contains("Content-Security-Policy") || !response.Headers.Contains("X-Content-Type-Options"))
        {
            failures.Add($"no security headers on {(int)response.StatusCode} for {what}");
        }
    }

    private static string WithHandler(string action, string handler)
    {
        var withoutHandler = System.Text.RegularExpressions.Regex.Replace(action, @"([?&])handler=[^&]*&?", "$1").TrimEnd('?', '&');
        return withoutHandler + (withoutHandler.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Describe(string value) => value.Length > 30 ? $"{value[..20]}… ({value.Length} chars)" : value;
}
