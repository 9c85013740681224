using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The authenticator key as a person sees it: in groups of four to type by hand, and as a QR code drawn here as SVG
/// (nothing is fetched from another site, and the key never leaves the server in an image address).
/// </summary>
public static class AuthenticatorKey
{
    private const string Issuer = "CareerCompass";

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth address authenticator apps read (Google's Key Uri Format, as the Identity UI builds it).</summary>
    public static string Uri(string email, string key) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6");

    /// <summary>An SVG QR code for <paramref name="uri"/>, sized by the page (viewBox only).</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..];
    }
}
