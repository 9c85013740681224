using System.Text;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Tests.Email;

/// <summary>The application mailer against a real SMTP server (maildev), and into a pickup folder.</summary>
public sealed class AppMailerTests(MailDev mailDev) : IClassFixture<MailDev>, IDisposable
{
    private const string From = "CareerCompass <no-reply@careercompass.local>";
    private const string Calendar = "text/calendar; method=PUBLISH; charset=utf-8";

    // CRLF line ends, non-ASCII text and a byte that is not UTF-8: all must come back byte for byte.
    private static readonly byte[] Invite = [.. Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Zoë’s review\r\nEND:VCALENDAR\r\n"), 0xFF, 0x00];

    // A line longer than quoted-printable's 76 characters, and lines that SMTP's dot-stuffing must protect.
    private static readonly string PlainText =
        "Hello Zoë,\n\nYour review is due: https://x.test/Reviews/1\n" + string.Concat(Enumerable.Repeat("Looking back on the month — what went well? ", 5)).TrimEnd() +
        "\n.\n.starts with a dot\n..two dots";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "careercompass-mail", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_plain_text_and_html_parts_both_arrive()
    {
        var mail = NewMail() with
        {
            PlainText = PlainText,
            Html = "<p>Hello Zoë,</p><p>Your review is due: <a href=\"https://x.test/Reviews/1\">open it</a></p>",
        };

        await Smtp().SendAsync(mail, CancellationToken.None);
        var received = await ArrivedAsync(mail.MessageId!);

        Assert.Equal(PlainText, received.Text.TrimEnd().ReplaceLineEndings("\n"));
        Assert.Contains("<p>Hello Zoë,</p>", received.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://x.test/Reviews/1\">open it</a>", received.Html, StringComparison.Ordinal);
        var to = Assert.Single(received.To);
        Assert.Equal(new MailDevAddress("sam@example.org", "Sam Ó Briain"), to);
        Assert.Equal("no-reply@careercompass.local", Assert.Single(received.From).Address);

        var parts = RawMail.Read(received.SourcePath).Parts;
        Assert.Collection(
            parts,
            plain => Assert.StartsWith("text/plain; charset=utf-8", plain.ContentType, StringComparison.OrdinalIgnoreCase),
            html => Assert.StartsWith("text/html; charset=utf-8", html.ContentType, StringComparison.OrdinalIgnoreCase));
        Assert.All(parts, p => Assert.Equal("quoted-printable", p.Headers["Content-Transfer-Encoding"]));
    }

    [Fact]
    public async Task An_attachment_arrives_with_its_name_media_type_and_exact_bytes()
    {
        var mail = NewMail() with { Attachments = [new AppMailAttachment("review.ics", Calendar, Invite)] };

        await Smtp().SendAsync(mail, CancellationToken.None);
        var received = await ArrivedAsync(mail.MessageId!);

        var attachment = Assert.Single(received.Attachments);
        Assert.Equal("review.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.MediaType);
        AssertContentType(Calendar, attachment.ContentType, "review.ics");
        Assert.Equal(Invite, await mailDev.AttachmentAsync(received, attachment));
        Assert.Equal(Invite.Length, attachment.Size);
        // The bodies are still there beside it.
        Assert.Equal(mail.PlainText, received.Text.TrimEnd());
    }

    [Fact]
    public async Task The_message_id_arrives_exactly_as_given_and_the_same_id_twice_stays_the_same()
    {
        var id = AppMail.MessageIdFor($"reminder-{Guid.NewGuid():N}", From);
        var mail = NewMail() with { MessageId = id };

        await Smtp().SendAsync(mail, CancellationToken.None);
        await Smtp().SendAsync(mail, CancellationToken.None);
        var received = await mailDev.WaitForAsync(m => m.MessageId == id, count: 2);

        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(id, m.Headers["Message-ID"]));
        Assert.NotEqual(received[0].Id, received[1].Id);
        // SmtpClient neither replaces it nor adds a second one.
        var source = Encoding.ASCII.GetString(await mailDev.SourceAsync(received[0].Id));
        Assert.Single(source.Split("\r\n"), l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_a_message_id_the_mailer_makes_one_on_the_from_domain()
    {
        var subject = $"No id {Guid.NewGuid():N}";
        await Smtp().SendAsync(NewMail() with { MessageId = null, Subject = subject }, CancellationToken.None);

        var received = Assert.Single(await mailDev.WaitForAsync(m => m.Subject == subject));

        Assert.Matches("^<[0-9a-f]{32}@careercompass\\.local>$", received.MessageId);
    }

    [Fact]
    public async Task List_unsubscribe_headers_arrive()
    {
        var mail = NewMail() with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://careercompass.example/Unsubscribe?token=abc123>, <mailto:unsubscribe@careercompass.local?subject=abc123>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };

        await Smtp().SendAsync(mail, CancellationToken.None);
        var received = await ArrivedAsync(mail.MessageId!);

        Assert.Equal(mail.Headers["List-Unsubscribe"], received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task A_non_ascii_subject_arrives_intact()
    {
        var mail = NewMail() with { Subject = "Zoë’s review — 1 March" };

        await Smtp().SendAsync(mail, CancellationToken.None);
        var received = await ArrivedAsync(mail.MessageId!);

        Assert.Equal("Zoë’s review — 1 March", received.Subject);
        Assert.True(received.Headers["Subject"].All(char.IsAscii), "The Subject header is encoded on the wire.");
    }

    [Fact]
    public async Task The_pickup_transport_writes_an_eml_with_the_same_message_id_and_the_attachment()
    {
        var mail = NewMail() with
        {
            Subject = "Zoë’s review — 1 March",
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x.test/u>" },
            Attachments = [new AppMailAttachment("review.ics", Calendar, Invite)],
        };

        await Mailer(new EmailOptions { From = From, PickupDirectory = "mail" }).SendAsync(mail, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "mail"), "*.eml"));
        var raw = RawMail.Read(file);
        Assert.Equal(mail.MessageId, raw.Headers["Message-ID"]);
        Assert.Equal("<https://x.test/u>", raw.Headers["List-Unsubscribe"]);
        Assert.Equal("Zoë’s review — 1 March", new Mailbox(Path.Combine(_root, "mail")).All().Single().Subject);
        Assert.Single(File.ReadAllLines(file), l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
        var attachment = Assert.Single(raw.Attachments);
        Assert.Equal("review.ics", attachment.FileName);
        AssertContentType(Calendar, attachment.ContentType, "review.ics");
        Assert.Equal(Invite, attachment.Body);
        Assert.Equal(mail.PlainText, Assert.Single(raw.Parts, p => p.ContentType.StartsWith("text/plain", StringComparison.Ordinal)).Text);
        Assert.Equal(mail.Html, Assert.Single(raw.Parts, p => p.ContentType.StartsWith("text/html", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Mailer(new EmailOptions { From = From, PickupDirectory = "mail" }).SendAsync(NewMail(), cancelled.Token));

        Assert.False(Directory.Exists(Path.Combine(_root, "mail")) && Directory.GetFiles(Path.Combine(_root, "mail")).Length > 0);
    }

    [Theory]
    [InlineData("reminder-123", "CareerCompass <no-reply@careercompass.local>", "<reminder-123@careercompass.local>")]
    [InlineData("review.2026-03-01_a+b", "no-reply@mail.example.org", "<review.2026-03-01_a+b@mail.example.org>")]
    [InlineData("r1", "Zoë <zoë@bücher.example>", "<r1@xn--bcher-kva.example>")]
    public void A_stable_message_id_is_made_from_a_key_and_the_from_domain(string key, string from, string expected) =>
        Assert.Equal(expected, AppMail.MessageIdFor(key, from));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a@b")]
    [InlineData("<x>")]
    [InlineData(".lead")]
    [InlineData("trail.")]
    [InlineData("two..dots")]
    [InlineData("zoë")]
    [InlineData("line\r\nBcc: x@y")]
    public void A_message_id_key_outside_the_safe_characters_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => AppMail.MessageIdFor(key, From));

    [Theory]
    [InlineData("no-brackets@x.test")]
    [InlineData("<no-at>")]
    [InlineData("<a@b@c>")]
    [InlineData("<a b@c>")]
    [InlineData("<a@c>\r\nBcc: x@y.test")]
    public async Task A_malformed_message_id_is_refused(string id) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Pickup().SendAsync(NewMail() with { MessageId = id }, CancellationToken.None));

    [Theory]
    [InlineData("Bcc", "x@y.test")]
    [InlineData("message-id", "<a@b>")]
    [InlineData("X-Bad", "one\r\nBcc: x@y.test")]
    [InlineData("Bad Name", "v")]
    public async Task Headers_the_mailer_writes_or_line_breaks_are_refused(string name, string value) =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Pickup().SendAsync(NewMail() with { Headers = new Dictionary<string, string> { [name] = value } }, CancellationToken.None));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The same media type and parameters in any order (SmtpClient writes charset last), plus the file's name.</summary>
    private static void AssertContentType(string expected, string actual, string name)
    {
        static (string MediaType, string[] Parameters) Of(string value)
        {
            var pieces = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return (pieces[0].ToLowerInvariant(), pieces[1..].Select(p => p.Replace("\"", string.Empty, StringComparison.Ordinal)).Order(StringComparer.OrdinalIgnoreCase).ToArray());
        }

        var want = Of($"{expected}; name={name}");
        var got = Of(actual);
        Assert.Equal(want.MediaType, got.MediaType);
        Assert.Equal(want.Parameters, got.Parameters, StringComparer.OrdinalIgnoreCase);
    }

    private static AppMail NewMail() =>
        new(new AppMailAddress("sam@example.org", "Sam Ó Briain"), "Your review is due", "Time to look back.", "<p>Time to look back.</p>")
        {
            MessageId = AppMail.MessageIdFor($"test-{Guid.NewGuid():N}", From),
        };

    private async Task<MailDevMessage> ArrivedAsync(string messageId) =>
        Assert.Single(await mailDev.WaitForAsync(m => m.MessageId == messageId));

    private AppMailer Smtp() => Mailer(mailDev.EmailOptions(From));

    private AppMailer Pickup() => Mailer(new EmailOptions { From = From, PickupDirectory = "mail" });

    private AppMailer Mailer(EmailOptions options) => new(Options.Create(options), new DataPaths(_root), NullLogger<AppMailer>.Instance);
}
