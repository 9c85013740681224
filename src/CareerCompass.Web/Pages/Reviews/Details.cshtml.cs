using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// <c>/Reviews/{id}</c>: one review, read-only — the answers and decisions, and what changed in the period it looks
/// back on. A review still in progress shows the same, up to now, with a way back into the wizard.
/// </summary>
[SharedPage(SharedArea.Reviews, "Reviews/{id:int}")]
public sealed class Details(AppDbContext db, IAuthorizationService authorization, PersonClock clock, Subject subject, CommentThreads comments) : PageModel
{
    /// <summary>Comments on the review, once it's complete.</summary>
    public CommentBox? Comments { get; private set; }

    public Review Review { get; private set; } = null!;

    public ReviewChanges Changes { get; private set; } = null!;

    public PersonClock Clock => clock;

    public DateOnly SinceDate => DateOnly.FromDateTime(clock.Local(Review.SinceUtc));

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    [TempData(Key = ReviewPage.NoticeKey)]
    public string? Notice { get; set; }

    [TempData(Key = Goals.Details.CelebrationKey)]
    public string? Celebration { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The subject's review; a counsellor sees a client's reviews once they are complete (until then it's the
        // client's work in progress).
        var review = await db.Reviews.AsNoTracking().Include(r => r.Goals)
            .FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == subject.OwnerId && (subject.IsSelf || r.CompletedOn != null));
        if (!await authorization.MayAsync(User, review, RecordOperations.Read))
        {
            return NotFound();
        }

        Review = review!;
        Changes = await ReviewChanges.LoadAsync(db, Review, Review.CompletedAtUtc ?? clock.UtcNow.UtcDateTime, clock.Zone);
        if (Review.IsCompleted)
        {
            var threads = await comments.LoadAsync(Review.OwnerId, User.RequireUserId(), [(CommentTarget.Review, Review.Id)]);
            var canWrite = !subject.IsSelf || await db.SharesWithACounsellorAsync(Review.OwnerId);
            var thread = threads[(CommentTarget.Review, Review.Id)];
            Comments = thread.Comments.Count > 0 || canWrite
                ? new CommentBox(thread, "Comments on this review", canWrite, clock, CommentFeedback.From(TempData))
                : null;
        }

        return Page();
    }

    /// <summary>Any form aimed at a review's own page changes nothing: it is a record of what was decided.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == subject.OwnerId);
        if (!await authorization.MayAsync(User, review, RecordOperations.Change))
        {
            return NotFound();
        }

        Notice = review!.IsCompleted ? ReviewPage.CompletedMessage : "Nothing to save here — your answers are saved in the review's steps.";
        return RedirectToPage(new { id });
    }
}
