using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Makes a sign-in that never reaches the password check (unknown e-mail, unconfirmed or paused account) cost the
/// same as one that does, by verifying the password against a hash of nothing in particular.
/// </summary>
public sealed class SignInTiming(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };

    private static string? _dummyHash;

    public void SpendAsMuchAsAPasswordCheck(string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
