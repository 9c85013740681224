using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// What every step of the review wizard shares: the review is loaded by its id and checked against the signed-in
/// person on every request (another person's id is 404), a completed review is only ever shown, and the posted
/// <see cref="Version"/> says which copy a change was based on.
/// </summary>
public abstract class ReviewPage(AppDbContext db, IAuthorizationService authorization, PersonClock clock) : PageModel
{
    public const string NoticeKey = "CareerCompass.Review.Notice";

    public const string CompletedMessage = "This review is complete, so it stays just as you left it. You can start a new one any time.";

    public Review Review { get; private set; } = null!;

    [BindProperty]
    public Guid Version { get; set; }

    public bool IsStale { get; protected set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    public abstract ReviewStep CurrentStep { get; }

    public PersonClock Clock => clock;

    /// <summary>Where the period this review looks back on begins, as a date on the person's calendar.</summary>
    public DateOnly SinceDate => DateOnly.FromDateTime(clock.Local(Review.SinceUtc));

    protected AppDbContext Db => db;

    protected async Task<bool> LoadAsync(int id, bool track)
    {
        var reviews = db.Reviews.Include(r => r.Goals);
        var review = await (track ? reviews : reviews.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id);
        if (!await authorization.MayAsync(User, review, RecordOperations.Change))
        {
            return false;
        }

        Review = review!;
        return true;
    }

    /// <summary>A completed review is read-only: say so on its own page rather than change it.</summary>
    protected IActionResult ShowCompleted()
    {
        Notice = CompletedMessage;
        return RedirectToPage("/Reviews/Details", new { id = Review.Id });
    }

    protected RedirectToPageResult GoToStep(ReviewStep step) => RedirectToPage(ReviewLabels.PageOf(step), new { id = Review.Id });

    /// <summary>
    /// Saves what was changed on the review if the copy posted is still the stored one: the review's version is
    /// checked in the database and renewed even when only its goals' answers changed. False when another save won.
    /// </summary>
    protected async Task<bool> SaveReviewAsync()
    {
        var entry = db.Entry(Review);
        entry.Property(r => r.Version).OriginalValue = Version;
        entry.Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync();
            Version = Review.Version;
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
