using CareerCompass.Domain.Common;
using CareerCompass.Domain.Contacts;

namespace CareerCompass.Domain.Tests.Contacts;

public sealed class ContactTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void A_contact_keeps_its_owner_and_tidies_its_text()
    {
        var contact = Contact.Create("owner-1", new ContactDetails("  Ada  ", Role: "  ", HowMet: " Meetup "), Today);

        Assert.Equal("owner-1", contact.OwnerId);
        Assert.Equal("Ada", contact.Name);
        Assert.Null(contact.Role);
        Assert.Equal("Meetup", contact.HowMet);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_contact_without_a_name_is_rejected(string? name)
    {
        var error = Assert.Throws<DomainRuleException>(() => Contact.Create("owner-1", new ContactDetails(name), Today));
        Assert.Equal(nameof(ContactDetails.Name), error.Field);
    }

    [Fact]
    public void A_last_contact_in_the_future_is_rejected()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Contact.Create("owner-1", new ContactDetails("Ada", LastContactOn: Today.AddDays(1)), Today));
        Assert.Equal(nameof(ContactDetails.LastContactOn), error.Field);
    }

    [Fact]
    public void A_last_contact_today_is_accepted()
    {
        var contact = Contact.Create("owner-1", new ContactDetails("Ada", LastContactOn: Today), Today);
        Assert.Equal(Today, contact.LastContactOn);
    }

    [Fact]
    public void A_follow_up_before_the_last_contact_is_rejected()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Contact.Create("owner-1", new ContactDetails("Ada", LastContactOn: Today.AddDays(-1), NextFollowUpOn: Today.AddDays(-2)), Today));
        Assert.Equal(nameof(ContactDetails.NextFollowUpOn), error.Field);
    }

    [Fact]
    public void A_rejected_update_changes_nothing()
    {
        var contact = Contact.Create("owner-1", new ContactDetails("Ada", Role: "Mentor"), Today);

        Assert.Throws<DomainRuleException>(() => contact.Update(new ContactDetails("Grace", LastContactOn: Today.AddDays(3)), Today));

        Assert.Equal("Ada", contact.Name);
        Assert.Equal("Mentor", contact.Role);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_follow_up_is_due_on_or_after_its_date(int daysFromToday, bool due)
    {
        var contact = Contact.Create("owner-1", new ContactDetails("Ada", NextFollowUpOn: Today.AddDays(daysFromToday)), Today.AddDays(-5));
        Assert.Equal(due, contact.IsFollowUpDue(Today));
    }

    [Fact]
    public void A_contact_without_a_follow_up_is_never_due()
    {
        Assert.False(Contact.Create("owner-1", new ContactDetails("Ada"), Today).IsFollowUpDue(Today));
    }
}
