using System.Globalization;
using System.Net;
using System.Text;
using CareerCompass.Domain.Calendar;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Infrastructure.Calendar;
using CareerCompass.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>
/// The words of each reminder e-mail, in plain text and HTML, with every link built from
/// <see cref="PublicAddress"/> (never from a request), a "turn these off" link and the List-Unsubscribe headers
/// (RFC 8058 one-click), and a Message-Id made from the reminder's row, so a resend is recognisably the same message.
/// </summary>
public sealed class ReminderMail(PublicAddress address, ReminderOptOut optOut, IOptions<EmailOptions> email, CalendarFeed calendar)
{
    public AppMail Review(Reminder row, ReminderPerson person, ReviewSchedule schedule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(schedule);
        var date = ReviewDates.Spelled(row.ForDate);
        var start = address.Link("/Reviews");
        var (subject, opening) = row.Kind != ReminderKind.ReviewToday
            ? ($"Your career review is coming up on {date}", $"Your next career review is on {date}.")
            : today <= row.ForDate
                ? ("Your career review is today", "Today is the day you set aside to look back at your goals.")
                : ("Your career review is waiting for you", $"Your review was due on {date}. No pressure — it's there whenever you're ready.");
        var lines = new[]
        {
            opening,
            "It's a chance to notice what went well, be honest about what got in the way, and decide — for each goal — whether to keep it, adjust it, pause it or let it go. You can stop half-way and pick up later.",
        };
        var mail = Compose(row, person, ReminderList.Reviews, subject, lines, ("Start your review", start),
            "You're getting this because review reminders are on in your CareerCompass settings.");
        return mail with
        {
            // The review as a calendar event (the same UID as in the person's calendar feed, so it isn't doubled there).
            Attachments = [new AppMailAttachment("review.ics", CalendarWriter.InvitationContentType, Encoding.UTF8.GetBytes(calendar.ReviewInvitation(schedule)))],
        };
    }

    public AppMail Digest(Reminder row, ReminderPerson person, IReadOnlyList<DigestItem> items)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(items);
        var subject = items.Count == 1 ? "This week: 1 milestone due" : $"This week: {items.Count} milestones due";
        var lines = new List<string> { "Here's what's coming up this week. One small step on any of them counts." };
        var html = new StringBuilder("<ul>");
        var text = new StringBuilder();
        foreach (var item in items)
        {
            var due = item.DueOn.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
            var link = address.Link($"/Goals/{item.GoalId.ToString(CultureInfo.InvariantCulture)}");
            text.Append(CultureInfo.InvariantCulture, $"- {item.Title} — {due} (for “{item.Goal}”): {link}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(link)}\">{Encode(item.Title)}</a> — {Encode(due)}<br><small>for “{Encode(item.Goal)}”</small></li>");
        }

        html.Append("</ul>");
        return Compose(row, person, ReminderList.Digest, subject, [.. lines], ("See your dashboard", address.Link("/")),
            "You're getting this because the weekly milestone e-mail is on in your CareerCompass settings.",
            (text.ToString(), html.ToString()));
    }

    private AppMail Compose(Reminder row, ReminderPerson person, ReminderList list, string subject, string[] lines, (string Text, string Url) action, string why, (string Text, string Html)? extra = null)
    {
        var off = address.Link($"/Reminders/Off?t={Uri.EscapeDataString(optOut.TokenFor(person.Id, list))}");
        var settings = address.Link("/Settings#reviews");
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\n\n");
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        if (extra is { } more)
        {
            text.Append(more.Text).Append('\n');
            html.Append(more.Html);
        }

        var footer = Footer(action, why, settings, off);
        text.Append(footer.Text);
        html.Append(footer.Html);
        return new AppMail(new AppMailAddress(person.Email!), subject, text.ToString(), html.ToString())
        {
            MessageId = AppMail.MessageIdFor($"reminder-{row.Id.ToString(CultureInfo.InvariantCulture)}", email.Value.From),
            Headers = UnsubscribeHeaders(off),
        };
    }

    /// <summary>
    /// The end of every e-mail a person can turn off (reminders, the digest, comment e-mails): the action, why they
    /// get it, where to change it, and the one-click "turn these off" link.
    /// </summary>
    internal static (string Text, string Html) Footer((string Text, string Url) action, string why, string settings, string off) => (
        string.Create(CultureInfo.InvariantCulture, $"{action.Text}: {action.Url}\n\n— CareerCompass\n\n{why}\nChange them in Settings: {settings}\nTurn these e-mails off: {off}\n"),
        string.Create(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(action.Url)}\">{Encode(action.Text)}</a></p><p>— CareerCompass</p>")
            + string.Create(CultureInfo.InvariantCulture, $"<p><small>{Encode(why)} <a href=\"{Encode(settings)}\">Change them in Settings</a> or <a href=\"{Encode(off)}\">turn these e-mails off</a>.</small></p>"));

    /// <summary>RFC 8058 one-click unsubscribe, pointing at the same link as the footer.</summary>
    internal static Dictionary<string, string> UnsubscribeHeaders(string off) => new()
    {
        ["List-Unsubscribe"] = $"<{off}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
