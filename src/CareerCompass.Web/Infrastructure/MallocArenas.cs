using System.Runtime.InteropServices;

namespace CareerCompass.Web.Infrastructure;

/// <summary>
/// Stops glibc adding malloc arenas past two in the web server. glibc gives each thread that allocates natively an
/// arena of its own (by default up to eight a core), and an arena keeps the highest it ever reached: free space below a
/// live block is not given back. Under load every thread-pool thread runs SQLite (its statements, pages and sorts are
/// malloc'd), so an instance ends up holding the sum of many arenas' peaks. Arenas made before this call stay, and
/// glibc's own <c>MALLOC_ARENA_MAX=2</c>, read before anything runs, does the same job more surely; this is the
/// fallback for a deployment that doesn't set it. Figures: docs/benchmarks.md, "Memory per instance", 2026-12-04.
/// </summary>
/// <remarks>
/// Only the app's own process calls this (not the one-off commands, which exit before arenas matter, nor a test host).
/// An operator's <c>MALLOC_ARENA_MAX</c>, or <c>glibc.malloc.arena_max</c> in <c>GLIBC_TUNABLES</c>, wins: this
/// leaves them alone. Anywhere but Linux with glibc (macOS, Windows, musl) there is no such setting and nothing
/// happens.
/// </remarks>
internal static class MallocArenas
{
    public const int ForServer = 2;

    /// <summary>glibc's <c>M_ARENA_MAX</c> parameter of <c>mallopt</c> (malloc.h).</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// Asks glibc for at most <paramref name="arenas"/> malloc arenas from now on, unless the environment already says
    /// how many. True when glibc's <c>mallopt</c> was called and accepted the setting; false when the operator's
    /// setting stands or there is no glibc.
    /// </summary>
    public static bool Limit(int arenas, Func<string, string?> environment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        ArgumentNullException.ThrowIfNull(environment);
        if (!OperatingSystem.IsLinux() || SetByOperator(environment))
        {
            return false;
        }

        try
        {
            return Mallopt(ArenaMaxParameter, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool SetByOperator(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(environment("MALLOC_ARENA_MAX"))
        || environment("GLIBC_TUNABLES")?.Contains("glibc.malloc.arena_max", StringComparison.Ordinal) == true;

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
