using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reminders;

/// <summary>
/// <c>/Reminders/Off?t=…</c>, the link in every reminder e-mail. Opening it changes nothing (mail scanners open
/// links); it asks. The button — or a mail program's one-click request (RFC 8058: a POST with
/// <c>List-Unsubscribe=One-Click</c>) — turns that kind of reminder off. No sign-in and no antiforgery token: the
/// protected token in the address is what proves the request, and all it can do is turn reminders off.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class Off(ReminderOptOut optOut, AppDbContext db, ReviewPlanning planning) : PageModel
{
    public ReminderList List { get; private set; }

    public bool Done { get; private set; }

    public string What => List switch
    {
        ReminderList.Digest => "the weekly milestone e-mail",
        ReminderList.Comments => "e-mails about new comments",
        _ => "review reminders",
    };

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        if (!optOut.TryRead(t, out var personId, out var list) || !await db.Users.AnyAsync(u => u.Id == personId))
        {
            return NotFound();
        }

        List = list;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? t)
    {
        if (!optOut.TryRead(t, out var personId, out var list) || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == personId) is not { } person)
        {
            return NotFound();
        }

        // Turning something off is the same however often it happens: if another request (the person's click and
        // their mail program's one-click) saved at the same moment, read again and do it again.
        var zone = PersonTimeZone.FindOrUtc(person.TimeZone);
        for (var attempt = 1; ; attempt++)
        {
            var schedule = await planning.ScheduleForAsync(personId, zone);
            if (list == ReminderList.Digest)
            {
                schedule.StopDigest();
            }
            else if (list == ReminderList.Comments)
            {
                schedule.StopCommentMail();
            }
            else
            {
                schedule.StopReminders();
                await planning.ReplanAsync(schedule, zone);
            }

            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict) && attempt < Conflicts.MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Conflicts.PauseAsync(attempt);
            }
        }

        (List, Done) = (list, true);
        return Page();
    }
}
