using System.Security.Cryptography;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

public sealed class TwoFactorTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task An_authenticator_app_can_be_set_up_and_is_then_asked_for_at_sign_in()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);

        var enabled = await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Contains("Your authenticator app has been verified", enabled.Text, StringComparison.Ordinal);
        await browser.SignOutAsync();

        var challenge = await browser.SignInAsync(email);
        Assert.Contains("/Identity/Account/LoginWith2fa", challenge.Url.PathAndQuery, StringComparison.Ordinal);
        var dashboard = await browser.SubmitAsync(challenge, "form[method='post']", new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp(key) });

        Assert.Contains("Your dashboard", dashboard.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30-second steps, 6 digits), as a phone app computes it.</summary>
    private static string Totp(string base32Key)
    {
        var key = FromBase32(base32Key);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
