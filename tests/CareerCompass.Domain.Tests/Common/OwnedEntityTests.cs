using CareerCompass.Domain.Contacts;

namespace CareerCompass.Domain.Tests.Common;

public sealed class OwnedEntityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Stamping_a_new_record_sets_both_times_in_utc_and_a_new_version()
    {
        var contact = Contact.Create("owner-1", new ContactDetails("Ada"), Today);
        var before = contact.Version;
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(2));

        contact.Stamp(now, isNew: true);

        Assert.Equal(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), contact.CreatedAtUtc);
        Assert.Equal(contact.CreatedAtUtc, contact.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, contact.CreatedAtUtc.Kind);
        Assert.NotEqual(before, contact.Version);
    }

    [Fact]
    public void Stamping_a_change_keeps_the_creation_time_and_renews_the_version()
    {
        var contact = Contact.Create("owner-1", new ContactDetails("Ada"), Today);
        var created = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        contact.Stamp(created, isNew: true);
        var firstVersion = contact.Version;

        contact.Stamp(created.AddHours(3), isNew: false);

        Assert.Equal(created.UtcDateTime, contact.CreatedAtUtc);
        Assert.Equal(created.AddHours(3).UtcDateTime, contact.UpdatedAtUtc);
        Assert.NotEqual(firstVersion, contact.Version);
    }

    [Fact]
    public void A_record_needs_an_owner()
    {
        Assert.Throws<ArgumentException>(() => Contact.Create(" ", new ContactDetails("Ada"), Today));
    }
}
