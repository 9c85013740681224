using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Data;

/// <summary>A person's account. Everything they write is an <c>OwnedEntity</c> pointing back here.</summary>
public sealed class AppUser : IdentityUser
{
}
