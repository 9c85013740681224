using System.Net;
using System.Text;
using CareerCompass.Domain.Sharing;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Email;

namespace CareerCompass.Web.Pages.Sharing;

/// <summary>
/// The e-mail an invitation sends, in plain text and HTML, with every link built from <see cref="PublicAddress"/>
/// (never from the request). A counsellor who already has the Counsellor role is sent to their invitations; anyone
/// else is told how to join first. Neither says anything about the client's plan beyond what it would show.
/// </summary>
public static class InvitationMail
{
    public const string InvitationsPath = "/Counsellor/Invitations";

    public static string Subject(string clientEmail) => $"{clientEmail} would like to share their career plan with you";

    /// <summary>For an account that has the Counsellor role: open your invitations and accept.</summary>
    public static AppMail ToCounsellor(PublicAddress address, CounsellorGrant grant, string clientEmail, TimeZoneInfo counsellorZone)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(grant);
        var invitations = address.Link(InvitationsPath);
        var until = SharingLabels.Day(PersonalDate.LocalTime(grant.ExpiresAtUtc, counsellorZone));
        string[] lines =
        [
            Opening(clientEmail, grant.Scope),
            $"The invitation waits for {CounsellorGrant.InvitationDays} days, until {until}. Sign in and open your invitations to accept it.",
        ];
        return Compose(grant, clientEmail, lines, [], ("See your invitations", invitations));
    }

    /// <summary>For an address with no counsellor account (or none at all): how to join, then where to accept.</summary>
    public static AppMail ToNewcomer(PublicAddress address, CounsellorGrant grant, string clientEmail)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(grant);
        var register = address.Link("/Identity/Account/Register");
        var invitations = address.Link(InvitationsPath);
        var until = SharingLabels.Day(grant.ExpiresAtUtc);
        string[] lines =
        [
            Opening(clientEmail, grant.Scope),
            "To accept, you'll need a counsellor account on CareerCompass. It takes three steps:",
        ];
        (string Text, string? Url)[] steps =
        [
            ($"If you don't have an account yet, register with this address ({grant.CounsellorEmail}):", register),
            ("Ask the administrator of this CareerCompass service to give your account counsellor access.", null),
            ("Then sign in and open your invitations to accept it:", invitations),
        ];
        var after = $"The invitation waits for {CounsellorGrant.InvitationDays} days, until {until} (UTC).";
        return Compose(grant, clientEmail, [.. lines], steps, null, after);
    }

    private static string Opening(string clientEmail, SharingScope scope) =>
        $"{clientEmail} has invited you, as their counsellor, to see {SharingLabels.ForCounsellor(scope)} on CareerCompass: " +
        $"{SharingLabels.DescribeForCounsellor(scope)}. You'd be able to look, not change anything, and they can change " +
        "what you see or stop sharing at any time.";

    private static AppMail Compose(
        CounsellorGrant grant, string clientEmail, string[] lines, (string Text, string? Url)[] steps, (string Text, string Url)? action, string? after = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\n\n");
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        if (steps.Length > 0)
        {
            html.Append("<ol>");
            for (var i = 0; i < steps.Length; i++)
            {
                var (step, url) = steps[i];
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1}. {step}").Append(url is null ? string.Empty : $" {url}").Append('\n');
                html.Append("<li>").Append(Encode(step));
                if (url is not null)
                {
                    html.Append(" <a href=\"").Append(Encode(url)).Append("\">").Append(Encode(url)).Append("</a>");
                }

                html.Append("</li>");
            }

            text.Append('\n');
            html.Append("</ol>");
        }

        if (after is not null)
        {
            text.Append(after).Append("\n\n");
            html.Append("<p>").Append(Encode(after)).Append("</p>");
        }

        if (action is { } go)
        {
            text.Append(go.Text).Append(": ").Append(go.Url).Append("\n\n");
            html.Append("<p><a href=\"").Append(Encode(go.Url)).Append("\">").Append(Encode(go.Text)).Append("</a></p>");
        }

        var ignore = $"If you don't know {clientEmail}, you can ignore this e-mail: nothing is shared until you accept.";
        text.Append(ignore).Append("\n\n— CareerCompass\n");
        html.Append("<p><small>").Append(Encode(ignore)).Append("</small></p><p>— CareerCompass</p>");
        return new AppMail(new AppMailAddress(grant.CounsellorEmail), Subject(clientEmail), text.ToString(), html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
