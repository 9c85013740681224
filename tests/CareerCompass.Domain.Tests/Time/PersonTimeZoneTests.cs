using CareerCompass.Domain.Time;

namespace CareerCompass.Domain.Tests.Time;

public sealed class PersonTimeZoneTests
{
    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Pacific/Kiritimati", "Pacific/Kiritimati")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    [InlineData("UTC", "UTC")]
    [InlineData("europe/london", "Europe/London")]
    // Chromium still reports some older names (ICU's canonical ids): they are zones this server knows.
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    public void A_zone_the_server_knows_is_found_with_its_id_as_the_server_spells_it(string id, string expected)
    {
        Assert.True(PersonTimeZone.TryFind(id, out var zone));
        Assert.Equal(expected, zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/../Europe/London")]
    [InlineData("Pacific Standard Time")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("Europe/London\u0000")]
    [InlineData(" Europe/London")]
    [InlineData("<script>alert(1)</script>")]
    public void Anything_else_is_not_a_time_zone(string? id)
    {
        Assert.False(PersonTimeZone.TryFind(id, out var zone));
        Assert.Null(zone);
        Assert.Same(TimeZoneInfo.Utc, PersonTimeZone.FindOrUtc(id));
    }

    [Fact]
    public void An_over_long_id_is_refused_before_it_is_looked_up() =>
        Assert.False(PersonTimeZone.TryFind("America/" + new string('A', PersonTimeZone.MaxLength), out _));
}
