using System.Text;
using System.Text.Encodings.Web;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Every account e-mail, with its links built from <see cref="PublicAddress"/> and the route table — never from the
/// request, so a forged <c>Host</c> header cannot send someone a genuine token on a stranger's site.
/// </summary>
public sealed class AccountMail(UserManager<AppUser> users, IEmailSender sender, LinkGenerator routes, PublicAddress address)
{
    public const string UnlockPurpose = "UnlockAccount";

    public async Task SendConfirmationAsync(AppUser user, string? returnUrl = null)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = PageLink("/Account/ConfirmEmail", new { area = "Identity", userId = user.Id, code, returnUrl });
        await sender.SendEmailAsync(
            user.Email!,
            "Confirm your e-mail for CareerCompass",
            "<p>Hello, and welcome to CareerCompass.</p>" +
            "<p>One small step before you start: please confirm this is your e-mail address. " +
            $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">Confirm my e-mail</a></p>" +
            "<p>Then sign in and begin whenever suits you — there's no rush, and you can stop and come back at any point.</p>" +
            "<p>The link works for a day. If it has run out, the sign-in page can send you a new one.</p>" +
            "<p>Didn't sign up? Then someone typed your address by mistake. You don't need to do anything: " +
            "without this link, no account is opened.</p>");
    }

    /// <summary>Sends a new confirmation link if the address has an account still waiting for one; otherwise nothing.</summary>
    public async Task ResendConfirmationAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
        {
            await SendConfirmationAsync(user);
        }
    }

    /// <summary>Sends a reset link if the address has a confirmed account; otherwise nothing.</summary>
    public async Task SendPasswordResetAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !await users.IsEmailConfirmedAsync(user))
        {
            return;
        }

        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = PageLink("/Account/ResetPassword", new { area = "Identity", code });
        await sender.SendEmailAsync(
            user.Email!,
            "Reset your CareerCompass password",
            "<p>Hello,</p>" +
            "<p>We were asked to reset the password for your CareerCompass account. To choose a new one, open this link: " +
            $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose a new password</a></p>" +
            "<p>The link works for a day and only once. Your goals and everything else in your account stay just as they are.</p>" +
            "<p>Didn't ask for this? Then you can ignore this e-mail: your password stays the same, and nobody can " +
            "change it without this link.</p>");
    }

    public async Task SendChangeEmailAsync(AppUser user, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = PageLink("/Account/ConfirmEmailChange", new { area = "Identity", userId = user.Id, email = newEmail, code });
        await sender.SendEmailAsync(
            newEmail,
            "Confirm your new e-mail for CareerCompass",
            "<p>Please confirm that you'd like to use this address for your CareerCompass account: " +
            $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">use this address</a>.</p>" +
            "<p>If you didn't ask for this, you can ignore this message: nothing changes.</p>");
    }

    /// <summary>Tells the current address that a move to another one was asked for: if it wasn't them, they can act.</summary>
    public async Task SendChangeEmailNoticeAsync(AppUser user, string newEmail)
    {
        var reset = PageLink("/Account/ForgotPassword", new { area = "Identity" });
        await sender.SendEmailAsync(
            user.Email!,
            "Your CareerCompass e-mail address is being changed",
            $"<p>Someone signed in to your account asked to use <strong>{HtmlEncoder.Default.Encode(newEmail)}</strong> " +
            "instead of this address. Nothing changes until a link sent there is opened.</p>" +
            "<p>If that was you, there's nothing more to do here. If it wasn't, " +
            $"<a href=\"{HtmlEncoder.Default.Encode(reset)}\">choose a new password</a> straight away: that signs everyone out " +
            "of your account.</p>");
    }

    /// <summary>Tells the owner that sign-in is paused, with a link that ends the pause at once.</summary>
    public async Task SendLockedOutAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }

        var code = Encode(await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, UnlockPurpose));
        var unlock = PageLink("/Account/Unlock", new { area = "Identity", userId = user.Id, code });
        var reset = PageLink("/Account/ForgotPassword", new { area = "Identity" });
        await sender.SendEmailAsync(
            user.Email!,
            "We paused sign-in to your CareerCompass account",
            "<p>Someone tried to sign in to your account several times with the wrong password, so we've paused " +
            "sign-in for a few minutes to keep it safe.</p>" +
            $"<p>If that was you, <a href=\"{HtmlEncoder.Default.Encode(unlock)}\">sign in again now</a>.</p>" +
            "<p>If it wasn't you, your plan is safe: nobody got in. You might like to " +
            $"<a href=\"{HtmlEncoder.Default.Encode(reset)}\">choose a new password</a> anyway.</p>");
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in a link, or null when the link was cut or altered.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string PageLink(string page, object values) =>
        address.Link(routes.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to {page}."));
}
