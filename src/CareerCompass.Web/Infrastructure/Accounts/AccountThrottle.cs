using System.Globalization;
using System.Threading.RateLimiting;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Slows down guessing without handing strangers a way to lock someone out: sign-in attempts are throttled per
/// client address, and wrong passwords per account — except from a browser the owner has signed in on before
/// (<see cref="TrustedDevices"/>). A throttled attempt is refused before the password is checked, so it never counts
/// towards the lock-out. The forms that send e-mail or create accounts are throttled per client address. Limits are
/// per instance (in memory); see docs/security.md.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signInByAddress;
    private readonly PartitionedRateLimiter<string> _formsByAddress;

    public AccountThrottle(IConfiguration config, TimeProvider clock)
    {
        var limits = config.GetSection("RateLimits");
        _signInByAddress = Window(limits.GetValue("SignInPerAddressPerMinute", 20), TimeSpan.FromMinutes(1));
        Failures = new SignInFailures(clock, Math.Max(1, limits.GetValue("SignInFailuresPerAccountPerHour", 30)), TimeSpan.FromHours(1));
        _formsByAddress = Window(limits.GetValue("AccountFormsPerAddressPerHour", 30), TimeSpan.FromHours(1));
    }

    /// <summary>Wrong passwords per account (by normalised e-mail).</summary>
    public SignInFailures Failures { get; }

    /// <summary>Null when this sign-in may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? SignIn(HttpContext context, string normalizedEmail, bool trustedDevice) =>
        Acquire(_signInByAddress, ClientAddress(context)) ?? (trustedDevice ? null : Failures.WaitFor(normalizedEmail));

    /// <summary>
    /// Ends a pause and forgets the wrong passwords that led to it: when the owner proves who they are (the mailed
    /// unlock link, a password reset, the right password from a trusted browser).
    /// </summary>
    public async Task EndPauseAsync(UserManager<AppUser> users, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Failures.Forget(user.NormalizedEmail ?? string.Empty);
    }

    /// <summary>Registration, forgot password and resend confirmation, per client address.</summary>
    public TimeSpan? AccountForm(HttpContext context) => Acquire(_formsByAddress, ClientAddress(context));

    public void Dispose()
    {
        _signInByAddress.Dispose();
        _formsByAddress.Dispose();
    }

    /// <summary>
    /// The client's address (after the forwarded-headers middleware, the real one behind a known proxy). An IPv6
    /// client counts by its /64, the block one household or server is given, so it can't step through addresses.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new System.Net.IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
}

public static class TooManyAttempts
{
    /// <summary>429 with <c>Retry-After</c>, the form as the person filled it, and a message saying how long to wait.</summary>
    public static IActionResult TooManyAttemptsPage(this PageModel page, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var wait = seconds < 90 ? "a minute" : $"about {(int)Math.Ceiling(seconds / 60.0)} minutes";
        page.ModelState.AddModelError(string.Empty, $"That's a lot of attempts in a short time. To keep accounts safe, please wait {wait} and try again.");
        return page.Page();
    }
}
