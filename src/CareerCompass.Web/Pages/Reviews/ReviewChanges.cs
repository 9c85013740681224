using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// "What changed since the last review": everything in the period a review looks back on — from its
/// <see cref="Review.SinceUtc"/> (just after: what the previous review itself changed belongs to it) to its completion
/// (or now, while it is open). Four queries, whatever the number of
/// goals, revisions and milestones.
/// </summary>
public sealed record ReviewChanges(
    IReadOnlyList<ReviewChanges.GoalLine> Added,
    IReadOnlyList<ReviewChanges.Adjustment> Adjusted,
    IReadOnlyList<ReviewChanges.StatusChange> StatusChanges,
    IReadOnlyList<ReviewChanges.MilestoneDone> Milestones,
    IReadOnlyList<ReviewChanges.ReflectionEdit> Reflection)
{
    public bool IsEmpty => Added.Count + Adjusted.Count + StatusChanges.Count + Milestones.Count + Reflection.Count == 0;

    public static async Task<ReviewChanges> LoadAsync(AppDbContext db, Review review, DateTime untilUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(review);
        var owner = review.OwnerId;
        var since = review.SinceUtc;
        var until = untilUtc;

        // The goals written in the period, and those with a change recorded in it — tracked, so that their
        // revisions (read next, all of them: a change's "after" is the next revision) join their histories.
        var goals = await db.Goals
            .Where(g => g.OwnerId == owner && ((g.CreatedAtUtc > since && g.CreatedAtUtc <= until)
                || db.GoalRevisions.Any(r => r.GoalId == g.Id && r.OwnerId == owner && r.RecordedAtUtc > since && r.RecordedAtUtc <= until)))
            .OrderBy(g => g.Id).ToListAsync();
        var ids = goals.Select(g => g.Id).ToList();
        await db.GoalRevisions.Where(r => r.OwnerId == owner && ids.Contains(r.GoalId)).OrderBy(r => r.Id).LoadAsync();

        var added = goals.Where(g => g.CreatedAtUtc > since && g.CreatedAtUtc <= until).Select(g => new GoalLine(g.Id, g.Statement)).ToList();
        var adjusted = new List<Adjustment>();
        var statuses = new List<StatusChange>();
        foreach (var goal in goals)
        {
            foreach (var entry in goal.History().Where(e => e.Revision.RecordedAtUtc > since && e.Revision.RecordedAtUtc <= until).Reverse())
            {
                var on = PersonalDate.Today(new DateTimeOffset(DateTime.SpecifyKind(entry.Revision.RecordedAtUtc, DateTimeKind.Utc)), zone);
                var fromThisReview = entry.Revision.ReviewId == review.Id;
                if (entry.Changed.Contains(GoalField.Status))
                {
                    statuses.Add(new StatusChange(goal.Id, entry.After.Statement, entry.Before.Status, entry.After.Status, entry.Revision.Reason, on, fromThisReview));
                }

                var edits = entry.Changed.Where(f => f != GoalField.Status).ToList();
                if (edits.Count > 0 || (!entry.Changed.Contains(GoalField.Status) && entry.Revision.Reason is not null))
                {
                    adjusted.Add(new Adjustment(goal.Id, entry.After.Statement, edits, entry.Revision.Reason, on, fromThisReview));
                }
            }
        }

        var sinceDate = PersonalDate.Today(new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)), zone);
        var untilDate = PersonalDate.Today(new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)), zone);
        var milestones = await (
            from m in db.Milestones.AsNoTracking()
            join g in db.Goals.AsNoTracking() on m.GoalId equals g.Id
            where m.OwnerId == owner && g.OwnerId == owner && m.Status == MilestoneStatus.Done && m.CompletedOn >= sinceDate && m.CompletedOn <= untilDate
            orderby m.CompletedOn, m.Id
            select new MilestoneDone(g.Id, g.Statement, m.Title, m.CompletedOn!.Value)).ToListAsync();

        var steps = await db.ReflectionSteps.AsNoTracking()
            .Where(s => s.OwnerId == owner && s.UpdatedAtUtc > since && s.UpdatedAtUtc <= until)
            .Select(s => new { s.Kind, s.UpdatedAtUtc }).ToListAsync();
        var reflection = steps
            .Select(s => new ReflectionEdit(ReflectionSteps.Of(s.Kind), PersonalDate.Today(new DateTimeOffset(DateTime.SpecifyKind(s.UpdatedAtUtc, DateTimeKind.Utc)), zone)))
            .OrderBy(s => s.Step.Number).ToList();

        return new ReviewChanges(added, adjusted, statuses, milestones, reflection);
    }

    public sealed record GoalLine(int GoalId, string Statement);

    public sealed record Adjustment(int GoalId, string Statement, IReadOnlyList<GoalField> Fields, string? Reason, DateOnly On, bool FromThisReview);

    public sealed record StatusChange(int GoalId, string Statement, GoalStatus From, GoalStatus To, string? Reason, DateOnly On, bool FromThisReview);

    public sealed record MilestoneDone(int GoalId, string Goal, string Title, DateOnly On);

    public sealed record ReflectionEdit(ReflectionStepInfo Step, DateOnly On);
}
