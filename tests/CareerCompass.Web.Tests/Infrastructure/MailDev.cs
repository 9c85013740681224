using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareerCompass.Web.Infrastructure.Email;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: npm maildev 3.0.0 (tests/tools, installed by <c>scripts/test.sh</c>) on free
/// loopback ports, with its REST API to read back what arrived. maildev keeps messages in memory and writes each
/// as an .eml file to a mail folder of this instance's own; the full headers and MIME parts are read from those
/// files (maildev's JSON drops headers it parses into objects, such as <c>List-Unsubscribe</c>, and
/// content-type parameters).
/// <para>
/// Use it as a class fixture (<c>IClassFixture&lt;MailDev&gt;</c>: one server per test class) or through the
/// <see cref="SharedMailDev"/> collection (one server shared by every class in it, which then run one after
/// another). Outside xunit: <c>await using var mail = await MailDev.StartAsync();</c>.
/// </para>
/// <para>
/// Volume: maildev's SMTP library waits 100 ms before greeting each connection, and SmtpClient opens one connection
/// per message, so 1,000 messages sent one after another take about 2.5 minutes here; sent 16 at a time
/// (<c>Parallel.ForEachAsync</c>; AppMailer is safe to call concurrently) about 14 s. Reading 1,000 back with
/// <see cref="MessagesAsync"/> takes about half a second.
/// </para>
/// </summary>
public sealed class MailDev : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly StringBuilder _output = new();
    private Process? _process;
    private HttpClient? _http;

    /// <summary>The folder maildev writes its .eml files to (deleted on <see cref="Stop"/>).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "careercompass-maildev", Guid.NewGuid().ToString("N"));

    public static string SmtpHost => "127.0.0.1";

    public int SmtpPort { get; private set; }

    /// <summary>The web UI and REST API (<c>/api/...</c>).</summary>
    public Uri WebAddress { get; private set; } = null!;

    /// <summary><see cref="EmailOptions"/> whose SMTP transport sends to this server.</summary>
    public EmailOptions EmailOptions(string from = "CareerCompass <no-reply@careercompass.local>") => new()
    {
        Transport = EmailTransport.Smtp,
        From = from,
        Smtp = new SmtpOptions { Host = SmtpHost, Port = SmtpPort, TimeoutSeconds = 30 },
    };

    /// <summary>Configuration keys that point the app at this server: copy into <c>CareerCompassFactory.Settings</c>.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Email:Transport"] = nameof(EmailTransport.Smtp),
        ["Email:Smtp:Host"] = SmtpHost,
        ["Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<MailDev> StartAsync()
    {
        var mailDev = new MailDev();
        await mailDev.InitializeAsync();
        return mailDev;
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(Repository.Root, "tests", "tools", "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"maildev is not installed ({script} is missing): run `npm ci --prefix tests/tools` (scripts/test.sh does).");
        }

        Directory.CreateDirectory(MailDirectory);
        // An empty config file of its own, so no maildev.config.* or .maildevrc.json around the machine applies.
        var config = Path.Combine(MailDirectory, "maildev-config.json");
        await File.WriteAllTextAsync(config, "{}");

        // A port picked free can be taken before maildev binds it: then maildev exits and it is tried again.
        for (var attempt = 1; ; attempt++)
        {
            SmtpPort = FreePort();
            var webPort = FreePort();
            WebAddress = new Uri($"http://127.0.0.1:{webPort}/");
            _process = Start(script, config, webPort);
            _http = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromSeconds(60) };
            if (await AnswersAsync())
            {
                return;
            }

            StopProcess();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"maildev did not start on ports {SmtpPort}/{webPort}:\n{Output()}");
            }
        }
    }

    /// <summary>Every message maildev holds, in arrival order: one REST call, then each message's .eml read from disk.</summary>
    public async Task<IReadOnlyList<MailDevMessage>> MessagesAsync(CancellationToken cancellationToken = default)
    {
        var emails = await Http.GetFromJsonAsync<List<EmailJson>>("api/email", Json, cancellationToken) ?? [];
        return emails.Select(ToMessage).ToList();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages match <paramref name="predicate"/> and returns all that
    /// match. Between full reads it asks only for maildev's message count, so waiting on a large inbox stays cheap.
    /// </summary>
    public async Task<IReadOnlyList<MailDevMessage>> WaitForAsync(Func<MailDevMessage, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var lastRead = -1;
        List<MailDevMessage> matching = [];
        while (true)
        {
            var total = await CountAsync();
            if (total >= count && total != lastRead)
            {
                lastRead = total;
                matching = (await MessagesAsync()).Where(predicate).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {count} matching message(s); maildev holds {total}, {matching.Count} of them matching.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>How many messages maildev holds (one small request).</summary>
    public async Task<int> CountAsync()
    {
        var page = await Http.GetFromJsonAsync<SummaryPageJson>("api/email/summary?limit=1", Json);
        return page?.StoreTotal ?? 0;
    }

    /// <summary>Deletes every message (DELETE /api/email/all).</summary>
    public async Task ClearAsync()
    {
        using var response = await Http.DeleteAsync(new Uri("api/email/all", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An attachment's bytes as maildev serves them (GET /api/email/:id/attachment/:generatedFileName).</summary>
    public Task<byte[]> AttachmentAsync(MailDevMessage message, MailDevAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        return Http.GetByteArrayAsync(new Uri($"api/email/{Uri.EscapeDataString(message.Id)}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}", UriKind.Relative));
    }

    /// <summary>The message exactly as received (GET /api/email/:id/source).</summary>
    public Task<byte[]> SourceAsync(string id) =>
        Http.GetByteArrayAsync(new Uri($"api/email/{Uri.EscapeDataString(id)}/source", UriKind.Relative));

    /// <summary>Kills maildev and its children and deletes its mail folder. Safe to call more than once.</summary>
    public void Stop()
    {
        StopProcess();
        try
        {
            if (Directory.Exists(MailDirectory))
            {
                Directory.Delete(MailDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is cleaned later.
        }
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private HttpClient Http => _http ?? throw new InvalidOperationException("maildev has not been started.");

    private Process Start(string script, string config, int webPort)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = MailDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--config", config,
            "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", SmtpHost,
            "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-ip", SmtpHost,
            "--mail-directory", MailDirectory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Only the flags above: no outgoing relay, auto-relay, MCP or authentication from a MAILDEV_* variable.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MAILDEV_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> AnswersAsync()
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30);)
        {
            if (_process!.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("api/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private void StopProcess()
    {
        _http?.Dispose();
        _http = null;
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited on its own.
        }

        _process.Dispose();
        _process = null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private MailDevMessage ToMessage(EmailJson email)
    {
        var raw = RawMail.Read(email.Source);
        var rawAttachments = raw.Attachments.ToList();
        var attachments = email.Attachments.Select((a, i) => new MailDevAttachment(
            a.Filename ?? string.Empty,
            a.GeneratedFileName,
            a.ContentType ?? string.Empty,
            // The part's own Content-Type, parameters included; maildev's keeps the media type only.
            rawAttachments.Count == email.Attachments.Count ? rawAttachments[i].ContentType : a.ContentType ?? string.Empty,
            a.Size ?? 0)).ToList();
        return new MailDevMessage(
            email.Id,
            email.Subject ?? string.Empty,
            email.From?.Select(Address).ToList() ?? [],
            email.To?.Select(Address).ToList() ?? [],
            raw.Headers,
            email.Text ?? string.Empty,
            email.Html ?? string.Empty,
            attachments,
            email.Source);
    }

    private static MailDevAddress Address(AddressJson a) => new(a.Address ?? string.Empty, string.IsNullOrEmpty(a.Name) ? null : a.Name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record EmailJson(
        string Id,
        string? Subject,
        string Source,
        List<AddressJson>? From,
        List<AddressJson>? To,
        string? Text,
        string? Html,
        List<AttachmentJson> Attachments);

    private sealed record AddressJson(string? Address, string? Name);

    private sealed record AttachmentJson(string? Filename, string GeneratedFileName, string? ContentType, long? Size);

    private sealed record SummaryPageJson([property: JsonPropertyName("storeTotal")] int StoreTotal);
}

/// <summary>One maildev instance shared by every test class in the collection: <c>[Collection(SharedMailDev.Name)]</c> and a <see cref="MailDev"/> constructor parameter.</summary>
[CollectionDefinition(Name)]
public sealed class SharedMailDev : ICollectionFixture<MailDev>
{
    public const string Name = "MailDev";
}

/// <summary>A message as maildev received it.</summary>
/// <param name="Id">maildev's id, for <see cref="MailDev.SourceAsync"/> and attachments.</param>
/// <param name="Subject">Decoded (RFC 2047) by maildev.</param>
/// <param name="Headers">Every top-level header from the .eml, names case-insensitive, values unfolded but not decoded.</param>
/// <param name="Text">The text/plain part, decoded.</param>
/// <param name="Html">The text/html part, decoded.</param>
/// <param name="SourcePath">maildev's .eml copy; <see cref="RawMail.Read"/> reads every MIME part from it.</param>
public sealed record MailDevMessage(
    string Id,
    string Subject,
    IReadOnlyList<MailDevAddress> From,
    IReadOnlyList<MailDevAddress> To,
    IReadOnlyDictionary<string, string> Headers,
    string Text,
    string Html,
    IReadOnlyList<MailDevAttachment> Attachments,
    string SourcePath)
{
    public string? MessageId => Headers.GetValueOrDefault("Message-ID");

    public bool IsTo(string address) => To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase));
}

public sealed record MailDevAddress(string Address, string? Name);

/// <param name="FileName">The name as sent.</param>
/// <param name="GeneratedFileName">maildev's name for it, which its attachment URL takes.</param>
/// <param name="MediaType">maildev's media type (<c>text/calendar</c>).</param>
/// <param name="ContentType">The part's whole Content-Type (<c>text/calendar; method=PUBLISH; charset=utf-8; name=review.ics</c>).</param>
/// <param name="Size">In bytes, as maildev counted them.</param>
public sealed record MailDevAttachment(string FileName, string GeneratedFileName, string MediaType, string ContentType, long Size);
