using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// OWASP's device cookie: a browser where someone has signed in successfully remembers it (a signed, encrypted cookie
/// naming the account, for a year). Strangers' guesses then can't keep the owner out: from a trusted browser the
/// per-account throttle doesn't apply and the right password ends a pause. Guessing from anywhere else still meets
/// both.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "CareerCompass.Device";
    private const int MaxAccounts = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("CareerCompass.TrustedDevice.v1").ToTimeLimitedDataProtector();

    public bool IsTrusted(HttpRequest request, string normalizedEmail) => AccountsIn(request).Contains(normalizedEmail, StringComparer.Ordinal);

    public void Trust(HttpContext context, string normalizedEmail)
    {
        var accounts = AccountsIn(context.Request).Where(a => a != normalizedEmail).Prepend(normalizedEmail).Take(MaxAccounts);
        var value = _protector.Protect(string.Join('\n', accounts), clock.GetUtcNow() + Lifetime);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
        });
    }

    private string[] AccountsIn(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return [];
        }

        try
        {
            return _protector.Unprotect(value, out _).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (CryptographicException)
        {
            return [];
        }
    }
}
