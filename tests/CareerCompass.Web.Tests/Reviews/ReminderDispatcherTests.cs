using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Tests.Reviews;

/// <summary>
/// The reminder dispatcher against a real SMTP server (maildev), read back through its REST API: a year of passes
/// on a fake clock for 1,000 people in many zones delivers exactly what their schedules planned, each once; a pass
/// that dies after the server accepted a message resends that one only, with the same Message-Id; two dispatchers
/// on one database at once never double.
/// </summary>
[Collection(SharedMailDev.Name)]
public sealed class ReminderDispatcherTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Zones =
    [
        "UTC", "Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kathmandu", "America/St_Johns",
        "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "America/Santiago", "Asia/Tokyo", "Europe/Berlin",
    ];

    private readonly MailDev _mail;
    private readonly CareerCompassFactory _app = new();

    // One for the test, as the app keeps one per instance (a pass plans digests only once it is Monday morning somewhere).
    private readonly DigestWatermark _watermark = new();

    public ReminderDispatcherTests(MailDev mail)
    {
        _mail = mail;
        foreach (var (key, value) in mail.AppSettings)
        {
            _app.Settings[key] = value;
        }
    }

    public async Task InitializeAsync()
    {
        await _mail.ClearAsync();
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _ = _app.Services; // starts the app: the database is migrated
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_year_of_passes_for_1000_people_delivers_exactly_the_planned_reminders_each_once_at_nine_local()
    {
        var people = await SeedAsync(1000, i =>
        {
            // Staggered: first reviews spread over the year; a quarter quarterly, a quarter half-yearly.
            var cadence = (i % 4) switch { 0 => ReviewCadence.Quarterly, 1 => ReviewCadence.HalfYearly, _ => ReviewCadence.Yearly };
            var months = cadence.Months();
            var startedOn = new DateOnly(2027, 1, 2).AddMonths(-months).AddDays(i % (months * 30));
            return new Seed(Zones[i % Zones.Length], startedOn, cadence, LeadDays: (i % 3) switch { 0 => 0, 1 => 14, _ => 7 },
                RemindersOn: i % 10 != 9, Confirmed: i % 50 != 7);
        });
        var expected = new HashSet<(string Person, ReminderKind Kind, DateOnly For)>();
        var end = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await PlanAllAsync(people, expected);

        for (var now = _app.Clock.GetUtcNow(); now < end; now = now.AddHours(6))
        {
            _app.Clock.SetTo(now);
            await PassAsync();

            // Each person does their review on the day it is due, once the day's reminder has gone (or at noon
            // local if they get none): the next review is planned from then.
            await CompleteDueReviewsAsync(people, expected);
        }

        var sent = await _app.ReadAsync(db => db.Reminders.AsNoTracking().Where(r => r.State == ReminderState.Sent).ToListAsync());
        var wanted = expected.Where(e => people[e.Person].Confirmed).ToHashSet();
        var byKey = sent.ToDictionary(r => (r.PersonId, r.Kind, r.ForDate));
        Assert.Equal(sent.Count, byKey.Count);
        Assert.Empty(wanted.Except(byKey.Keys).Take(5)); // none missing
        Assert.Empty(byKey.Keys.Except(wanted).Take(5)); // none unplanned
        Assert.InRange(sent.Count, 1500, 10000);

        // Each went once, at a sensible hour on the person's own clock, to the right person, with its own id.
        var messages = await _mail.MessagesAsync();
        Assert.Equal(sent.Count, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        var byMessageId = messages.ToDictionary(m => m.MessageId!);
        foreach (var row in sent)
        {
            var message = byMessageId[$"<reminder-{row.Id}@careercompass.local>"];
            Assert.True(message.IsTo(people[row.PersonId].Email));
            var local = PersonalDate.LocalTime(row.SentAtUtc!.Value, PersonTimeZone.FindOrUtc(people[row.PersonId].Zone));
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(15));
            Assert.Equal(row.Kind == ReminderKind.ReviewToday ? row.ForDate : row.ForDate.AddDays(-people[row.PersonId].LeadDays), DateOnly.FromDateTime(local));
        }

        // Nobody unconfirmed or with reminders off heard from us.
        Assert.DoesNotContain(messages, m => people.Values.Any(p => (!p.Confirmed || !p.RemindersOn) && m.IsTo(p.Email)));
    }

    [Fact]
    public async Task A_pass_that_dies_after_the_server_accepted_a_message_resends_only_that_one_with_the_same_message_id()
    {
        var people = await SeedAsync(120, i => new Seed("UTC", new DateOnly(2026, 1, 1), ReviewCadence.Yearly, 0, true, true));
        await PlanAllAsync(people, []);
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero));

        using var stop = new CancellationTokenSource();
        var oneAtATime = new ReminderOptions { ParallelSends = 1 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PassAsync(mailer => new StopsAfter(mailer, 40, stop), oneAtATime, stop.Token));
        Assert.Equal(40, await _mail.CountAsync());

        // Straight after: the dead pass's lease still holds what it claimed, so nothing goes twice yet.
        var early = await PassAsync(options: oneAtATime);
        Assert.Equal(0, early.Sent);

        // Once the lease has run out, the rest go — and the one that was accepted but never marked, again.
        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await PassAsync(options: oneAtATime);
        Assert.Equal(81, late.Sent);
        var messages = await _mail.WaitForAsync(_ => true, 121);
        Assert.Equal(121, messages.Count);
        var twice = messages.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToList();
        Assert.Single(twice);
        Assert.Equal(120, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await _app.ReadAsync(db => db.Reminders.AsNoTracking().ToListAsync()), r => Assert.Equal(ReminderState.Sent, r.State));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_at_once_send_every_reminder_once()
    {
        var people = await SeedAsync(300, i => new Seed(Zones[i % Zones.Length], new DateOnly(2026, 1, 5).AddDays(i % 3), ReviewCadence.Yearly, 0, true, true));
        await PlanAllAsync(people, []);
        Assert.Equal(300, await _app.ReadAsync(db => db.Reminders.CountAsync()));
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 8, 0, 0, 0, TimeSpan.Zero));

        var small = new ReminderOptions { BatchSize = 15, ParallelSends = 4 };
        var results = await Task.WhenAll(PassAsync(options: small), PassAsync(options: small), PassAsync(options: small));

        Assert.Equal(300, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "each dispatcher took a share"));
        var messages = await _mail.MessagesAsync();
        Assert.Equal(300, messages.Count);
        Assert.Equal(300, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Cancelled_skipped_and_changed_reminders_never_go()
    {
        var people = await SeedAsync(4, i => new Seed("Europe/London", new DateOnly(2026, 1, 10), ReviewCadence.Yearly, 14, true, i != 3));
        await PlanAllAsync(people, []);
        var ids = people.OrderBy(p => p.Value.Email, StringComparer.Ordinal).Select(p => p.Key).ToList();

        // One completes the review early, one turns reminders off, one moves to half-yearly; the fourth is unconfirmed.
        _app.Clock.SetTo(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await _app.WriteAsync(async db =>
        {
            var planning = new ReviewPlanning(db, _app.Clock);
            var zone = PersonTimeZone.FindOrUtc("Europe/London");
            foreach (var (id, change) in new (string, Action<ReviewSchedule>)[]
            {
                (ids[0], s => s.Reviewed(new DateOnly(2026, 12, 1))),
                (ids[1], s => s.StopReminders()),
                (ids[2], s => s.ChangeCadence(ReviewCadence.HalfYearly, new DateOnly(2026, 12, 1))),
            })
            {
                var schedule = await db.ReviewSchedules.SingleAsync(s => s.OwnerId == id);
                change(schedule);
                await planning.ReplanAsync(schedule, zone);
            }
        });

        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 11, 0, 0, 0, TimeSpan.Zero));
        var result = await PassAsync();

        // The third (half-yearly from 10 Jan 2026: due 10 Jul 2026, already past → today, 1 Dec, whose 09:00 had gone)
        // had nothing left to plan; only the unconfirmed person's rows came due, and were skipped.
        Assert.Equal(0, result.Sent);
        Assert.Empty(await _mail.MessagesAsync());
        var rows = await _app.ReadAsync(db => db.Reminders.AsNoTracking().ToListAsync());
        Assert.Contains(rows, r => r.PersonId == ids[3]);
        Assert.All(rows.Where(r => r.PersonId == ids[3]), r => Assert.Equal(ReminderState.Skipped, r.State));
        Assert.Contains(rows, r => r.PersonId == ids[1]);
        Assert.All(rows.Where(r => r.PersonId == ids[1]), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.DoesNotContain(rows, r => r.State == ReminderState.Pending && r.SendAtUtc <= _app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task The_monday_digest_lists_this_weeks_milestones_once_and_never_comes_empty()
    {
        var people = await SeedAsync(3, i => new Seed(i == 0 ? "Pacific/Auckland" : "America/New_York", new DateOnly(2026, 6, 1), ReviewCadence.Yearly, 14, true, true, DigestOn: i != 2));
        var ids = people.OrderBy(p => p.Value.Email, StringComparer.Ordinal).Select(p => p.Key).ToList();
        await _app.WriteAsync(async db =>
        {
            foreach (var id in ids)
            {
                var goal = Goal.Create(id, new GoalDetails("Move into a UX research role", GoalHorizon.ShortTerm, null, null, new DateOnly(2027, 6, 1), 7, null, [], []), new DateOnly(2026, 6, 1));
                goal.Activate(new DateOnly(2026, 6, 1), anyway: true, _app.Clock.GetUtcNow());
                goal.AddMilestone("Finish the portfolio case study", new DateOnly(2027, 1, 6), null); // a Wednesday
                goal.AddMilestone("Ask Sam for feedback", new DateOnly(2027, 1, 9), null);
                goal.AddMilestone("Apply to three roles", new DateOnly(2027, 1, 20), null); // a later week
                db.Goals.Add(goal);
            }

            await Task.CompletedTask;
        });

        // Sunday 3 January, 19:00 UTC: Monday 08:00 in Auckland, still Sunday in New York.
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 3, 19, 0, 0, TimeSpan.Zero));
        await PassAsync();
        var first = await _mail.WaitForAsync(m => m.IsTo(people[ids[0]].Email));
        Assert.Contains("2 milestones due", first[0].Subject, StringComparison.Ordinal);
        Assert.Contains("Finish the portfolio case study", first[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Apply to three roles", first[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, await _mail.CountAsync());

        // Monday 13:00 UTC is 08:00 in New York; the person with the digest off gets nothing; later passes add nothing.
        foreach (var hour in new[] { 13, 14, 20, 40, 100 })
        {
            _app.Clock.SetTo(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero).AddHours(hour));
            await PassAsync();
        }

        var messages = await _mail.MessagesAsync();
        Assert.Equal(2, messages.Count);
        Assert.Single(messages, m => m.IsTo(people[ids[1]].Email));
        Assert.All(messages, m => Assert.Contains("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"], StringComparison.Ordinal));

        // The week of the 11th has nothing due: no e-mail. The week of the 18th has one.
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 11, 20, 0, 0, TimeSpan.Zero));
        await PassAsync();
        Assert.Equal(2, await _mail.CountAsync());
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 18, 20, 0, 0, TimeSpan.Zero));
        await PassAsync();
        var third = await _mail.WaitForAsync(_ => true, 4);
        Assert.Equal(2, third.Count(m => m.Subject == "This week: 1 milestone due"));
    }

    [Fact]
    public async Task After_an_outage_a_late_review_reminder_says_the_review_is_waiting_and_a_stale_coming_up_one_is_skipped()
    {
        var people = await SeedAsync(1, _ => new Seed("Europe/Berlin", new DateOnly(2026, 1, 10), ReviewCadence.Yearly, 7, true, true));
        await PlanAllAsync(people, []);

        // The dispatcher was away from before the lead reminder (3 January) until three days after the review date.
        _app.Clock.SetTo(new DateTimeOffset(2027, 1, 13, 12, 0, 0, TimeSpan.Zero));
        var result = await PassAsync();

        Assert.Equal(1, result.Sent);
        Assert.Equal(1, result.Skipped);
        var mail = Assert.Single(await _mail.WaitForAsync(_ => true));
        Assert.Equal("Your career review is waiting for you", mail.Subject);
        Assert.Contains("Your review was due on Sunday 10 January 2027", mail.Text, StringComparison.Ordinal);
        var soon = await _app.ReadAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Kind == ReminderKind.ReviewSoon));
        Assert.Equal(ReminderState.Skipped, soon.State);
    }

    [Fact]
    public void Digests_are_planned_only_once_it_has_become_monday_morning_somewhere_since_the_last_planning()
    {
        var watermark = new DigestWatermark();
        var eight = new TimeOnly(8, 0);
        var mondayEvening = new DateTimeOffset(2027, 1, 4, 21, 0, 0, TimeSpan.Zero); // after 08:00 in every zone (UTC−12 is 20:00Z)

        Assert.True(watermark.MondayMorningSince(mondayEvening, eight)); // never planned: plan
        watermark.PlannedThrough(mondayEvening);
        Assert.False(watermark.MondayMorningSince(mondayEvening.AddHours(1), eight));
        Assert.False(watermark.MondayMorningSince(new DateTimeOffset(2027, 1, 8, 12, 0, 0, TimeSpan.Zero), eight)); // Friday
        Assert.False(watermark.MondayMorningSince(new DateTimeOffset(2027, 1, 10, 17, 0, 0, TimeSpan.Zero), eight)); // Sunday 17:00Z
        Assert.True(watermark.MondayMorningSince(new DateTimeOffset(2027, 1, 10, 18, 0, 0, TimeSpan.Zero), eight)); // Monday 08:00 at UTC+14
        Assert.True(watermark.MondayMorningSince(mondayEvening.AddDays(8), eight)); // a dispatcher down for a week catches up
    }

    private sealed record Seed(string Zone, DateOnly StartedOn, ReviewCadence Cadence, int LeadDays, bool RemindersOn, bool Confirmed, bool DigestOn = false)
    {
        public string Email { get; init; } = string.Empty;
    }

    private async Task<Dictionary<string, Seed>> SeedAsync(int count, Func<int, Seed> make)
    {
        var people = new Dictionary<string, Seed>();
        await _app.WriteAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var seed = make(i) with { Email = $"person{i:D4}@example.org" };
                var user = new AppUser
                {
                    UserName = seed.Email,
                    NormalizedUserName = seed.Email.ToUpperInvariant(),
                    Email = seed.Email,
                    NormalizedEmail = seed.Email.ToUpperInvariant(),
                    EmailConfirmed = seed.Confirmed,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    TimeZone = seed.Zone,
                };
                db.Users.Add(user);
                var schedule = ReviewSchedule.Start(user.Id, seed.StartedOn);
                schedule.ChangeCadence(seed.Cadence, seed.StartedOn);
                schedule.SetReminders(seed.RemindersOn, seed.LeadDays, seed.DigestOn);
                db.ReviewSchedules.Add(schedule);
                people[user.Id] = seed;
            }

            return Task.CompletedTask;
        });
        return people;
    }

    private async Task PlanAllAsync(Dictionary<string, Seed> people, HashSet<(string, ReminderKind, DateOnly)> expected)
    {
        await _app.WriteAsync(async db =>
        {
            var planning = new ReviewPlanning(db, _app.Clock);
            foreach (var schedule in await db.ReviewSchedules.ToListAsync())
            {
                var zone = PersonTimeZone.FindOrUtc(people[schedule.OwnerId].Zone);
                await planning.ReplanAsync(schedule, zone);
                Expect(schedule, zone, expected);
            }
        });
    }

    private void Expect(ReviewSchedule schedule, TimeZoneInfo zone, HashSet<(string, ReminderKind, DateOnly)> expected)
    {
        var now = _app.Clock.GetUtcNow();
        foreach (var planned in schedule.PlannedReminders(zone).Where(p => p.SendAt > now && p.SendAt < new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero)))
        {
            expected.Add((schedule.OwnerId, planned.Kind, planned.ForDate));
        }
    }

    private async Task CompleteDueReviewsAsync(Dictionary<string, Seed> people, HashSet<(string, ReminderKind, DateOnly)> expected)
    {
        var now = _app.Clock.GetUtcNow();
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        await _app.WriteAsync(async db =>
        {
            var planning = new ReviewPlanning(db, _app.Clock);
            var due = await db.ReviewSchedules.Where(s => s.NextReviewOn <= horizon).ToListAsync();
            var todays = (await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.ReviewToday && r.State != ReminderState.Pending && r.ForDate <= horizon)
                .Select(r => new { r.PersonId, r.ForDate }).ToListAsync()).Select(r => (r.PersonId, r.ForDate)).ToHashSet();
            foreach (var schedule in due)
            {
                var zone = PersonTimeZone.FindOrUtc(people[schedule.OwnerId].Zone);
                var today = PersonalDate.Today(now, zone);
                var reminded = todays.Contains((schedule.OwnerId, schedule.NextReviewOn))
                    || (!schedule.RemindersOn && PersonalDate.LocalTime(now.UtcDateTime, zone).Hour >= 12);
                if (today >= schedule.NextReviewOn && reminded)
                {
                    schedule.Reviewed(today);
                    await planning.ReplanAsync(schedule, zone);
                    Expect(schedule, zone, expected);
                }
            }
        });
    }

    private async Task<PassResult> PassAsync(Func<IAppMailer, IAppMailer>? wrap = null, ReminderOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var mailer = services.GetRequiredService<IAppMailer>();
        var pass = new ReminderPass(
            services.GetRequiredService<AppDbContext>(),
            wrap is null ? mailer : wrap(mailer),
            services.GetRequiredService<ReminderMail>(),
            _app.Clock,
            Options.Create(options ?? new ReminderOptions { ParallelSends = 16 }),
            NullLogger<ReminderPass>.Instance,
            _watermark);
        return await pass.RunAsync(cancellationToken);
    }

    /// <summary>A mailer that lets <c>count</c> messages through and then stops the pass, as a crash would just after the server said yes.</summary>
    private sealed class StopsAfter(IAppMailer inner, int count, CancellationTokenSource stop) : IAppMailer
    {
        private int _sent;

        public async Task SendAsync(AppMail mail, CancellationToken cancellationToken)
        {
            await inner.SendAsync(mail, cancellationToken);
            if (++_sent == count)
            {
                await stop.CancelAsync();
                throw new OperationCanceledException(stop.Token);
            }
        }
    }
}
