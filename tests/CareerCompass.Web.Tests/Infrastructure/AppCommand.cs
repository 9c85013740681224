using System.Diagnostics;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// Runs one of the app's commands (<c>dotnet CareerCompass.Web.dll &lt;command&gt; …</c>) as a process of its own, as
/// an operator would, against the factory's data folder, mailbox and database (or <paramref name="database"/>'s
/// settings instead), in Production; returns its exit code and everything it printed.
/// </summary>
public static class AppCommand
{
    public static async Task<(int Code, string Output)> RunAsync(CareerCompassFactory app, IEnumerable<KeyValuePair<string, string>> database, TimeSpan timeout, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Server; // the app (and its database) exist before the command runs against them
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DataRoot"] = app.DataRoot;
        foreach (var (key, value) in database)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["App__PublicBaseUrl"] = "http://localhost"; // required outside Development, as on a server
        start.Environment["Email__Transport"] = "Pickup";
        start.Environment["Email__PickupDirectory"] = app.Mailbox.Folder;
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(app.DataRoot, "keys");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await output + await error);
    }
}
