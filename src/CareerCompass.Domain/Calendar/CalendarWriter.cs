using System.Globalization;
using System.Text;

namespace CareerCompass.Domain.Calendar;

/// <summary>
/// Writes iCalendar text (RFC 5545): a VCALENDAR of all-day VEVENTs, published (METHOD:PUBLISH) for a subscription
/// or a download, or a single event to attach to an e-mail. Every line ends in CRLF; lines longer than 75 octets of
/// UTF-8 are folded (CRLF and one space) without splitting a character; text values are escaped (<c>\</c>, <c>;</c>,
/// <c>,</c>, line breaks) and control characters other than tab are dropped. Dates are floating all-day dates
/// (<c>DTSTART;VALUE=DATE</c> and the next day as <c>DTEND</c>): a date on the person's own calendar, the same
/// wherever their calendar app is; only <c>DTSTAMP</c> is an instant, in UTC.
/// </summary>
public static class CalendarWriter
{
    public const string ProductId = "-//CareerCompass//CareerCompass Calendar 1.0//EN";

    /// <summary>The media type of a calendar download or subscription.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The media type of an invitation attached to an e-mail (RFC 6047: the method travels in it too).</summary>
    public const string InvitationContentType = "text/calendar; method=PUBLISH; charset=utf-8";

    /// <summary>The longest a line may be, in octets of UTF-8, not counting its CRLF (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    private const string LineBreak = "\r\n";

    /// <summary>A whole calendar named <paramref name="name"/>, with <paramref name="events"/> in date order.</summary>
    public static string Calendar(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        BeginCalendar(text, name);
        foreach (var item in events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            Event(text, item, stamp, organizer: null);
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>
    /// A calendar of one event, to attach to an e-mail as <see cref="InvitationContentType"/>. Give it the same
    /// <see cref="CalendarEvent.Uid"/> as the event in the feed, so a calendar app that has both keeps one.
    /// <paramref name="organizerEmail"/> (the sender's address) becomes <c>ORGANIZER</c>, which iTIP (RFC 5546)
    /// asks of a published event.
    /// </summary>
    public static string Invitation(string calendarName, CalendarEvent item, DateTimeOffset stamp, string? organizerEmail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentNullException.ThrowIfNull(item);
        var text = new StringBuilder();
        BeginCalendar(text, calendarName);
        Event(text, item, stamp, organizerEmail);
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as <c>\n</c>.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n': escaped.Append(@"\n"); break;
                case '\t': escaped.Append(c); break;
                case < ' ' or '\u007f': break; // no other control characters in TEXT
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A content line folded (RFC 5545 §3.1): no line longer than <see cref="MaxLineOctets"/> octets of UTF-8, each
    /// continuation starting with one space (which counts), never splitting a character's octets. Lines are joined
    /// with CRLF; no CRLF at the end. An unpaired surrogate becomes U+FFFD.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var folded = new StringBuilder(line.Length + (line.Length / 64 * 3) + 4);
        Span<char> buffer = stackalloc char[2];
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                folded.Append(LineBreak).Append(' ');
                octets = 1;
            }

            folded.Append(buffer[..rune.EncodeToUtf16(buffer)]);
            octets += size;
        }

        return folded.ToString();
    }

    /// <summary>A UTC date-time as DTSTAMP writes it: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string UtcStamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A DATE value: <c>yyyyMMdd</c>.</summary>
    public static string DateValue(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static void BeginCalendar(StringBuilder text, string name)
    {
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:" + ProductId);
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + EscapeText(name));
    }

    private static void Event(StringBuilder text, CalendarEvent item, DateTimeOffset stamp, string? organizer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Uid);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Summary);
        Line(text, "BEGIN:VEVENT");
        Line(text, "UID:" + EscapeText(item.Uid));
        Line(text, "DTSTAMP:" + UtcStamp(stamp));
        Line(text, "DTSTART;VALUE=DATE:" + DateValue(item.Date));
        Line(text, "DTEND;VALUE=DATE:" + DateValue(item.Date.AddDays(1)));
        Line(text, "SUMMARY:" + EscapeText(item.Summary));
        if (!string.IsNullOrWhiteSpace(item.Description))
        {
            Line(text, "DESCRIPTION:" + EscapeText(item.Description));
        }

        if (item.Url is { IsAbsoluteUri: true } url)
        {
            // A URI value, not TEXT: not escaped. AbsoluteUri is percent-encoded, so it holds no line break.
            Line(text, "URL:" + url.AbsoluteUri);
        }

        if (!string.IsNullOrWhiteSpace(organizer) && IsPlainAddress(organizer))
        {
            Line(text, "ORGANIZER:mailto:" + organizer);
        }

        // A date to keep in mind, not time taken: it doesn't make the person look busy.
        Line(text, "TRANSP:TRANSPARENT");
        Line(text, "END:VEVENT");
    }

    private static bool IsPlainAddress(string address) =>
        address.Contains('@', StringComparison.Ordinal) && address.All(c => c is > ' ' and < '\u007f' and not ':' and not ';' and not ',' and not '"');

    private static void Line(StringBuilder text, string contentLine) => text.Append(Fold(contentLine)).Append(LineBreak);
}
