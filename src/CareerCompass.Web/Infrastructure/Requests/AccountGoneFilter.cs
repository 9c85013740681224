using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareerCompass.Web.Infrastructure.Requests;

/// <summary>
/// A save that fails on a foreign key. Usually the account was deleted while another device still held a session
/// (sessions are re-checked every 30 seconds): the person is signed out and sent to the sign-in page. Otherwise
/// something the save pointed at went in the meantime (a contact deleted in another tab): 404, like any record
/// that isn't there.
/// </summary>
public sealed class AccountGoneFilter(UserManager<AppUser> users, SignInManager<AppUser> signIn) : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Conflicts.IsForeignKeyViolation(context.Exception))
        {
            return;
        }

        if (await users.GetUserAsync(context.HttpContext.User) is null)
        {
            await signIn.SignOutAsync();
            context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity" });
        }
        else
        {
            context.Result = new NotFoundResult();
        }

        context.ExceptionHandled = true;
    }
}
