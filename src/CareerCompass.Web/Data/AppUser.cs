using CareerCompass.Domain.Time;
using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Data;

/// <summary>A person's account. Everything they write is an <c>OwnedEntity</c> pointing back here.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>
    /// The person's time zone, an IANA id this server knows (<see cref="PersonTimeZone"/>): "today" and the times
    /// shown to them are on this calendar. Filled from the browser at registration, changed in Settings.
    /// </summary>
    [PersonalData]
    public string TimeZone { get; set; } = PersonTimeZone.Default;
}
