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

    public static async Task<Instance> StartAsync(string provider, string connection, string folder, string publicUrl)
    {
        var port = ScaleBenchmark.FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The app's own runtime settings: server GC, as CareerCompass.Web.runtimeconfig.json has it (this project's has not).
        start.Environment["DOTNET_gcServer"] = "1";
        // Under `dotnet CareerCompass.Bench.dll` the process is dotnet itself: name the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Instance).Assembly.Location);
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

/// <summary>Debian's nginx in front of the instances: round-robin, no sticky sessions, as in docs/operations.md.</summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<Nginx> StartAsync(string folder, int port, IReadOnlyList<int> upstreams)
    {
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var servers = string.Concat(upstreams.Select(p => FormattableString.Invariant($"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n")));
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}worker_processes 1;
            error_log logs/error.log warn;
            pid logs/nginx.pid;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path logs/body;
              proxy_temp_path logs/proxy;
              fastcgi_temp_path logs/fastcgi;
              uwsgi_temp_path logs/uwsgi;
              scgi_temp_path logs/scgi;
              upstream careercompass {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://careercompass;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_connect_timeout 2s;
                  proxy_next_upstream error timeout http_502;
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Couldn't start nginx.");
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Host = ScaleBenchmark.PublicHost;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 50 && !process.HasExited)
            {
            }

            if (process.HasExited || attempt >= 50)
            {
                throw new InvalidOperationException($"nginx didn't start: {await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(100);
        }

        return new Nginx(process, port);
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
