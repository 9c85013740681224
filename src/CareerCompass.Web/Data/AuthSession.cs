namespace CareerCompass.Web.Data;

/// <summary>
/// A signed-in browser. The cookie carries only <see cref="Id"/>; the ticket itself lives here, so signing out,
/// "sign out everywhere else" and a password change end a session on the server at once, on every instance.
/// </summary>
public sealed class AuthSession
{
    public const int DeviceLength = 120;

    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The serialized authentication ticket, encrypted with the app's data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public required string Device { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime LastSeenAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }
}
