using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CareerCompass.Tests.Calendar;

/// <summary>
/// Mozilla's ical.js, an independent RFC 5545 parser, run with node on <c>tests/tools/parse-ics.mjs</c>: what a
/// calendar app would make of the text. It needs <c>tests/tools/node_modules</c>, which <c>scripts/test.sh</c>
/// installs; without it the test fails and says so (it is never skipped).
/// </summary>
public static class IcalJs
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        var tools = ToolsFolder();
        var script = Path.Combine(tools, "parse-ics.mjs");
        if (!File.Exists(Path.Combine(tools, "node_modules", "ical.js", "package.json")))
        {
            throw new InvalidOperationException(
                $"ical.js is not installed in {tools}/node_modules. Run ./scripts/test.sh once (it runs `npm ci --prefix tests/tools`), or run that npm command yourself.");
        }

        var start = new ProcessStartInfo(File.Exists("/usr/bin/node") ? "/usr/bin/node" : "node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(ics);
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"ical.js refused the calendar (exit {node.ExitCode}): {await errors}");
        }

        return JsonSerializer.Deserialize<ParsedCalendar>(await output, Json) ?? throw new InvalidOperationException("ical.js printed nothing.");
    }

    private static string ToolsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CareerCompass.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "tools");
            }
        }

        throw new InvalidOperationException($"No CareerCompass.sln above {AppContext.BaseDirectory}: where is tests/tools?");
    }
}

public sealed record ParsedCalendar(
    string Name, string? Version, string? Prodid, string? Calscale, string? Method, string? CalendarName, IReadOnlyList<ParsedEvent> Events);

/// <summary>An event as ical.js read it: dates as <c>yyyy-MM-dd</c>, DTSTAMP as <c>yyyy-MM-ddTHH:mm:ssZ</c>, text unescaped.</summary>
public sealed record ParsedEvent(
    string? Uid, string? Summary, string? Description, string? Url, string? Start, string? StartType, string? End, string? EndType, string? Dtstamp, bool? DtstampIsUtc);
