using CareerCompass.Web.Infrastructure;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// The server asks glibc for at most two malloc arenas (<see cref="MallocArenas"/>): glibc's <c>mallopt</c> must be
/// reachable and accept it here, and an operator's own setting must stand. Whether it lowers memory is measured, not
/// tested: docs/benchmarks.md, "Memory per instance".
/// </summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void Glibcs_mallopt_is_reachable_and_accepts_the_limit() =>
        // The suite runs on Debian (glibc); elsewhere there is no such setting to take.
        Assert.Equal(OperatingSystem.IsLinux(), MallocArenas.Limit(MallocArenas.ForServer, _ => null));

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", "1")]
    [InlineData("MALLOC_ARENA_MAX", "8")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1048576:glibc.malloc.arena_max=1")]
    public void An_operators_own_setting_stands(string name, string value) =>
        Assert.False(MallocArenas.Limit(MallocArenas.ForServer, asked => asked == name ? value : null));

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", " ")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1048576")]
    public void A_setting_that_says_nothing_of_arenas_leaves_the_limit_to_the_app(string name, string value) =>
        Assert.Equal(OperatingSystem.IsLinux(), MallocArenas.Limit(MallocArenas.ForServer, asked => asked == name ? value : null));

    [Fact]
    public void A_limit_below_one_arena_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MallocArenas.Limit(0, _ => null));
}
