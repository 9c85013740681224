using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Shows recovery codes just made, once (they arrive in TempData and are gone after this request). The download is a
/// <c>data:</c> address in the page itself, so the codes are never stored anywhere in plain text, not even for a moment.
/// </summary>
public sealed class ShowRecoveryCodes : PageModel
{
    public const string FileName = "careercompass-recovery-codes.txt";

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string DownloadHref { get; private set; } = string.Empty;

    public IActionResult OnGet()
    {
        if (RecoveryCodes is not { Length: > 0 } codes)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        Codes = codes;
        DownloadHref = "data:text/plain;charset=utf-8," + Uri.EscapeDataString(FileText(codes, DateTimeOffset.UtcNow));
        return Page();
    }

    public static string FileText(IEnumerable<string> codes, DateTimeOffset made) =>
        "CareerCompass recovery codes\r\n" +
        string.Create(CultureInfo.InvariantCulture, $"Made on {made:d MMMM yyyy}. Each code works once.\r\n") +
        "Use one when you can't get a code from your authenticator app. Keep this file somewhere safe.\r\n\r\n" +
        string.Join("\r\n", codes) + "\r\n";
}
