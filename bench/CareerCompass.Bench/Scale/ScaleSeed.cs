using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Bench.Scale;

/// <summary>
/// People for the scale benchmark, written through the app's own domain methods and EF Core (so the rows are exactly
/// what the app writes, on either provider), in batches of a few hundred people per context. Person <c>i</c> is the
/// same whatever the database's size (its own seeded random): the first hundred of a big database are a small one.
/// Every person has a review schedule, all seven reflection steps answered, one to four goals with four to eight
/// milestones and two plan lines, and (two in three) completed reviews; every tenth shares their plan with one of
/// the counsellors. Two probes are measured: a person with 20 goals × 10 milestones, and a counsellor with 30 clients.
/// </summary>
internal sealed class ScaleSeed(Func<AppDbContext> open, TimeProvider clock)
{
    public const string Password = "correct horse battery staple";
    public const string ProbeEmail = "probe@example.org";
    public const string ProbeCounsellorEmail = "probe-counsellor@example.org";
    public const int Counsellors = 300;
    public const int ProbeGoals = 20;
    public const int ProbeMilestones = 10;
    public const int ProbeClients = 30;

    // The role row the migrations create (CaseloadBenchmark and the app use the same id).
    private const string CounsellorRoleId = "b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0002";
    private const int Batch = 250;

    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC", "America/Chicago"];

    private static readonly string[] ValueKeys = ["helping-others", "autonomy", "learning", "financial-security", "creativity"];

    private static readonly string[] Statements =
    [
        "Complete the Google UX Design certificate by the end of June",
        "Apply to 10 junior data analyst roles each month until I have an offer",
        "Connect with 20 people in renewable energy before September",
        "Lead one team project from start to finish this year",
        "Finish my nursing degree's third year with a 2:1 average",
        "Shadow three senior designers for a day each by March",
        "Save £3,000 for a coding course by December",
        "Hold a one-to-one with each of my 6 reports every two weeks",
    ];

    private static readonly string[] Steps =
    [
        "Find a course", "Book the first module", "Finish module one", "Ask for feedback", "Update my CV",
        "Draft a portfolio piece", "Talk to my manager", "Apply for two roles", "Prepare for interviews", "Reflect on progress",
    ];

    private readonly string _passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);

    private readonly List<string> _counsellorIds = [];

    public string ProbeId { get; private set; } = string.Empty;

    public int ProbeGoalId { get; private set; }

    public string ProbeCounsellorId { get; private set; } = string.Empty;

    public int People { get; private set; }

    /// <summary>The probes and the counsellors (with no clients yet): once, first.</summary>
    public async Task SeedProbesAsync()
    {
        var today = Today();
        await using var db = open();
        var probe = Person(ProbeEmail, "Europe/London");
        db.Users.Add(probe);
        db.ReviewSchedules.Add(ReviewSchedule.Start(probe.Id, today.AddMonths(-5)));
        Reflect(db, probe.Id, new Random(-1));
        var goals = new List<Goal>();
        for (var g = 0; g < ProbeGoals; g++)
        {
            var goal = Goal.Create(probe.Id, new GoalDetails($"{Statements[g % Statements.Length]} (goal {g + 1})", GoalHorizon.ShortTerm, Deadline: today.AddMonths(6 + (g % 6))), today.AddMonths(-4));
            goal.Activate(today.AddMonths(-4), anyway: true, clock.GetUtcNow());
            db.Goals.Add(goal);
            goals.Add(goal);
        }

        var counsellor = Person(ProbeCounsellorEmail, "Europe/London");
        db.Users.Add(counsellor);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = counsellor.Id, RoleId = CounsellorRoleId });
        for (var c = 0; c < Counsellors - 1; c++)
        {
            var other = Person(string.Create(CultureInfo.InvariantCulture, $"counsellor{c:D3}@example.org"), Zones[c % Zones.Length]);
            db.Users.Add(other);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = other.Id, RoleId = CounsellorRoleId });
            _counsellorIds.Add(other.Id);
        }

        await db.SaveChangesAsync();
        foreach (var (goal, g) in goals.Select((goal, g) => (goal, g)))
        {
            for (var m = 0; m < ProbeMilestones; m++)
            {
                // The first few overdue, the rest ahead.
                goal.AddMilestone(Steps[m], today.AddDays((m * 18) - 40 + g), null);
            }

            goal.AddPlanItem(PlanItemKind.Skill, "Presenting with confidence", null, null);
            goal.AddPlanItem(PlanItemKind.Resource, "An evening course at the college", null, null);
        }

        await db.SaveChangesAsync();
        ProbeId = probe.Id;
        ProbeGoalId = goals[0].Id;
        ProbeCounsellorId = counsellor.Id;
    }

    /// <summary>People <see cref="People"/> … <paramref name="total"/> − 1, in batches; returns the seconds it took.</summary>
    public async Task<double> SeedPeopleAsync(int total, Action<int>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        for (var start = People; start < total; start += Batch)
        {
            await SeedBatchAsync(start, Math.Min(total, start + Batch));
            People = Math.Min(total, start + Batch);
            progress?.Invoke(People);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private async Task SeedBatchAsync(int from, int to)
    {
        var today = Today();
        var now = clock.GetUtcNow();
        await using var db = open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var people = new List<(string Id, Random Random, List<Goal> Goals)>();
        for (var i = from; i < to; i++)
        {
            var random = new Random(i);
            var person = Person(string.Create(CultureInfo.InvariantCulture, $"person{i:D6}@example.org"), Zones[i % Zones.Length]);
            db.Users.Add(person);
            var signedUp = today.AddDays(-30 - random.Next(700));
            var schedule = ReviewSchedule.Start(person.Id, signedUp);
            db.ReviewSchedules.Add(schedule);
            Reflect(db, person.Id, random);
            var goals = new List<Goal>();
            for (var g = 1 + random.Next(4); g > 0; g--)
            {
                var goal = Goal.Create(person.Id, new GoalDetails(Statements[random.Next(Statements.Length)], (GoalHorizon)random.Next(3), Deadline: today.AddDays(300 + random.Next(400))), today.AddDays(-60));
                goal.Activate(today.AddDays(-60), anyway: true, now);
                db.Goals.Add(goal);
                goals.Add(goal);
            }

            if (i % 10 == 0)
            {
                var counsellorId = i < ProbeClients * 10 ? ProbeCounsellorId : _counsellorIds[(i / 10) % _counsellorIds.Count];
                var grant = CounsellorGrant.Invite(person.Id, person.Email!, "counsellor@example.org", SharingScope.Plan, [], now.AddDays(-20));
                grant.Accept(counsellorId, "counsellor@example.org", now.AddDays(-19));
                db.CounsellorGrants.Add(grant);
            }

            people.Add((person.Id, random, goals));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var (id, random, goals) in people)
        {
            foreach (var goal in goals)
            {
                for (var m = 4 + random.Next(5); m > 0; m--)
                {
                    goal.AddMilestone(Steps[random.Next(Steps.Length)], today.AddDays(-60 + random.Next(350)), null);
                }

                goal.AddPlanItem(PlanItemKind.Skill, "Presenting with confidence", null, null);
                goal.AddPlanItem(PlanItemKind.Resource, "An evening course at the college", null, null);
            }

            // Two in three have completed a review of their goals (one to three of them).
            if (random.Next(3) != 0)
            {
                for (var r = 1 + random.Next(3); r > 0; r--)
                {
                    var on = today.AddDays(-r * 90);
                    var review = Review.Start(id, ReviewTrigger.Scheduled, null, on, on, now.UtcDateTime.AddDays(-(r + 1) * 90), goals);
                    review.SaveLookBack("Most of it still fits. I want more time for the course.");
                    foreach (var goal in goals)
                    {
                        review.SaveGoal(goal.Id, new ReviewGoalAnswers("Booking time in my calendar", "Evenings are busy", null, null, ReviewDecision.Keep, null));
                    }

                    review.Complete(on, now.AddDays(-r * 90));
                    db.Reviews.Add(review);
                }
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    /// <summary>All seven steps, answered as a person would (the answers vary a little from person to person).</summary>
    private void Reflect(AppDbContext db, string ownerId, Random random)
    {
        var now = clock.GetUtcNow();
        var steps = ReflectionSteps.All.Select(s => ReflectionStep.Start(ownerId, s.Kind)).ToList();
        steps[0].Save(new InterestsAnswers
        {
            Energizers = "Helping a customer find what they need, and sorting out a messy stockroom.",
            Items = [new InterestItem { Id = Guid.NewGuid(), Text = "Sketching app screens", Energy = 1 + random.Next(5) }, new InterestItem { Id = Guid.NewGuid(), Text = "Coaching new staff", Energy = 1 + random.Next(5) }],
        }, complete: true, now);
        steps[1].Save(new ValuesAnswers { Chosen = [.. ValueKeys.Select(k => new ChosenValue { Id = Guid.NewGuid(), Key = k })] }, complete: true, now);
        steps[2].Save(new StrengthsAnswers
        {
            Skills = [new SkillItem { Id = Guid.NewGuid(), Name = "Talking with customers", Rating = 1 + random.Next(5), Evidence = "Best feedback scores in the region last year" }, new SkillItem { Id = Guid.NewGuid(), Name = "Spreadsheets", Rating = 1 + random.Next(5) }],
        }, complete: true, now);
        steps[3].Save(new ExperiencesAnswers { Items = [new ExperienceItem { Id = Guid.NewGuid(), Title = "Redesigned the store's rota", Why = "People noticed it was fairer" }] }, complete: true, now);
        steps[4].Save(new PrioritiesAnswers { HoursPerWeek = 4 + random.Next(10) }, complete: true, now);
        steps[5].Save(new VisionAnswers { OneYear = "Working on digital products, even in a junior role.", ThreeYears = "Designing services people find easy." }, complete: true, now);
        steps[6].Save(new OptionsAnswers(), complete: random.Next(2) == 0, now);
        db.ReflectionSteps.AddRange(steps);
    }

    private AppUser Person(string email, string zone) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = _passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        LockoutEnabled = true,
        TimeZone = zone,
    };

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
