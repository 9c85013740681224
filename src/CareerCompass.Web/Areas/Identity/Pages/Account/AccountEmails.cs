using System.Text;
using System.Text.Encodings.Web;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>The account e-mails our own pages send (Identity's built-in pages send theirs the same way).</summary>
internal static class AccountEmails
{
    public static async Task SendConfirmationAsync(
        UserManager<AppUser> users, IEmailSender sender, IUrlHelper url, string scheme, AppUser user, string? returnUrl)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));
        var link = url.Page(
            "/Account/ConfirmEmail",
            pageHandler: null,
            values: new { area = "Identity", userId = user.Id, code, returnUrl },
            protocol: scheme)!;

        await sender.SendEmailAsync(
            user.Email!,
            "Confirm your e-mail for CareerCompass",
            $"<p>Welcome to CareerCompass!</p><p>Please confirm your e-mail address so you can sign in: " +
            $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">confirm my e-mail</a>.</p>" +
            "<p>If you didn't create an account, you can ignore this message.</p>");
    }
}
