using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>Reads the .eml files the app's pickup transport writes, as a person's mail program would.</summary>
public sealed partial class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    public IReadOnlyList<MailFile> All() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Select(f => new MailFile(f, File.GetLastWriteTimeUtc(f), File.ReadAllText(f)))
                .OrderBy(m => m.WrittenAt).ThenBy(m => m.Path, StringComparer.Ordinal).ToList()
            : [];

    public MailFile LatestTo(string address) =>
        All().LastOrDefault(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No e-mail to {address} in {Folder}.");

    /// <summary>
    /// Waits for the first e-mail to <paramref name="address"/> whose subject contains <paramref name="subject"/>
    /// beyond the <paramref name="seen"/> already there: some account e-mails go out just after the page answers.
    /// </summary>
    public async Task<MailFile> WaitForAsync(string address, string subject, int seen = 0)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(50))
        {
            var matching = To(address, subject);
            if (matching.Count > seen)
            {
                return matching[seen];
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"No e-mail to {address} about '{subject}' arrived in {Folder}.");
    }

    public IReadOnlyList<MailFile> To(string address, string subject) =>
        All().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)).ToList();

    public sealed record MailFile(string Path, DateTime WrittenAt, string Raw)
    {
        public string To => Header("To");

        public string Subject => DecodeHeader(Header("Subject"));

        /// <summary>Every part's body, quoted-printable decoded.</summary>
        public string Body => DecodeQuotedPrintable(Raw[(Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);

        public IReadOnlyList<string> Links =>
            HrefPattern().Matches(Body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();

        private string Header(string name)
        {
            // A long header is folded onto following lines that start with white space ("\r\n "): one header, unfolded.
            var match = Regex.Match(Raw, $"^{name}: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", RegexOptions.Multiline);
            return match.Success ? match.Groups[1].Value.Replace("\r\n", string.Empty, StringComparison.Ordinal).Trim() : string.Empty;
        }
    }

    private static string DecodeHeader(string value)
    {
        var match = Regex.Match(value, @"=\?utf-8\?B\?(.*?)\?=", RegexOptions.IgnoreCase);
        return match.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)) : value;
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var bytes = new List<byte>(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(byte.Parse(joined.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex("href=[\"']([^\"']+)[\"']")]
    private static partial Regex HrefPattern();
}
