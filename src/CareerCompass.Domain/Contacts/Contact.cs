using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Contacts;

/// <summary>
/// Someone in a person's network — a mentor, a former colleague, someone met at an event — with when they last
/// spoke and when to follow up. Goals will link to contacts as their support.
/// </summary>
public sealed class Contact : OwnedEntity
{
    private Contact(string ownerId, string name)
        : base(ownerId)
    {
        Name = name;
    }

    public string Name { get; private set; }

    public string? Role { get; private set; }

    public string? HowMet { get; private set; }

    public DateOnly? LastContactOn { get; private set; }

    public DateOnly? NextFollowUpOn { get; private set; }

    public string? Notes { get; private set; }

    public static Contact Create(string ownerId, ContactDetails details, DateOnly today)
    {
        var contact = new Contact(ownerId, string.Empty);
        contact.Update(details, today);
        return contact;
    }

    public void Update(ContactDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = details.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainRuleException(nameof(ContactDetails.Name), "Please add a name so you can recognise this contact later.");
        }

        if (details.LastContactOn > today)
        {
            throw new DomainRuleException(nameof(ContactDetails.LastContactOn), "The last contact can't be in the future. For a planned conversation, use the follow-up date.");
        }

        if (details.NextFollowUpOn is { } followUp && details.LastContactOn is { } last && followUp < last)
        {
            throw new DomainRuleException(nameof(ContactDetails.NextFollowUpOn), "The follow-up should come after your last contact.");
        }

        Name = name;
        Role = Strings.Tidy(details.Role);
        HowMet = Strings.Tidy(details.HowMet);
        LastContactOn = details.LastContactOn;
        NextFollowUpOn = details.NextFollowUpOn;
        Notes = Strings.Tidy(details.Notes);
    }

    public bool IsFollowUpDue(DateOnly today) => NextFollowUpOn is { } followUp && followUp <= today;
}

public sealed record ContactDetails(
    string? Name,
    string? Role = null,
    string? HowMet = null,
    DateOnly? LastContactOn = null,
    DateOnly? NextFollowUpOn = null,
    string? Notes = null);
