using System.Net;
using System.Net.Sockets;
using System.Text;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Tests.Email;

public sealed class EmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "careercompass-mail", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_pickup_transport_writes_an_eml_file_with_a_plain_and_an_html_part()
    {
        var sender = new EmailSender(new AppMailer(Options.Create(new EmailOptions { PickupDirectory = "mail" }), new DataPaths(_root), NullLogger<AppMailer>.Instance));

        await sender.SendEmailAsync("sam@example.org", "Your review is due", "<p>Hello <a href=\"https://example.org/Reviews?a=1&amp;b=2\">open it</a></p>");

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "mail"), "*.eml"));
        var raw = await File.ReadAllTextAsync(file);
        Assert.Contains("To: sam@example.org", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smtp_transport_hands_the_message_to_an_smtp_server()
    {
        using var server = new OneMessageSmtpServer();
        var options = new EmailOptions { Transport = EmailTransport.Smtp, Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port } };
        var sender = new EmailSender(new AppMailer(Options.Create(options), new DataPaths(_root), NullLogger<AppMailer>.Instance));

        await sender.SendEmailAsync("sam@example.org", "Your review is due", "<p>Time to look back.</p>");
        var received = await server.Received.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("RCPT TO:<sam@example.org>", received, StringComparison.Ordinal);
        Assert.Contains("Subject: Your review is due", received, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "data", "mail")));
    }

    [Fact]
    public void The_plain_text_part_keeps_links_readable()
    {
        var text = EmailSender.PlainTextOf("<p>Please <a href=\"https://x.test/a?b=1&amp;c=2\">confirm</a>.</p><p>Thanks</p>");
        Assert.Equal("Please confirm (https://x.test/a?b=1&c=2).\nThanks", text);
    }

    [Theory]
    [InlineData("<P>One <A HREF='https://x.test/1'>first</A> and <a class=\"b\" href=\"https://x.test/2\" title=\"t\">second</a></P>Done", "One first (https://x.test/1) and second (https://x.test/2)\nDone")]
    [InlineData("Line<br>next<BR/>last<br />", "Line\nnext\nlast")]
    [InlineData("<a href=\"https://x.test\">multi\nline</a> <a href=\"https://y.test\">y</a>", "multi\nline (https://x.test) y (https://y.test)")]
    [InlineData("<a <a <a href=\"u\">t</a>", "t (u)")]
    public void The_plain_text_part_reads_like_the_html(string html, string expected) =>
        Assert.Equal(expected, EmailSender.PlainTextOf(html));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Just enough of RFC 5321 to accept one message on loopback and hand back the whole dialogue.</summary>
    private sealed class OneMessageSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<string> _received = new();

        public OneMessageSmtpServer()
        {
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> Received => _received.Task;

        public void Dispose() => _listener.Stop();

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                var log = new StringBuilder();
                await writer.WriteLineAsync("220 test ESMTP");
                var inData = false;
                while (await reader.ReadLineAsync() is { } line)
                {
                    log.AppendLine(line);
                    if (inData)
                    {
                        if (line == ".")
                        {
                            inData = false;
                            await writer.WriteLineAsync("250 queued");
                        }

                        continue;
                    }

                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 test");
                            break;
                        case "DATA":
                            inData = true;
                            await writer.WriteLineAsync("354 go ahead");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            _received.TrySetResult(log.ToString());
                            return;
                        default:
                            await writer.WriteLineAsync("250 ok");
                            break;
                    }
                }

                _received.TrySetResult(log.ToString());
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                _received.TrySetException(e);
            }
        }
    }
}
