using CareerCompass.Web.Infrastructure;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// The server caps glibc's malloc arenas (<see cref="MallocArenas"/>): glibc must take the setting on this machine,
/// and an operator's own <c>MALLOC_ARENA_MAX</c> must stand.
/// </summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void Glibc_takes_the_servers_arena_limit() =>
        // The suite runs on Debian (glibc); elsewhere there is no such setting to take.
        Assert.Equal(OperatingSystem.IsLinux(), MallocArenas.Limit(MallocArenas.ForServer, _ => null));

    [Theory]
    [InlineData("1")]
    [InlineData("8")]
    public void An_operators_MALLOC_ARENA_MAX_stands(string value)
    {
        var asked = new List<string>();
        Assert.False(MallocArenas.Limit(MallocArenas.ForServer, name =>
        {
            asked.Add(name);
            return value;
        }));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(["MALLOC_ARENA_MAX"], asked);
        }
    }

    [Fact]
    public void A_limit_below_one_arena_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MallocArenas.Limit(0, _ => null));
}
