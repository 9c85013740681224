using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// Whose records this request is about, resolved once per request by <see cref="SubjectFilter"/>: the signed-in
/// person, or — on a counsellor's address (<c>/Counsellor/Clients/{clientId}/…</c>) — the client named in the route,
/// after authorization has checked the counsellor's grant. Pages read <see cref="OwnerId"/> instead of the signed-in
/// person's id, and views render change forms only when <see cref="CanChange"/>.
/// </summary>
public sealed class Subject
{
    public const string RouteKey = "clientId";

    private string? _ownerId;

    /// <summary>Whose records to show. Only set once the request has been authorized for them.</summary>
    public string OwnerId => _ownerId ?? throw new InvalidOperationException("This page needs a signed-in person (or a client they may see).");

    public bool IsResolved => _ownerId is not null;

    /// <summary>The signed-in person is looking at their own records.</summary>
    public bool IsSelf { get; private set; } = true;

    /// <summary>Whether the signed-in person may change these records (the owner; never a counsellor).</summary>
    public bool CanChange { get; private set; }

    /// <summary>The client's id for links on a counsellor's pages (asp-route-clientId); null on the person's own pages.</summary>
    public string? ClientId => IsSelf ? null : _ownerId;

    /// <summary>On a counsellor's page: the client's address, for the banner.</summary>
    public string? ClientEmail { get; private set; }

    /// <summary>On a counsellor's page: what the client has shared with them.</summary>
    public SharingScope? Scope { get; private set; }

    /// <summary>Whether this page may show <paramref name="area"/>: always the person's own; for a counsellor, what the scope covers.</summary>
    public bool Shows(SharedArea area) => IsSelf || Scope?.Allows(area) == true;

    /// <summary>
    /// The address of one of the subject's pages, written out rather than generated through routing (a page that links
    /// to every goal would otherwise run the anchor tag helper for each): <paramref name="path"/> as it is on the
    /// person's own pages, e.g. <c>/Goals/7</c>, under <c>/Counsellor/Clients/{clientId}</c> on a counsellor's.
    /// A test checks these against the addresses routing builds.
    /// </summary>
    public string Href(string path) => IsSelf ? Checked(path) : ClientHref(OwnerId, path);

    /// <summary>
    /// A counsellor's address for <paramref name="clientId"/>'s page at <paramref name="path"/> (<c>/</c> for the
    /// client's dashboard): the one place that spells <c>/Counsellor/Clients/{clientId}</c>, for pages, the caseload
    /// and e-mails. The app is served at the root of its host, as the layout's own links are. A query or fragment goes
    /// after the result, never in <paramref name="path"/>.
    /// </summary>
    public static string ClientHref(string clientId, string path = "/")
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var client = "/Counsellor/Clients/" + Uri.EscapeDataString(clientId);
        return Checked(path) == "/" ? client : client + path;
    }

    private static string Checked(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.StartsWith('/') && path.AsSpan().IndexOfAny('?', '#') < 0
            ? path
            : throw new ArgumentException("A path from the root, without a query or fragment: they go after the address.", nameof(path));
    }

    /// <summary>A stand-in for "the subject's records in this area", for authorizing pages that list or create them.</summary>
    public IOwnedRecord Records(SharedArea area) => new AreaOf(OwnerId, area);

    internal void BeSelf(string userId)
    {
        _ownerId = userId;
        IsSelf = true;
        CanChange = true;
    }

    internal void BeClient(string clientId, string? clientEmail, SharingScope scope, bool canChange)
    {
        _ownerId = clientId;
        IsSelf = false;
        ClientEmail = clientEmail;
        Scope = scope;
        CanChange = canChange;
    }
}

/// <summary>Some part of one person's records, when a page is about all of them rather than one record.</summary>
public sealed record AreaOf(string OwnerId, SharedArea Area) : IOwnedRecord;
