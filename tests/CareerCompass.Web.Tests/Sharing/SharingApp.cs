using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// The app with a public address other than the one the tests send requests to (a loopback alias, so it is still
/// served): a link in an e-mail that names it came from configuration, not from the request.
/// </summary>
public sealed class SharingApp : CareerCompassFactory
{
    public const string PublicBaseUrl = "http://127.0.0.1:5999";

    public SharingApp() => Settings["App:PublicBaseUrl"] = PublicBaseUrl;
}

internal static class Sharing
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string> Invitation(string email, string scope = nameof(SharingScope.Plan)) =>
        new() { ["Invite.Email"] = email, ["Invite.Scope"] = scope };

    public static async Task<WebPage> InviteAsync(this TestBrowser browser, string email, string scope = nameof(SharingScope.Plan)) =>
        await browser.SubmitAsync(await browser.GetAsync("/Sharing"), "#invite-form", Invitation(email, scope));

    public static Task<List<CounsellorGrant>> GrantsOfAsync(this CareerCompassFactory app, string clientEmail) => app.ReadAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == clientEmail).Select(u => u.Id).SingleAsync();
        return await db.CounsellorGrants.AsNoTracking().Where(g => g.OwnerId == id).OrderBy(g => g.Id).ToListAsync();
    });

    public static Task<CounsellorGrant> GrantAsync(this CareerCompassFactory app, int id) =>
        app.ReadAsync(db => db.CounsellorGrants.AsNoTracking().SingleAsync(g => g.Id == id));

    public static Task<int> ActiveGrantsOfAsync(this Web.Data.AppDbContext db, string counsellorId) =>
        Web.Infrastructure.Sharing.CounsellorAccess.ActiveGrantsOf(db, counsellorId).CountAsync();

    /// <summary>An element's text as a person reads it: white space folded to single spaces.</summary>
    public static string Words(this AngleSharp.Dom.IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    /// <summary>The "Saved." style message the page shows after a redirect.</summary>
    public static string? Status(this WebPage page) => page.Document.QuerySelector(".alert-success[role=status]")?.TextContent.Trim();
}
