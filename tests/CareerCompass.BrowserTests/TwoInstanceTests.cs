using System.Diagnostics;
using System.Text.RegularExpressions;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareerCompass.BrowserTests;

/// <summary>A test that needs the PostgreSQL server of this run (<see cref="TwoInstances.SkipReason"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TwoInstances.SkipReason;
    }
}

/// <summary>
/// Two app instances behind nginx (round-robin, no sticky sessions) on one PostgreSQL database: a person's whole
/// journey with each request going to either instance, one instance killed on the way, and the rest of it through
/// the other with nothing lost and the person still signed in.
/// </summary>
public sealed class TwoInstanceTests(TwoInstances two, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    private static ILocator Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });

    [PostgresFact]
    public async Task A_journey_alternates_between_instances_and_goes_on_through_the_other_when_one_is_killed()
    {
        await two.BothRunningAsync(output.WriteLine);
        var clock = Stopwatch.StartNew();
        await using var context = await two.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var from = two.Requests().Count;

        var email = await SignUpAndSignInAsync(page);

        // The reflection, step by step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start your reflection" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 1 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("What energizes you?").FillAsync("Untangling messy problems with other people.");
        await page.GetByLabel("Interest 1").FillAsync("Teaching my nephew to code");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Leadership").CheckAsync();
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 3 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Skill 1").FillAsync("Explaining complex things simply");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 4 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Role or project").First.FillAsync("Weekend tutoring");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 5 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Hours a week you can invest in your career plan").FillAsync("4");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 6 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("In one year, I'd like to…").FillAsync("Lead a small team of researchers");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 7 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Career option").First.FillAsync("Research team lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see your summary" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your reflection at a glance" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("7 of 7 steps done")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "two-instances-01-reflection-summary");

        // A goal, drafted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write your first goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit$"));
        await page.GetByLabel("Your goal").FillAsync("Become a team leader within two years");
        await page.GetByLabel("Medium term (1–3 years)").CheckAsync();
        await page.GetByLabel("Deadline").FillAsync(DateTime.UtcNow.AddMonths(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("How confident are you? (1–10)").SelectOptionAsync("8");
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+$"));
        await Assertions.Expect(page.GetByText("Your goal is SMART")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var beforeKill = two.Requests().Skip(from).ToList();
        AssertBothServed(beforeKill);
        output.WriteLine($"Before the kill: {beforeKill.Count} requests, {beforeKill.Count(r => r.ServedBy == two.First.Port)} to the first instance, {beforeKill.Count(r => r.ServedBy == two.Second.Port)} to the second.");

        // One instance goes, between two pages (as a crash would: SIGKILL, nothing finished off).
        two.First.Kill();
        var afterKillFrom = two.Requests().Count;

        // Still signed in, the draft still there; the rest of the journey through the other instance.
        await page.GotoAsync("/Goals");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Become a team leader within two years" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Become a team leader within two years" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate this goal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your goal is active")).ToBeVisibleAsync();

        await page.GotoAsync("/Reviews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/look-back$"));
        await page.GetByLabel("Looking back, what stands out?").FillAsync("Mentoring on Fridays showed me I like helping a team grow.");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/goals$"));
        var goal = page.Locator("section", new() { HasText = "Become a team leader within two years" });
        await goal.GetByLabel("What helped?").FillAsync("Weekly chats with my mentor, Priya.");
        await goal.GetByLabel("Keep", new() { Exact = true }).CheckAsync();
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/new-goals$"));
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/summary$"));
        await checks.CheckAsync(page, "two-instances-02-review-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+$"));
        await Assertions.Expect(page.GetByText("Your review is complete").First).ToBeVisibleAsync();

        // Nothing from before the kill was lost: the reflection is whole, the goal active, the review done.
        await page.GotoAsync("/Reflection/Summary");
        await Assertions.Expect(page.GetByText("7 of 7 steps done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Lead a small team of researchers")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await using (var db = two.Database())
        {
            var owner = db.Users.Single(u => u.Email == email).Id;
            Assert.Single(db.Goals.Where(g => g.OwnerId == owner));
            Assert.Single(db.Reviews.Where(r => r.OwnerId == owner));
        }

        // After the kill, every request was answered, and by the instance left.
        var afterKill = two.Requests().Skip(afterKillFrom).ToList();
        Assert.True(afterKill.Count >= 10, $"Only {afterKill.Count} requests after the kill.");
        Assert.All(afterKill, r => Assert.Equal(two.Second.Port, r.ServedBy));
        Assert.All(afterKill, r => Assert.True(r.Status < 500, $"{r.Method} {r.Path} answered {r.Status} after the kill."));
        output.WriteLine($"The journey took {clock.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine($"After the kill: {afterKill.Count} requests, all to the second instance; {afterKill.Count(r => r.Tried.Count > 1)} first tried the killed one.");
    }

    [PostgresFact]
    public async Task Both_dispatchers_send_every_due_reminder_once_and_a_killed_ones_claim_passes_to_the_other()
    {
        await two.BothRunningAsync(output.WriteLine);
        var clock = Stopwatch.StartNew();

        // Both running: each reminder goes out once, and both dispatchers took a share.
        var calm = await SeedDueRemindersAsync("calm", 40);
        await WaitUntilSentAsync(calm);
        var (first, second) = (await RemindersTo(two.First, calm), await RemindersTo(two.Second, calm));
        output.WriteLine($"Both running: the first sent {first.Count}, the second {second.Count} of {calm.Count}.");
        var sent = first.Concat(second).ToList();
        Assert.Equal(calm.Order(), sent.Select(m => m.To.Single().Address).Order());
        Assert.True(first.Count >= 4 && second.Count >= 4, $"One dispatcher did nearly everything: {first.Count} and {second.Count}.");

        // One killed while it sends (after its second message of this batch, so it still holds a claim): the other
        // takes that claim once its lease runs out. At most the one message in flight at the kill (one send at a
        // time, Reminders:ParallelSends = 1) may arrive twice, with the same Message-Id.
        var crash = await SeedDueRemindersAsync("crash", 40);
        var waited = Stopwatch.StartNew();
        while ((await RemindersTo(two.First, crash)).Count < 2)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The first dispatcher sent nothing of the second batch in 30 s.");
            await Task.Delay(20);
        }

        two.First.Kill();
        await WaitUntilSentAsync(crash);
        (first, second) = (await RemindersTo(two.First, crash), await RemindersTo(two.Second, crash));
        output.WriteLine($"Killed while sending: the first sent {first.Count} before it went, the second {second.Count} of {crash.Count}.");
        var arrived = first.Concat(second).GroupBy(m => m.To.Single().Address).ToList();
        Assert.Equal(crash.Order(), arrived.Select(g => g.Key).Order());
        var twice = arrived.Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count <= 1 && twice.All(g => g.Count() == 2), "More than the one message in flight arrived twice: " + string.Join(", ", twice.Select(g => $"{g.Key} × {g.Count()}")));
        Assert.All(twice, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));

        // The kill left rows claimed (the rest of the first dispatcher's batch): the second sent them after the lease.
        await using var db = two.Database();
        var retaken = await (from r in db.Reminders
                             join u in db.Users on r.PersonId equals u.Id
                             where crash.Contains(u.Email!) && r.Attempts > 1
                             select r.Id).CountAsync();
        output.WriteLine($"{retaken} reminders were claimed again after the lease; {twice.Count} arrived twice.");
        output.WriteLine($"The reminders took {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(retaken >= 1, "No reminder was left claimed by the killed dispatcher, so none was taken over.");
    }

    /// <summary>People whose review is today, each with its "review today" reminder due a minute ago.</summary>
    private async Task<List<string>> SeedDueRemindersAsync(string batch, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var emails = Enumerable.Range(1, count).Select(i => $"{batch}{i:D3}-{Guid.NewGuid():N}"[..24] + "@example.org").ToList();
        await using var db = two.Database();
        foreach (var email in emails)
        {
            var person = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(person);
            var schedule = ReviewSchedule.Start(person.Id, today.AddYears(-1));
            schedule.MarkRemindersPlanned();
            db.ReviewSchedules.Add(schedule);
            db.Reminders.Add(Reminder.Plan(person.Id, new PlannedReminder(ReminderKind.ReviewToday, schedule.NextReviewOn, DateTimeOffset.UtcNow.AddMinutes(-1))));
        }

        await db.SaveChangesAsync();
        return emails;
    }

    private async Task WaitUntilSentAsync(List<string> emails)
    {
        await using var db = two.Database();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var states = await (from r in db.Reminders
                                join u in db.Users on r.PersonId equals u.Id
                                where emails.Contains(u.Email!)
                                select r.State).ToListAsync();
            if (states.Count == emails.Count && states.All(s => s == ReminderState.Sent))
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"After 60 s, {states.Count(s => s == ReminderState.Sent)} of {emails.Count} reminders were sent; states: {string.Join(", ", states.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}.");
            await Task.Delay(100);
        }
    }

    private static async Task<List<MailDevMessage>> RemindersTo(AppInstance instance, List<string> emails) =>
        (await instance.Mail.MessagesAsync()).Where(m => m.To.Count == 1 && emails.Contains(m.To[0].Address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Each instance served a fair share of the requests, page loads and form posts alike.</summary>
    private void AssertBothServed(List<ProxiedRequest> requests)
    {
        Assert.True(requests.Count >= 20, $"Only {requests.Count} requests went through nginx.");
        Assert.All(requests, r => Assert.True(r.Status < 500, $"{r.Method} {r.Path} answered {r.Status}."));
        foreach (var instance in two.Instances)
        {
            var served = requests.Count(r => r.ServedBy == instance.Port);
            Assert.True(served >= requests.Count * 0.35, $"The {instance.Name} instance served {served} of {requests.Count} requests.");
            Assert.Contains(requests, r => r.ServedBy == instance.Port && r.Method == "POST");
        }
    }

    /// <summary>Registers, confirms with the link from the e-mail (whichever instance sent it) and signs in.</summary>
    private async Task<string> SignUpAndSignInAsync(IPage page)
    {
        var email = People.NewEmail("twoinst");
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(People.GoodPassword);
        await page.GetByLabel("Type the password again").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("RegisterConfirmation"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(await two.ConfirmationLinkAsync(email));
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        return email;
    }
}
