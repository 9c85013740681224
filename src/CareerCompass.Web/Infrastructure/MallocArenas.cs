using System.Runtime.InteropServices;

namespace CareerCompass.Web.Infrastructure;

/// <summary>
/// Caps glibc's malloc arenas for the web server. glibc gives each thread that allocates natively an arena of its own,
/// up to eight per core, and an arena keeps the highest it ever reached: free space below a live block is not given
/// back. Under load every thread-pool thread runs SQLite (its statements, pages and sorts are malloc'd), so an
/// instance ends up holding the sum of many arenas' peaks. Two arenas, as glibc's own tunable
/// <c>MALLOC_ARENA_MAX=2</c> would give, took an instance's peak at 32 connections (server GC then) from 412–443 MB
/// to 348–403 MB in four runs, with the same throughput (docs/benchmarks.md, "Memory per instance", 2026-12-04).
/// </summary>
/// <remarks>
/// Only the server calls this; the one-off commands exit before arenas matter. An operator's own
/// <c>MALLOC_ARENA_MAX</c> wins: glibc has read it before the app starts, and this leaves it alone. Anywhere but
/// Linux with glibc (macOS, Windows, musl) there is no such setting and nothing happens.
/// </remarks>
internal static class MallocArenas
{
    public const int ForServer = 2;

    /// <summary>glibc's <c>M_ARENA_MAX</c> parameter of <c>mallopt</c> (malloc.h).</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// Limits the process to <paramref name="arenas"/> malloc arenas unless the environment already says how many.
    /// True when glibc took the limit; false when the operator's setting stands or there is no glibc.
    /// </summary>
    public static bool Limit(int arenas, Func<string, string?> environment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        ArgumentNullException.ThrowIfNull(environment);
        if (!OperatingSystem.IsLinux() || !string.IsNullOrWhiteSpace(environment("MALLOC_ARENA_MAX")))
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

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    private static extern int Mallopt(int parameter, int value);
}
