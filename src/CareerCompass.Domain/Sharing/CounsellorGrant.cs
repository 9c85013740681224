using System.Net.Mail;
using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Sharing;

/// <summary>
/// A client's invitation to a counsellor, and then the counsellor's access: which parts of the client's records they
/// can see (<see cref="Scope"/>). Owned by the client. The invitation waits for <see cref="InvitationDays"/> days;
/// once accepted the access lasts until the client revokes it. The scope can be changed, or the grant revoked, at any
/// time, and because <see cref="Allows"/> is asked afresh on every request, a change counts from the counsellor's
/// next request.
/// </summary>
public sealed class CounsellorGrant : OwnedEntity
{
    /// <summary>How long an invitation waits to be accepted.</summary>
    public const int InvitationDays = 30;

    /// <summary>The longest e-mail address the model accepts (RFC 5321's limit on a path).</summary>
    public const int EmailLength = 254;

    private CounsellorGrant(string ownerId, string counsellorEmail, SharingScope scope, DateTime invitedAtUtc)
        : base(ownerId)
    {
        CounsellorEmail = counsellorEmail;
        NormalizedEmail = Normalize(counsellorEmail);
        Scope = scope;
        InvitedAtUtc = invitedAtUtc;
        ExpiresAtUtc = invitedAtUtc.AddDays(InvitationDays);
    }

    /// <summary>The address the invitation was sent to, as the client typed it (trimmed).</summary>
    public string CounsellorEmail { get; private set; }

    /// <summary>The address for comparisons: trimmed and upper-cased (invariant culture).</summary>
    public string NormalizedEmail { get; private set; }

    /// <summary>The counsellor's account, once they accept; null while the invitation waits.</summary>
    public string? CounsellorId { get; private set; }

    public SharingScope Scope { get; private set; }

    public DateTime InvitedAtUtc { get; private set; }

    /// <summary>When a waiting invitation stops being valid: <see cref="InvitationDays"/> days after it was sent.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>The form an address is compared in: trimmed and upper-cased (invariant culture).</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    /// <summary>
    /// A new invitation from the client (<paramref name="clientId"/>, signed in as <paramref name="clientEmail"/>)
    /// to the counsellor at <paramref name="counsellorEmail"/>. Refused for an address that isn't a plain e-mail
    /// address, for the client's own address, and for a counsellor the client has already invited or is already
    /// sharing with (among <paramref name="existingGrants"/>; expired and revoked ones don't count).
    /// </summary>
    public static CounsellorGrant Invite(
        string clientId,
        string clientEmail,
        string? counsellorEmail,
        SharingScope scope,
        IEnumerable<CounsellorGrant> existingGrants,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(clientEmail);
        ArgumentNullException.ThrowIfNull(existingGrants);
        var email = Strings.Tidy(counsellorEmail);
        if (email is null)
        {
            throw new DomainRuleException(nameof(CounsellorEmail), "Please enter your counsellor's e-mail address.");
        }

        if (!IsPlainAddress(email))
        {
            throw new DomainRuleException(nameof(CounsellorEmail), "That doesn't look like an e-mail address. Please check it — it should look like name@example.org.");
        }

        CheckScope(scope);
        var normalized = Normalize(email);
        if (normalized == Normalize(clientEmail))
        {
            throw new DomainRuleException(nameof(CounsellorEmail), "That's your own address. Please enter the address of the counsellor you'd like to invite.");
        }

        var current = existingGrants
            .Where(g => g.OwnerId == clientId && g.NormalizedEmail == normalized)
            .Select(g => g.State(now))
            .Where(s => s is GrantState.Invited or GrantState.Active)
            .ToList();
        if (current.Contains(GrantState.Active))
        {
            throw new DomainRuleException(nameof(CounsellorEmail), "You're already sharing with this counsellor. You can change what they see from your sharing settings.");
        }

        if (current.Contains(GrantState.Invited))
        {
            throw new DomainRuleException(nameof(CounsellorEmail), "You've already invited this counsellor, and the invitation is still waiting for them. You can withdraw it and send a new one if you need to.");
        }

        return new CounsellorGrant(clientId, email, scope, now.UtcDateTime);
    }

    /// <summary>
    /// Where the grant stands at <paramref name="now"/>. Revoked wins over everything; an accepted grant is active
    /// (acceptance doesn't expire); a waiting invitation is expired from <see cref="ExpiresAtUtc"/> on — at exactly
    /// 30 days it has expired.
    /// </summary>
    public GrantState State(DateTimeOffset now)
    {
        if (RevokedAtUtc is not null)
        {
            return GrantState.Revoked;
        }

        if (AcceptedAtUtc is not null)
        {
            return GrantState.Active;
        }

        return now.UtcDateTime >= ExpiresAtUtc ? GrantState.Expired : GrantState.Invited;
    }

    /// <summary>
    /// The counsellor accepts the invitation: only the address it was sent to, only while it is waiting (not yet
    /// accepted, expired or withdrawn).
    /// </summary>
    public void Accept(string counsellorId, string? counsellorEmail, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(counsellorId);
        switch (State(now))
        {
            case GrantState.Active:
                throw new DomainRuleException(string.Empty, CounsellorId == counsellorId
                    ? "You've already accepted this invitation, so there's nothing more to do."
                    : "This invitation has already been accepted.");
            case GrantState.Revoked:
                throw new DomainRuleException(string.Empty, "This invitation was withdrawn, so it can't be accepted any more.");
            case GrantState.Expired:
                throw new DomainRuleException(string.Empty, $"This invitation has expired — invitations last {InvitationDays} days. You could ask for a new one.");
        }

        if (counsellorId == OwnerId)
        {
            throw new DomainRuleException(string.Empty, "This is an invitation you sent, so it's for your counsellor to accept.");
        }

        if (Strings.Tidy(counsellorEmail) is not { } email || Normalize(email) != NormalizedEmail)
        {
            throw new DomainRuleException(string.Empty, "This invitation was sent to a different e-mail address. Please sign in with the address it was sent to.");
        }

        CounsellorId = counsellorId;
        AcceptedAtUtc = now.UtcDateTime;
    }

    /// <summary>
    /// The client changes what the counsellor can see, while the invitation waits or once it is active. An expired or
    /// revoked grant keeps its scope; the client sends a new invitation instead.
    /// </summary>
    public void ChangeScope(SharingScope scope, DateTimeOffset now)
    {
        CheckScope(scope);
        switch (State(now))
        {
            case GrantState.Revoked:
                throw new DomainRuleException(nameof(Scope), "This access has ended, so there's nothing to change. You can send a new invitation if you'd like to share again.");
            case GrantState.Expired:
                throw new DomainRuleException(nameof(Scope), "This invitation has expired, so there's nothing to change. You can send a new invitation if you'd like to share.");
        }

        Scope = scope;
    }

    /// <summary>
    /// The client ends the counsellor's access, or withdraws a waiting (or expired) invitation. Revoking a grant that
    /// is already revoked changes nothing — not even when it was revoked — so a second click or a second tab is
    /// harmless. Returns whether this call revoked it.
    /// </summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAtUtc is not null)
        {
            return false;
        }

        RevokedAtUtc = now.UtcDateTime;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="counsellorId"/> may see <paramref name="area"/> of the client's records at
    /// <paramref name="now"/>: only while the grant is active, only for the counsellor who accepted it, and only
    /// what the scope allows.
    /// </summary>
    public bool Allows(string? counsellorId, SharedArea area, DateTimeOffset now) =>
        counsellorId is not null
        && State(now) == GrantState.Active
        && CounsellorId == counsellorId
        && Scope.Allows(area);

    /// <summary>Refuses a change based on an older copy of the grant (another tab saved since).</summary>
    public void EnsureVersion(Guid version)
    {
        if (version != Version)
        {
            throw new StaleRecordException();
        }
    }

    /// <summary>
    /// A bare address (no display name, no comments), with a local part and a dotted domain, no spaces, within
    /// <see cref="EmailLength"/>: <see cref="MailAddress"/> alone accepts things like "Name &lt;a@b&gt;" or "a@b".
    /// </summary>
    private static bool IsPlainAddress(string email)
    {
        if (email.Length > EmailLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!MailAddress.TryCreate(email, out var address) || !string.Equals(address.Address, email, StringComparison.Ordinal))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        return at > 0
            && email.IndexOf('@', StringComparison.Ordinal) == at
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static void CheckScope(SharingScope scope)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new DomainRuleException(nameof(Scope), "Please choose what you'd like to share: your plan, or your plan and reflection.");
        }
    }
}
