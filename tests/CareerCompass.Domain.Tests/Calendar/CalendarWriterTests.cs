using System.Text;
using CareerCompass.Domain.Calendar;
using CareerCompass.Tests.Calendar;

namespace CareerCompass.Domain.Tests.Calendar;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 22, 9, 30, 5, TimeSpan.FromHours(2)); // 07:30:05 UTC

    private static readonly CalendarEvent Review = new(
        "review-7-20271122@careers.example.org", new DateOnly(2027, 11, 22), "Review your goals",
        "Time to look back.", new Uri("https://careers.example.org/Goals"));

    private static string[] Lines(string ics) => ics.Split("\r\n")[..^1];

    private static string Unfold(string ics) => ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void A_calendar_has_the_required_properties_and_an_all_day_event()
    {
        var ics = CalendarWriter.Calendar("CareerCompass", [Review], Stamp);

        Assert.Equal(
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + CalendarWriter.ProductId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:CareerCompass",
                "BEGIN:VEVENT", "UID:review-7-20271122@careers.example.org", "DTSTAMP:20261122T073005Z",
                "DTSTART;VALUE=DATE:20271122", "DTEND;VALUE=DATE:20271123", "SUMMARY:Review your goals",
                "DESCRIPTION:Time to look back.", "URL:https://careers.example.org/Goals", "TRANSP:TRANSPARENT", "END:VEVENT",
                "END:VCALENDAR",
            ],
            Lines(ics));
    }

    [Fact]
    public void Every_line_ends_in_crlf_and_no_bare_line_feed_or_carriage_return_is_written()
    {
        var ics = CalendarWriter.Calendar("CareerCompass", [Review with { Description = "one\ntwo\r\nthree\rfour" }], Stamp);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(ics.Split("\r\n").Length - 1, ics.Count(c => c == '\n'));
        Assert.Equal(ics.Count(c => c == '\n'), ics.Count(c => c == '\r'));
        Assert.Contains(@"DESCRIPTION:one\ntwo\nthree\nfour", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("semi;colon", @"semi\;colon")]
    [InlineData("com,ma", @"com\,ma")]
    [InlineData("line\nbreak", @"line\nbreak")]
    [InlineData("windows\r\nbreak", @"windows\nbreak")]
    [InlineData("colon: and \"quotes\" stay", "colon: and \"quotes\" stay")]
    [InlineData("tab\tstays, bell\u0007 and escape\u001b go", @"tab	stays\, bell and escape go")]
    [InlineData(@"all\;,", @"all\\\;\,")]
    public void Text_is_escaped(string text, string expected) => Assert.Equal(expected, CalendarWriter.EscapeText(text));

    [Fact]
    public void An_ascii_line_of_exactly_75_octets_is_not_folded_and_76_is()
    {
        var exactly = "SUMMARY:" + new string('a', 75 - 8);
        var over = exactly + "b";

        Assert.Equal(exactly, CalendarWriter.Fold(exactly));
        Assert.Equal(exactly + "\r\n b", CalendarWriter.Fold(over));
    }

    [Fact]
    public void Continuation_lines_hold_74_octets_after_their_space()
    {
        var line = "DESCRIPTION:" + new string('x', 300);

        var parts = CalendarWriter.Fold(line).Split("\r\n");

        Assert.Equal(75, parts[0].Length);
        Assert.All(parts[1..], p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.All(parts[1..^1], p => Assert.Equal(75, p.Length));
        Assert.Equal(line, string.Concat(parts[0], string.Concat(parts[1..].Select(p => p[1..]))));
    }

    [Theory]
    [InlineData("é", 2)] // U+00E9: 2 octets
    [InlineData("€", 3)] // U+20AC: 3 octets
    [InlineData("🧭", 4)] // U+1F9ED, a surrogate pair: 4 octets
    public void Multi_byte_characters_are_never_split_and_no_line_passes_75_octets(string character, int size)
    {
        Assert.Equal(size, Encoding.UTF8.GetByteCount(character));
        for (var prefix = 0; prefix < 8; prefix++)
        {
            var line = "SUMMARY:" + new string('a', prefix) + string.Concat(Enumerable.Repeat(character, 60));

            var parts = CalendarWriter.Fold(line).Split("\r\n");

            foreach (var part in parts)
            {
                var octets = Encoding.UTF8.GetByteCount(part);
                Assert.True(octets <= 75, $"{octets} octets: {part}");

                // Full: the next character would not have fitted.
                if (part != parts[^1])
                {
                    Assert.True(octets > 75 - size, $"{octets} octets is folded too early");
                }

                // Whole characters only: the part round-trips through UTF-8.
                Assert.Equal(part, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(part)));
                Assert.DoesNotContain('\uFFFD', part);
            }

            Assert.Equal(line, parts[0] + string.Concat(parts[1..].Select(p => p[1..])));
        }
    }

    [Fact]
    public void A_fold_falls_exactly_before_a_multi_byte_character_that_would_cross_octet_75()
    {
        // 8 + 66 = 74 octets, then "é" (2 octets) would make 76: it starts the next line.
        var line = "SUMMARY:" + new string('a', 66) + "é";

        Assert.Equal("SUMMARY:" + new string('a', 66) + "\r\n é", CalendarWriter.Fold(line));
    }

    [Fact]
    public void The_stamp_is_utc_in_basic_form_and_dates_are_plain_dates()
    {
        Assert.Equal("20261122T073005Z", CalendarWriter.UtcStamp(Stamp));
        Assert.Equal("20270105", CalendarWriter.DateValue(new DateOnly(2027, 1, 5)));

        var ics = CalendarWriter.Calendar("C", [Review with { Date = new DateOnly(2027, 12, 31) }], Stamp);
        Assert.Contains("DTSTART;VALUE=DATE:20271231\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20280101\r\n", ics, StringComparison.Ordinal); // the next day, across a year
    }

    [Fact]
    public void The_same_items_give_the_same_text_whatever_order_they_come_in()
    {
        var milestone = new CalendarEvent("milestone-3@careers.example.org", new DateOnly(2027, 2, 1), "Milestone: Enrol");

        var one = CalendarWriter.Calendar("C", [Review, milestone], Stamp);
        var other = CalendarWriter.Calendar("C", [milestone, Review], Stamp);

        Assert.Equal(one, other);
        Assert.True(one.IndexOf("milestone-3@", StringComparison.Ordinal) < one.IndexOf("review-7-", StringComparison.Ordinal), "in date order");
    }

    [Fact]
    public void An_invitation_is_a_published_calendar_of_one_event_with_its_organizer()
    {
        var ics = CalendarWriter.Invitation("CareerCompass", Review, Stamp, "no-reply@careers.example.org");

        Assert.Single(Lines(ics), l => l == "BEGIN:VEVENT");
        Assert.Contains("METHOD:PUBLISH\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("UID:review-7-20271122@careers.example.org\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("ORGANIZER:mailto:no-reply@careers.example.org\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("ORGANIZER", CalendarWriter.Invitation("C", Review, Stamp, "not an address"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ical_js_reads_back_every_field_of_awkward_text_as_written()
    {
        var awkward = new CalendarEvent(
            "milestone-42@careers.example.org", new DateOnly(2027, 3, 9),
            "Milestone: Café, Zürich; \\ « Ünïcödé » " + string.Concat(Enumerable.Repeat("€🧭é", 30)),
            "Goal: Lead a team; grow, learn\nSecond line\r\nThird \\ line " + new string('x', 200),
            new Uri("https://careers.example.org/Goals/42"));

        var parsed = await IcalJs.ParseAsync(CalendarWriter.Calendar("Ünïcödé, calendar; yes", [Review, awkward], Stamp));

        Assert.Equal("vcalendar", parsed.Name);
        Assert.Equal("2.0", parsed.Version);
        Assert.Equal(CalendarWriter.ProductId, parsed.Prodid);
        Assert.Equal("GREGORIAN", parsed.Calscale);
        Assert.Equal("PUBLISH", parsed.Method);
        Assert.Equal("Ünïcödé, calendar; yes", parsed.CalendarName);
        Assert.Equal(2, parsed.Events.Count);
        var read = parsed.Events.Single(e => e.Uid == awkward.Uid);
        Assert.Equal(awkward.Summary, read.Summary);
        Assert.Equal("Goal: Lead a team; grow, learn\nSecond line\nThird \\ line " + new string('x', 200), read.Description);
        Assert.Equal("https://careers.example.org/Goals/42", read.Url);
        Assert.Equal(("2027-03-09", "date"), (read.Start, read.StartType));
        Assert.Equal(("2027-03-10", "date"), (read.End, read.EndType));
        Assert.Equal("2026-11-22T07:30:05Z", read.Dtstamp);
        Assert.True(read.DtstampIsUtc);
    }

    [Fact]
    public void Folded_output_unfolds_to_the_unfolded_lines()
    {
        var longer = Review with { Description = string.Concat(Enumerable.Repeat("Ünïcödé text, long; ", 20)) };

        var ics = CalendarWriter.Calendar("C", [longer], Stamp);

        Assert.All(Lines(ics), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains("DESCRIPTION:" + CalendarWriter.EscapeText(longer.Description!) + "\r\n", Unfold(ics), StringComparison.Ordinal);
    }
}
