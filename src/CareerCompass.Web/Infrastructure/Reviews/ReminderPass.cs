using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>What one pass did.</summary>
public sealed class PassResult
{
#pragma warning disable CA1051, SA1401 // counted from parallel sends with Interlocked, which needs fields
    internal int SentCount;
    internal int SkippedCount;
    internal int CancelledCount;
    internal int FailedCount;
#pragma warning restore CA1051, SA1401

    public int DigestsPlanned { get; set; }

    public int Claimed { get; set; }

    public int Sent => SentCount;

    public int Skipped => SkippedCount;

    public int Cancelled => CancelledCount;

    /// <summary>Refused by the mail server this time: to be tried again later.</summary>
    public int Failed => FailedCount;
}

/// <summary>
/// One dispatcher pass. Exactly-once in effect:
/// <list type="number">
/// <item>every reminder is a row, unique per (person, date, kind), written before anything is sent — review
/// reminders by <see cref="ReviewPlanning"/> when the schedule changes, weekly digests here;</item>
/// <item>a pass claims due rows with a lease in one UPDATE whose condition only an unleased (or expired) pending
/// row meets, so two dispatchers never hold the same row;</item>
/// <item>it sends each, and marks it sent as soon as the SMTP server has accepted it;</item>
/// <item>a crash before that leaves the row leased; when the lease runs out the next pass claims it again and sends
/// the same message with the same Message-Id — at most that one message twice, never a whole batch.</item>
/// </list>
/// Finding what is due reads a range of the (State, SendAtUtc) index, so a pass costs what is due, not how many
/// people there are.
/// </summary>
public sealed partial class ReminderPass(
    AppDbContext db, IAppMailer mailer, ReminderMail compose, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderPass> logger,
    DigestWatermark? watermark = null)
{
    private readonly ReminderOptions _settings = options.Value;
    private readonly DigestWatermark _watermark = watermark ?? new DigestWatermark();

    /// <summary>Runs a pass as a new lease holder.</summary>
    public Task<PassResult> RunAsync(CancellationToken cancellationToken) =>
        RunAsync($"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 31)]}:{Guid.NewGuid():N}", cancellationToken);

    public async Task<PassResult> RunAsync(string leaseOwner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseOwner);
        await PlanUnplannedSchedulesAsync(cancellationToken);
        var result = new PassResult { DigestsPlanned = await PlanDigestsAsync(cancellationToken) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (found, batch) = await ClaimAsync(leaseOwner, cancellationToken);
            if (found == 0)
            {
                return result;
            }

            result.Claimed += batch.Count;
            await DeliverAsync(batch, leaseOwner, result, cancellationToken);
        }
    }

    /// <summary>
    /// Writes this week's digest row for each person with an open milestone due in their week (Monday to Sunday on
    /// their calendar) once their Monday morning has come, if they have none yet. Reads the milestones due around
    /// now through the DueOn index — what is due, not everyone.
    /// </summary>
    private async Task<int> PlanDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Only when it has become Monday morning somewhere since the last planning: otherwise there is nobody new
        // to plan for, and the pass skips the read of this week's milestones altogether.
        if (!_watermark.MondayMorningSince(now, _settings.DigestTime))
        {
            return 0;
        }

        // Only those whose own Monday morning came in this window: a milestone added mid-week waits for next Monday's
        // digest, and nobody gets last week's on a Sunday evening when the first zone's Monday begins.
        var since = _watermark.Since(now);
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);

        // A person's local date is within a day of UTC's, so their week [Monday, Monday + 7) lies inside these bounds.
        var earliest = utcToday.AddDays(-7);
        var latest = utcToday.AddDays(7);

        // This week's row has ForDate = their Monday ≥ utcToday − 7; last week's is at most utcToday − 6 … so a row
        // dated on or after utcToday − 5 can only be this week's: those people are left out here already. The few
        // late in their week that this misses are checked exactly below.
        var thisWeek = utcToday.AddDays(-5);
        var candidates = await (
            from m in db.Milestones
            where m.DueOn >= earliest && m.DueOn <= latest && (m.Status == MilestoneStatus.NotStarted || m.Status == MilestoneStatus.InProgress)
            join g in db.Goals on m.GoalId equals g.Id
            where g.Status == GoalStatus.Active
            join s in db.ReviewSchedules on m.OwnerId equals s.OwnerId
            where s.DigestOn
            join u in db.Users on m.OwnerId equals u.Id
            where u.EmailConfirmed
            where !db.Reminders.Any(r => r.PersonId == m.OwnerId && r.Kind == ReminderKind.MilestoneDigest && r.ForDate >= thisWeek)
            select new { m.OwnerId, m.DueOn, u.TimeZone }).ToListAsync(cancellationToken);

        var wanted = new List<Reminder>();
        foreach (var person in candidates.GroupBy(c => c.OwnerId))
        {
            var zone = PersonTimeZone.FindOrUtc(person.First().TimeZone);
            var monday = MondayOf(PersonalDate.Today(now, zone));
            var sendAt = LocalInstant.At(monday, _settings.DigestTime, zone);
            if (sendAt > since && sendAt <= now && person.Any(m => m.DueOn >= monday && m.DueOn < monday.AddDays(7)))
            {
                wanted.Add(Reminder.Plan(person.Key, new PlannedReminder(ReminderKind.MilestoneDigest, monday, sendAt)));
            }
        }

        if (wanted.Count == 0)
        {
            _watermark.PlannedThrough(now);
            return 0;
        }

        var existing = new HashSet<(string, DateOnly)>();
        foreach (var chunk in wanted.Chunk(500))
        {
            var people = chunk.Select(r => r.PersonId).ToList();
            var rows = await db.Reminders.AsNoTracking()
                .Where(r => people.Contains(r.PersonId) && r.Kind == ReminderKind.MilestoneDigest && r.ForDate >= earliest)
                .Select(r => new { r.PersonId, r.ForDate }).ToListAsync(cancellationToken);
            existing.UnionWith(rows.Select(r => (r.PersonId, r.ForDate)));
        }

        var added = await AddIgnoringTakenAsync([.. wanted.Where(r => !existing.Contains((r.PersonId, r.ForDate)))], cancellationToken);
        _watermark.PlannedThrough(now);
        return added;
    }

    /// <summary>
    /// Plans the review reminders of schedules that have never been planned — those the Reviews migration made for
    /// accounts that were already here — a few hundred at a time; found through the RemindersPlanned index, so once
    /// they are done this is one empty look-up per pass.
    /// </summary>
    private async Task PlanUnplannedSchedulesAsync(CancellationToken cancellationToken)
    {
        var planning = new ReviewPlanning(db, clock);
        while (true)
        {
            var batch = await (
                from s in db.ReviewSchedules
                where !s.RemindersPlanned
                join u in db.Users on s.OwnerId equals u.Id
                select new { Schedule = s, u.TimeZone }).Take(200).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var item in batch)
            {
                await planning.ReplanAsync(item.Schedule, PersonTimeZone.FindOrUtc(item.TimeZone), cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
            {
                // Another dispatcher (or the person, in Settings) planned some of these at the same moment: look again.
                db.ChangeTracker.Clear();
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Adds the rows; one another dispatcher wrote a moment ago (its unique key taken) is simply left out.</summary>
    private async Task<int> AddIgnoringTakenAsync(List<Reminder> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        db.Reminders.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return rows.Count;
        }
        catch (DbUpdateException taken) when (Conflicts.IsUniqueViolation(taken))
        {
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var row in rows)
        {
            db.Reminders.Add(Reminder.Plan(row.PersonId, new PlannedReminder(row.Kind, row.ForDate, new DateTimeOffset(row.SendAtUtc, TimeSpan.Zero))));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException taken) when (Conflicts.IsUniqueViolation(taken))
            {
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }

    /// <summary>Takes up to a batch of due, unleased pending reminders for <paramref name="leaseOwner"/>.</summary>
    /// <remarks>Returns how many were due as well: another dispatcher may have claimed all of those first, and then
    /// this one looks again rather than stopping while more are due.</remarks>
    private async Task<(int Found, List<Reminder> Claimed)> ClaimAsync(string leaseOwner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Reminders
            .Where(r => r.State == ReminderState.Pending && r.SendAtUtc <= now && (r.LeaseUntilUtc == null || r.LeaseUntilUtc < now))
            .OrderBy(r => r.SendAtUtc).Select(r => r.Id).Take(_settings.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (0, []);
        }

        var until = now + _settings.Lease;
        await db.Reminders
            .Where(r => ids.Contains(r.Id) && r.State == ReminderState.Pending && (r.LeaseUntilUtc == null || r.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.LeaseOwner, leaseOwner)
                .SetProperty(r => r.LeaseUntilUtc, until)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
        var claimed = await db.Reminders.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.LeaseOwner == leaseOwner && r.State == ReminderState.Pending)
            .ToListAsync(cancellationToken);
        return (ids.Count, claimed);
    }

    private async Task DeliverAsync(List<Reminder> batch, string leaseOwner, PassResult result, CancellationToken cancellationToken)
    {
        var ids = batch.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new ReminderPerson(u.Id, u.Email, u.EmailConfirmed, u.TimeZone)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var schedules = await db.ReviewSchedules.AsNoTracking().Where(s => ids.Contains(s.OwnerId)).ToDictionaryAsync(s => s.OwnerId, cancellationToken);
        var digests = await DigestMilestonesAsync(batch, cancellationToken);

        // Sends go several at a time (an SMTP server takes a while to greet each connection); the writes that record
        // them go one at a time through this scope's DbContext, each straight after its send.
        using var writes = new SemaphoreSlim(1, 1);
        async Task WriteAsync(Func<Task> write) => await WriteForAsync(async () =>
        {
            await write();
            return true;
        });

        async Task<T> WriteForAsync<T>(Func<Task<T>> write)
        {
            await writes.WaitAsync(CancellationToken.None);
            try
            {
                return await write();
            }
            finally
            {
                writes.Release();
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _settings.ParallelSends), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch, parallel, async (row, _) =>
        {
            // Only the host's stopping token reaches a send: one row's failure must not cut off the others mid-send.
            var person = people.GetValueOrDefault(row.PersonId);
            var schedule = schedules.GetValueOrDefault(row.PersonId);
            var today = PersonalDate.Today(clock.GetUtcNow(), PersonTimeZone.FindOrUtc(person?.TimeZone));
            var items = digests[row.PersonId].Where(m => m.DueOn >= row.ForDate && m.DueOn < row.ForDate.AddDays(7) && m.DueOn >= today).OrderBy(m => m.DueOn).ToList();
            var (state, mail) = row.Attempts > MaxAttempts ? (ReminderState.Skipped, null) : Decide(row, person, schedule, items, today);
            if (mail is null)
            {
                await WriteAsync(() => MarkAsync(row, leaseOwner, state));
                Interlocked.Increment(ref state == ReminderState.Cancelled ? ref result.CancelledCount : ref result.SkippedCount);
                return;
            }

            // Still ours and still to send? The batch's lease may have run out while earlier sends were slow, and a
            // replan may have cancelled the row since it was claimed: renew the lease on this one row, or leave it.
            if (!await WriteForAsync(() => RenewAsync(row, leaseOwner)))
            {
                return;
            }

            try
            {
                await mailer.SendAsync(mail, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The server refused or was away: free the row to try again later, waiting longer each time.
                LogSendFailed(logger, row.Id, row.Attempts, failure);
                var retryAt = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(row.Attempts, 6))));
                await WriteAsync(() => db.Reminders.Where(r => r.Id == row.Id && r.LeaseOwner == leaseOwner)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntilUtc, retryAt), CancellationToken.None));
                Interlocked.Increment(ref result.FailedCount);
                return;
            }

            // Accepted by the server: from here on it is sent, whatever happens to this process.
            await WriteAsync(() => MarkAsync(row, leaseOwner, ReminderState.Sent));
            Interlocked.Increment(ref result.SentCount);
        });
    }

    /// <summary>A row refused this many times (a mailbox that doesn't exist, say) is given up on: marked skipped.</summary>
    internal const int MaxAttempts = 12;

    private async Task<bool> RenewAsync(Reminder row, string leaseOwner)
    {
        var until = clock.GetUtcNow().UtcDateTime + _settings.Lease;
        return await db.Reminders.Where(r => r.Id == row.Id && r.LeaseOwner == leaseOwner && r.State == ReminderState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntilUtc, until), CancellationToken.None) == 1;
    }

    /// <summary>
    /// Records a row's outcome, trying again a few times if the database is busy (a "sent" that isn't recorded is
    /// sent again after the lease: better to wait a moment now).
    /// </summary>
    private async Task MarkAsync(Reminder row, string leaseOwner, ReminderState state)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await FinishAsync(row, leaseOwner, state, CancellationToken.None) == 0)
                {
                    LogLeaseLost(logger, row.Id);
                }

                return;
            }
            catch (Exception busy) when (attempt < 5 && busy is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException { IsTransient: true } or DbUpdateException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None);
            }
        }
    }

    private (ReminderState State, AppMail? Mail) Decide(Reminder row, ReminderPerson? person, ReviewSchedule? schedule, List<DigestItem> items, DateOnly today)
    {
        // Never to an account that's gone or unconfirmed; never a reminder the schedule no longer wants.
        if (person is null || schedule is null || string.IsNullOrEmpty(person.Email))
        {
            return (ReminderState.Cancelled, null);
        }

        if (!person.EmailConfirmed)
        {
            return (ReminderState.Skipped, null);
        }

        if (row.Kind == ReminderKind.MilestoneDigest)
        {
            // Late (the dispatcher was away): a week that is over isn't news; what's past in it is left out above.
            return !schedule.DigestOn ? (ReminderState.Cancelled, null)
                : items.Count == 0 || today >= row.ForDate.AddDays(7) ? (ReminderState.Skipped, null)
                : (ReminderState.Sent, compose.Digest(row, person, items));
        }

        if (!schedule.RemindersOn || schedule.NextReviewOn != row.ForDate)
        {
            return (ReminderState.Cancelled, null);
        }

        // "Coming up" on or after the day says nothing the "today" one doesn't; a late "today" says it's waiting.
        return row.Kind == ReminderKind.ReviewSoon && today >= row.ForDate
            ? (ReminderState.Skipped, null)
            : (ReminderState.Sent, compose.Review(row, person, schedule, today));
    }

    private async Task<ILookup<string, DigestItem>> DigestMilestonesAsync(List<Reminder> batch, CancellationToken cancellationToken)
    {
        var weeks = batch.Where(r => r.Kind == ReminderKind.MilestoneDigest).ToList();
        if (weeks.Count == 0)
        {
            return Array.Empty<DigestItem>().ToLookup(i => i.OwnerId);
        }

        var owners = weeks.Select(r => r.PersonId).Distinct().ToList();
        var firstDay = weeks.Min(r => r.ForDate);
        var afterLast = weeks.Max(r => r.ForDate).AddDays(7);
        var items = await (
            from m in db.Milestones
            where owners.Contains(m.OwnerId) && m.DueOn >= firstDay && m.DueOn < afterLast && (m.Status == MilestoneStatus.NotStarted || m.Status == MilestoneStatus.InProgress)
            join g in db.Goals on m.GoalId equals g.Id
            where g.Status == GoalStatus.Active
            select new DigestItem(m.OwnerId, g.Id, g.Statement, m.Title, m.DueOn)).ToListAsync(cancellationToken);
        return items.ToLookup(i => i.OwnerId);
    }

    private Task<int> FinishAsync(Reminder row, string leaseOwner, ReminderState state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? sentAt = state == ReminderState.Sent ? now : null;
        return db.Reminders.Where(r => r.Id == row.Id && r.LeaseOwner == leaseOwner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.SentAtUtc, sentAt)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntilUtc, (DateTime?)null), cancellationToken);
    }

    internal static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} was sent or settled after its lease had passed to another dispatcher; the other will find it done.")]
    private static partial void LogLeaseLost(ILogger logger, long reminderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} wasn't accepted by the mail server (attempt {Attempt}); it will be tried again.")]
    private static partial void LogSendFailed(ILogger logger, long reminderId, int attempt, Exception failure);
}

/// <summary>The person a reminder goes to.</summary>
public sealed record ReminderPerson(string Id, string? Email, bool EmailConfirmed, string TimeZone);

/// <summary>One milestone in a weekly digest.</summary>
public sealed record DigestItem(string OwnerId, int GoalId, string Goal, string Title, DateOnly DueOn);
