using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>
/// A person's review schedule and the reminder rows it wants. Every change to what a reminder depends on — the
/// cadence, the lead time, reminders on or off, the time zone, a completed review — goes through
/// <see cref="Replan"/> before the save, so the rows always match the schedule: reminders no longer due are cancelled
/// in the same transaction as the change that made them so.
/// </summary>
public sealed class ReviewPlanning(AppDbContext db, TimeProvider clock)
{
    /// <summary>The person's schedule, started today (on their calendar) if they have none yet.</summary>
    public async Task<ReviewSchedule> ScheduleForAsync(string personId, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (await db.ReviewSchedules.SingleOrDefaultAsync(s => s.OwnerId == personId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var schedule = ReviewSchedule.Start(personId, PersonalDate.Today(clock.GetUtcNow(), zone));
        db.ReviewSchedules.Add(schedule);
        await ReplanAsync(schedule, zone, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return schedule;
        }
        catch (DbUpdateException failure) when (Conflicts.IsUniqueViolation(failure))
        {
            // Another request started it at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return await db.ReviewSchedules.SingleAsync(s => s.OwnerId == personId, cancellationToken);
        }
    }

    /// <summary>The schedule only, if the person has one (no write): for pages that just show the date.</summary>
    public Task<ReviewSchedule?> FindScheduleAsync(string personId, CancellationToken cancellationToken = default) =>
        db.ReviewSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.OwnerId == personId, cancellationToken);

    /// <summary>
    /// Brings the person's review reminder rows in line with <paramref name="schedule"/> (tracked; the caller saves):
    /// reads only the rows that can matter — ones still pending, and any for the schedule's review date.
    /// </summary>
    public async Task ReplanAsync(ReviewSchedule schedule, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = schedule.NextReviewOn;
        var rows = await db.Reminders
            .Where(r => r.PersonId == schedule.OwnerId && r.Kind != ReminderKind.MilestoneDigest && (r.State == ReminderState.Pending || r.ForDate == next))
            .ToListAsync(cancellationToken);
        db.Reminders.AddRange(Reminder.Reconcile(schedule.OwnerId, rows, schedule.PlannedReminders(zone), clock.GetUtcNow()));
        schedule.MarkRemindersPlanned();
    }
}
