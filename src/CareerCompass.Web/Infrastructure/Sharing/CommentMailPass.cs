using System.Globalization;
using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// E-mails people about new comments: for each thread with comments from the last <see cref="LookBackDays"/> days,
/// everyone who can read it — the client, and each counsellor whose live grant covers it — except each comment's
/// author hears about what they haven't read and haven't been told about, at most once an hour per thread
/// (<see cref="CommentNotice"/>), unless they turned these e-mails off. A fixed number of statements per pass plus two
/// per e-mail (the claim, and putting it back if the mail server refuses). The claim is a versioned row, so two
/// instances running this at once send each e-mail once. Run by the reminder dispatcher after each reminder pass.
/// </summary>
public sealed partial class CommentMailPass(
    AppDbContext db, IAppMailer mailer, PublicAddress address, ReminderOptOut optOut, IOptions<EmailOptions> email, TimeProvider clock, ILogger<CommentMailPass> logger)
{
    public const int LookBackDays = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = now.UtcDateTime.AddDays(-LookBackDays);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.WrittenAtUtc >= since && c.DeletedAtUtc == null)
            .Select(c => new { c.Id, c.OwnerId, c.Target, c.TargetId, c.AuthorId, c.AuthorRole })
            .ToListAsync(cancellationToken);
        if (comments.Count == 0)
        {
            return 0;
        }

        var owners = comments.Select(c => c.OwnerId).Distinct().ToList();
        var grants = await db.LiveGrants().AsNoTracking()
            .Where(g => owners.Contains(g.OwnerId))
            .Select(g => new { g.OwnerId, CounsellorId = g.CounsellorId!, g.Scope })
            .ToListAsync(cancellationToken);
        var notices = await db.CommentNotices.Where(n => owners.Contains(n.OwnerId)).ToListAsync(cancellationToken);
        var reads = await db.CommentReads.AsNoTracking().Where(r => owners.Contains(r.OwnerId))
            .Select(r => new { r.OwnerId, r.ReaderId, r.Target, r.TargetId, r.SeenUpToId }).ToListAsync(cancellationToken);
        var people = owners.Concat(grants.Select(g => g.CounsellorId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id) && u.EmailConfirmed)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        var mailOff = (await db.ReviewSchedules.AsNoTracking().Where(s => people.Contains(s.OwnerId) && !s.CommentMailOn)
            .Select(s => s.OwnerId).ToListAsync(cancellationToken)).ToHashSet();
        var milestoneIds = comments.Where(c => c.Target == CommentTarget.Milestone).Select(c => c.TargetId).Distinct().ToList();
        var goalOfMilestone = await db.Milestones.AsNoTracking().Where(m => milestoneIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.GoalId, cancellationToken);

        var sent = 0;
        foreach (var thread in comments.GroupBy(c => (c.OwnerId, c.Target, c.TargetId)))
        {
            var (owner, target, targetId) = thread.Key;
            if (target == CommentTarget.Milestone && !goalOfMilestone.ContainsKey(targetId))
            {
                continue; // the milestone was removed: nothing left to read the comments on
            }

            var area = target == CommentTarget.Review ? SharedArea.Reviews : SharedArea.Goals;
            var readers = grants.Where(g => g.OwnerId == owner && g.Scope.Allows(area)).Select(g => g.CounsellorId).Prepend(owner).Distinct();
            foreach (var reader in readers)
            {
                if (mailOff.Contains(reader) || !users.TryGetValue(reader, out var to))
                {
                    continue;
                }

                var others = thread.Where(c => c.AuthorId != reader).ToList();
                if (others.Count == 0)
                {
                    continue;
                }

                var newest = others.Max(c => c.Id);
                var seen = reads.FirstOrDefault(r => r.OwnerId == owner && r.ReaderId == reader && r.Target == target && r.TargetId == targetId)?.SeenUpToId ?? 0;
                var notice = notices.FirstOrDefault(n => n.OwnerId == owner && n.RecipientId == reader && n.Target == target && n.TargetId == targetId);
                if (notice is null)
                {
                    notice = CommentNotice.Start(owner, reader, target, targetId);
                    db.CommentNotices.Add(notice);
                    notices.Add(notice);
                }

                if (!notice.IsDue(newest, seen, now))
                {
                    continue;
                }

                var fresh = others.Count(c => c.Id > Math.Max(notice.NotifiedUpToId, seen));
                var (before, beforeAt) = (notice.NotifiedUpToId, notice.SentAtUtc);
                notice.Sending(newest, now);
                if (!await ClaimAsync(notice, cancellationToken))
                {
                    continue;
                }

                var goalId = target switch
                {
                    CommentTarget.Goal => targetId,
                    CommentTarget.Milestone => goalOfMilestone.GetValueOrDefault(targetId),
                    _ => 0,
                };
                var mail = Compose(notice, reader == owner, users.GetValueOrDefault(owner), to, fresh, goalId);
                try
                {
                    await mailer.SendAsync(mail, cancellationToken);
                    sent++;
                }
#pragma warning disable CA1031 // a refused e-mail is tried again on the next pass; the others still go
                catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailed(logger, failure);
                    notice.NotSent(before, beforeAt);
                    await ClaimAsync(notice, cancellationToken);
                }
            }
        }

        return sent;
    }

    /// <summary>Saves the notice; false when another instance claimed the same e-mail first (theirs goes).</summary>
    private async Task<bool> ClaimAsync(CommentNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
        {
            db.Entry(notice).State = EntityState.Detached;
            return false;
        }
    }

    private AppMail Compose(CommentNotice notice, bool toClient, string? clientEmail, string to, int count, int goalId)
    {
        var what = notice.Target switch
        {
            CommentTarget.Goal => "a goal",
            CommentTarget.Milestone => "a milestone",
            _ => "a review",
        };
        var id = notice.TargetId.ToString(CultureInfo.InvariantCulture);
        var path = notice.Target == CommentTarget.Review ? $"/Reviews/{id}" : $"/Goals/{goalId.ToString(CultureInfo.InvariantCulture)}";
        var link = address.Link((toClient ? path : Subject.ClientHref(notice.OwnerId, path)) + "#comments");
        var comments = count == 1 ? "a new comment" : $"{count.ToString(CultureInfo.InvariantCulture)} new comments";
        var subject = toClient ? $"You have {comments} on your plan" : $"{(count == 1 ? "A new comment" : $"{count} new comments")} from your client";
        var opening = toClient
            ? $"There's {comments} on {what} in your CareerCompass plan."
            : $"Your client {clientEmail} left {comments} on {what} in their plan.";
        var off = address.Link($"/Reminders/Off?t={Uri.EscapeDataString(optOut.TokenFor(notice.RecipientId, ReminderList.Comments))}");
        var settings = address.Link("/Settings#reviews");
        const string Why = "You're getting this because comment e-mails are on in your CareerCompass settings. We send at most one an hour for each conversation.";
        var footer = ReminderMail.Footer(("Read and reply", link), Why, settings, off);
        return new AppMail(new AppMailAddress(to), subject, $"{opening}\n\n{footer.Text}", $"<p>{Encode(opening)}</p>{footer.Html}")
        {
            MessageId = AppMail.MessageIdFor($"comments-{notice.Id.ToString(CultureInfo.InvariantCulture)}-{notice.NotifiedUpToId.ToString(CultureInfo.InvariantCulture)}", email.Value.From),
            Headers = ReminderMail.UnsubscribeHeaders(off),
        };
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A comment e-mail was refused by the mail server; the next pass will try again.")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
