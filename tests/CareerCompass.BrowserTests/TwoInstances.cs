using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// Two real app processes (the built <c>CareerCompass.Web.dll</c>, Production environment) on loopback ports, on one
/// PostgreSQL database, behind Debian's nginx balancing round-robin with no stickiness (<c>scripts/nginx.sh</c>), and
/// Debian's Chromium pointed at nginx. Each instance has a data folder and an SMTP server (maildev) of its own, so a
/// test can tell which instance sent what; nginx's access log says which instance served each request.
/// <para>
/// Runs only when <c>CAREERCOMPASS_TEST_POSTGRES</c> names a server (<c>scripts/test.sh</c> sets it); otherwise
/// <see cref="SkipReason"/> says why and nothing is started.
/// </para>
/// </summary>
public sealed partial class TwoInstances : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "careercompass-two-instances", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private bool _nginxStarted;
    private MailDev[] _mail = [];

    /// <summary>Why the tests skip here: no PostgreSQL named for this run.</summary>
    public static string? SkipReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CAREERCOMPASS_TEST_POSTGRES"))
            ? "Needs PostgreSQL: set CAREERCOMPASS_TEST_POSTGRES (scripts/test.sh starts a server and sets it)."
            : null;

    public AppInstance First { get; private set; } = null!;

    public AppInstance Second { get; private set; } = null!;

    public IReadOnlyList<AppInstance> Instances => [First, Second];

    /// <summary>nginx's address: what the browser and every e-mail link use.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    private string NginxFolder => Path.Combine(_folder, "nginx");

    /// <summary>How long it took to start everything (database copy, maildev, nginx, both instances, Chromium).</summary>
    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        var started = Stopwatch.StartNew();

        Directory.CreateDirectory(_folder);
        ConnectionString = await PostgresServer.CreateMigratedDatabaseAsync("two_instances");

        // The instances' ports first, so that nginx (and with it the public address in every e-mail) is known before
        // either instance starts.
        var ports = new[] { FreePort(), FreePort() };
        _mail = await Task.WhenAll(MailDev.StartAsync(), MailDev.StartAsync());
        BaseUrl = (await RunScriptAsync("nginx.sh", ["start", NginxFolder, .. ports.Select(p => p.ToString(CultureInfo.InvariantCulture))])).Trim().Split('\n')[^1];
        _nginxStarted = true;

        First = new AppInstance("first", ports[0], Path.Combine(_folder, "first"), InstanceSettings(ports[0], "first", _mail[0]), _mail[0]);
        Second = new AppInstance("second", ports[1], Path.Combine(_folder, "second"), InstanceSettings(ports[1], "second", _mail[1]), _mail[1]);
        await Task.WhenAll(First.WaitUntilReadyAsync(), Second.WaitUntilReadyAsync());

        // The browser suite shares two cores with the HTTP suite run beside it: a page can take longer than Playwright's
        // default 5 s to arrive there, and an expectation that held a moment later failed a fresh-clone run (Settings
        // heading after a click in the phone menu). A wider wait still fails when the page never arrives.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        StartedIn = started.Elapsed;
    }

    public Task<IBrowserContext> NewDesktopContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });

    /// <summary>Starts again any instance a test killed, and waits until both are ready.</summary>
    public async Task BothRunningAsync(Action<string>? log = null)
    {
        var started = Stopwatch.StartNew();
        var restarted = Instances.Count(i => i.HasExited);
        foreach (var instance in Instances.Where(i => i.HasExited))
        {
            instance.Start();
        }

        await Task.WhenAll(First.WaitUntilReadyAsync(), Second.WaitUntilReadyAsync());
        log?.Invoke($"Everything started in {StartedIn.TotalSeconds:0.0} s; {restarted} instance(s) restarted in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>The confirmation link mailed to <paramref name="email"/>, by whichever instance sent it.</summary>
    public async Task<string> ConfirmationLinkAsync(string email)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            foreach (var instance in Instances)
            {
                var link = (await instance.Mail.MessagesAsync()).Where(m => m.IsTo(email))
                    .Select(m => ConfirmLink().Match(m.Text)).FirstOrDefault(m => m.Success);
                if (link is not null)
                {
                    return link.Value;
                }
            }
        }

        throw new InvalidOperationException($"No confirmation e-mail to {email} reached either instance's mail folder.");
    }

    /// <summary>The instance listening on <paramref name="port"/>.</summary>
    public AppInstance ByPort(int port) => Instances.Single(i => i.Port == port);

    /// <summary>
    /// nginx's access log so far: per request, every instance it tried (in order; more than one when it moved on)
    /// and the answer's status.
    /// </summary>
    public IReadOnlyList<ProxiedRequest> Requests()
    {
        var log = Path.Combine(NginxFolder, "access.log");
        if (!File.Exists(log))
        {
            return [];
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(ProxiedRequest.Parse).ToList();
    }

    /// <summary>A DbContext on the instances' database, for seeding and reading back.</summary>
    public AppDbContext Database() =>
        new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>()
            .UseNpgsql(ConnectionString)
            .AddInterceptors(new StampOwnedEntitiesInterceptor(TimeProvider.System))
            .Options);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var instance in new[] { First, Second }.Where(i => i is not null))
        {
            instance.Dispose();
        }

        foreach (var mail in _mail)
        {
            mail.Stop();
        }

        if (_nginxStarted)
        {
            await RunScriptAsync("nginx.sh", ["stop", NginxFolder]);
        }

        if (!string.IsNullOrEmpty(ConnectionString))
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the folder is in the temp directory.
        }
    }

    private Dictionary<string, string> InstanceSettings(int port, string name, MailDev mail) => new()
    {
        // Production, as a real deployment runs: the exception page, HSTS and the required public address are what
        // they would be on a server (nothing here needs Development).
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__CareerCompass"] = ConnectionString,
        ["App__PublicBaseUrl"] = BaseUrl,
        ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        ["DataRoot"] = Path.Combine(_folder, name),
        ["Email__Transport"] = "Smtp",
        ["Email__Smtp__Host"] = MailDev.SmtpHost,
        ["Email__Smtp__Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["DataProtection__KeysDirectory"] = "keys",

        // A pass every two seconds, small claims sent one at a time, a short lease: so that both dispatchers share a
        // batch of reminders, and a killed one's claim passes to the other within seconds.
        ["Reminders__Interval"] = "00:00:02",
        ["Reminders__BatchSize"] = "4",
        ["Reminders__ParallelSends"] = "1",
        ["Reminders__Lease"] = "00:00:08",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static async Task<string> RunScriptAsync(string script, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot, "scripts", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run scripts/{script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{script} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await error}");
        }

        return await output;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+ConfirmEmail\S+")]
    private static partial System.Text.RegularExpressions.Regex ConfirmLink();

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerCompass.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No CareerCompass.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One line of nginx's access log: the instances tried (ports, in order) and the status sent back.</summary>
public sealed record ProxiedRequest(IReadOnlyList<int> Tried, int Status, string Method, string Path)
{
    /// <summary>The instance that answered: the last one tried.</summary>
    public int ServedBy => Tried.Count > 0 ? Tried[^1] : 0;

    public static ProxiedRequest Parse(string line)
    {
        // "127.0.0.1:5001, 127.0.0.1:5002 200 GET /path": the addresses are comma-separated, then three fields.
        var fields = line.Trim().Split(' ');
        var tail = fields[^3..];
        var addresses = string.Join(' ', fields[..^3]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = addresses.Select(a => int.TryParse(a[(a.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture, out var port) ? port : 0).ToList();
        return new ProxiedRequest(ports, int.TryParse(tail[0], CultureInfo.InvariantCulture, out var status) ? status : 0, tail[1], tail[2]);
    }
}

/// <summary>One app process: <c>dotnet CareerCompass.Web.dll</c> from the Web project's build output.</summary>
public sealed class AppInstance : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly ProcessStartInfo _start;
    private Process _process = null!;

    public AppInstance(string name, int port, string dataRoot, IReadOnlyDictionary<string, string> environment, MailDev mail)
    {
        Mail = mail;
        ArgumentNullException.ThrowIfNull(environment);
        Name = name;
        Port = port;
        DataRoot = dataRoot;
        Directory.CreateDirectory(dataRoot);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _start = start;
        Start();
    }

    /// <summary>Starts the process (again, after <see cref="Kill"/>), on the same port, folder and database.</summary>
    public void Start()
    {
        _process?.Dispose();
        _process = new Process { StartInfo = _start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public string DataRoot { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The SMTP server this instance (and only this one) sends to: what it sent.</summary>
    public MailDev Mail { get; }

    /// <summary>The process's console output so far (for failure messages).</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>The built app: the Web project's own output for the configuration these tests were built in.</summary>
    public static string WebDll
    {
        get
        {
            // .../tests/CareerCompass.BrowserTests/bin/<Configuration>/<tfm>/
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfm.Parent?.Name ?? "Debug";
            var dll = Path.Combine(TwoInstances.RepositoryRoot, "src", "CareerCompass.Web", "bin", configuration, tfm.Name, "CareerCompass.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The app is not built: {dll} is missing.");
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The {Name} instance exited ({_process.ExitCode}) before it was ready:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while it starts.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The {Name} instance (port {Port}) was not ready in 90 s:\n{Output()}");
    }

    /// <summary>Ends the process at once (SIGKILL, the whole tree), as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
