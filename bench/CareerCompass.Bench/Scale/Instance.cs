using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CareerCompass.Bench.Scale;

/// <summary>An app instance in a process of its own (this benchmark's <c>scale-serve</c>), stopped by closing its input.</summary>
internal sealed class Instance : IAsyncDisposable
{
    private readonly Process _process;

    private Instance(Process process, int port, string connection)
    {
        _process = process;
        Port = port;
        Connection = connection;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri Address { get; }

    public string Connection { get; }

    /// <summary>The dotnet host: this process's own when it is dotnet, else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public static async Task<Instance> StartAsync(string provider, string connection, string folder, string publicUrl)
    {
        var port = ScaleBenchmark.FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The app's own runtime settings (its GC above all): the instance runs with CareerCompass.Web.runtimeconfig.json,
        // not this project's, so what is measured is how the app runs. BENCH_GC_SERVER=0/1 overrides, for experiments.
        var bin = Path.GetDirectoryName(typeof(Instance).Assembly.Location)!;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(bin, "CareerCompass.Web.runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(bin, "CareerCompass.Bench.deps.json"));
        start.ArgumentList.Add(typeof(Instance).Assembly.Location);
        if (Environment.GetEnvironmentVariable("BENCH_GC_SERVER") is { Length: > 0 } server)
        {
            start.Environment["DOTNET_gcServer"] = server;
        }

        // BENCH_HEAP_LIMIT_MB=128: each instance's managed heap capped as docs/operations.md suggests for server GC
        // (what a container's memory limit does by itself), without capping this process's seeding.
        if (Environment.GetEnvironmentVariable("BENCH_HEAP_LIMIT_MB") is { Length: > 0 } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = (long.Parse(limit, CultureInfo.InvariantCulture) * 1024 * 1024).ToString("x", CultureInfo.InvariantCulture);
        }

        foreach (var argument in new[] { "scale-serve", "--provider", provider, "--connection", connection, "--port", port.ToString(CultureInfo.InvariantCulture), "--data", folder, "--public", publicUrl })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Couldn't start an app instance.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        // The app logs to standard output too; "ready" is the host's own line once Kestrel listens.
        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync();
        }
        while (line is not null && line != "ready");
        if (line != "ready")
        {
            string said;
            lock (errors)
            {
                said = errors.ToString();
            }

            throw new InvalidOperationException($"The app instance didn't start (it said \"{line}\"): {said}");
        }

        // The rest of its output is drained so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        Console.WriteLine(FormattableString.Invariant($"instance on port {port} (pid {process.Id}) ready in {watch.Elapsed.TotalSeconds:0.0} s"));
        return new Instance(process, port, connection);
    }

    /// <summary>The most memory the process has held (VmHWM), in MB.</summary>
    public double PeakMb() => Status("VmHWM");

    /// <summary>The memory the process holds now (VmRSS), in MB.</summary>
    public double ResidentMb() => Status("VmRSS");

    private double Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}

/// <summary>
/// Debian's nginx in front of the instances, started by <c>scripts/nginx.sh</c> (the configuration the two-instance
/// tests run and docs/operations.md shows: round-robin, no sticky sessions).
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly string _folder;
    private bool _disposed;

    private Nginx(string folder, Uri address)
    {
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<Nginx> StartAsync(string folder, IReadOnlyList<int> upstreams)
    {
        Directory.CreateDirectory(folder);
        var said = ScaleBenchmark.Run(Script, $"start {folder} {string.Join(' ', upstreams)}").Trim().Split('\n')[^1];
        // The script prints http://localhost:N; requests go to 127.0.0.1 and name the public host themselves.
        var port = new Uri(said).Port;
        return Task.FromResult(new Nginx(folder, new Uri(FormattableString.Invariant($"http://127.0.0.1:{port}"))));
    }

    private static string Script => Path.Combine(Repository.Root, "scripts", "nginx.sh");

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            ScaleBenchmark.Run(Script, $"stop {_folder}");
        }

        return ValueTask.CompletedTask;
    }
}
