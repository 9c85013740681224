using CareerCompass.Domain.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using static CareerCompass.Web.Tests.Reviews.ReviewJourney;

namespace CareerCompass.Web.Tests.Reviews;

/// <summary>A completed review's own page: "what changed since the last review", and what it costs to show.</summary>
public sealed class ReviewHistoryTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task What_changed_lists_goals_added_adjusted_retired_and_achieved_milestones_done_and_reflection_steps_edited()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var before = await ActiveGoalAsync(browser, "Goal from before the first review");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, first) = await StartAsync(browser);
        await AnswerAsync(browser, first, ("Keep", null));
        await CompleteAsync(browser, first);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var added = await ActiveGoalAsync(browser, "Goal written after the first review");
        var reshaped = await ActiveGoalAsync(browser, "Goal to adjust in the second review");
        var editor = await browser.GetAsync($"/Goals/Edit/{before}");
        await browser.SubmitAsync(editor, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Goal from before, narrowed", ["Input.Reason"] = "Narrower is kinder" });
        await AddDoneMilestoneAsync(browser, before, "A milestone done in between", Today.AddDays(5));
        var vision = await browser.GetAsync("/Reflection/Vision");
        await browser.SubmitAsync(vision, "form[data-autosave]", new Dictionary<string, string> { ["Input.OneYear"] = "Lead a small team" });

        var (_, second) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{second}/goals");
        var order = goals.Document.QuerySelectorAll("input[name$='.GoalId']").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string>
        {
            [$"Answers[{order.IndexOf(before)}].Decision"] = "Retire",
            [$"Answers[{order.IndexOf(before)}].DecisionReason"] = "It no longer fits",
            [$"Answers[{order.IndexOf(added)}].Decision"] = "Achieved",
            [$"Answers[{order.IndexOf(reshaped)}].Decision"] = "Adjust",
        });
        var coach = await browser.GetAsync($"/Goals/Edit/{reshaped}?review={second}");
        await browser.SubmitAsync(coach, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Goal adjusted in the second review", ["Input.Reason"] = "Clearer" });
        await CompleteAsync(browser, second);

        var page = await browser.GetAsync($"/Reviews/{second}");
        HtmlChecks.AssertWellFormedAndLabelled(page);
        string Section(string name) => page.Document.QuerySelector($"[data-changes='{name}']")?.TextContent ?? string.Empty;

        Assert.Contains("Goal written after the first review", Section("added"), StringComparison.Ordinal);
        Assert.Contains("Goal adjusted in the second review", Section("added"), StringComparison.Ordinal);
        Assert.DoesNotContain("Goal from before", Section("added"), StringComparison.Ordinal);

        var adjusted = page.Document.QuerySelectorAll("[data-changes='adjusted'] li").Select(li => li.TextContent).ToList();
        var narrowed = Assert.Single(adjusted, a => a.Contains("Narrower is kinder", StringComparison.Ordinal));
        Assert.Contains("statement", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("in this review", narrowed, StringComparison.Ordinal);
        var inReview = Assert.Single(adjusted, a => a.Contains("Clearer", StringComparison.Ordinal));
        Assert.Contains("in this review", inReview, StringComparison.Ordinal);

        var status = page.Document.QuerySelectorAll("[data-changes='status'] li").Select(li => li.TextContent).ToList();
        var retired = Assert.Single(status, s => s.Contains("retired", StringComparison.Ordinal));
        Assert.Contains("It no longer fits", retired, StringComparison.Ordinal);
        Assert.Contains("in this review", retired, StringComparison.Ordinal);
        Assert.Contains(status, s => s.Contains("Goal written after the first review: achieved", StringComparison.Ordinal));

        Assert.Contains("A milestone done in between", Section("milestones"), StringComparison.Ordinal);
        Assert.Contains("Your long-term vision", Section("reflection"), StringComparison.Ordinal);

        // The first review looked back on the time from sign-up: the first goal was added then, nothing after it.
        var earlier = await browser.GetAsync($"/Reviews/{first}");
        var earlierAdded = earlier.Document.QuerySelector("[data-changes='added']")!.TextContent;
        Assert.Contains("Goal from before, narrowed", earlierAdded, StringComparison.Ordinal); // goals are named as they are now
        Assert.DoesNotContain("Goal written after the first review", earlierAdded, StringComparison.Ordinal);
        Assert.Null(earlier.Document.QuerySelector("[data-changes='reflection']"));

        var list = await browser.GetAsync("/Reviews");
        var links = list.Document.QuerySelectorAll("main .list-group a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(new[] { $"/Reviews/{second}", $"/Reviews/{first}" }, links);
        browser.Dispose();
    }

    /// <summary>Goals, each with done milestones and an edit, written straight to the database.</summary>
    private async Task SeedAsync(string email, int goals)
    {
        var owner = await app.UserIdAsync(email);
        var created = new List<Goal>();
        await app.WriteAsync(db =>
        {
            for (var g = 0; g < goals; g++)
            {
                var goal = Goal.Create(owner, new GoalDetails($"Seeded goal {g}", GoalHorizon.ShortTerm), Today);
                goal.Activate(Today, anyway: true, app.Clock.GetUtcNow());
                db.Goals.Add(goal);
                created.Add(goal);
            }

            return Task.CompletedTask;
        });
        await app.WriteAsync(async db =>
        {
            foreach (var goal in created)
            {
                db.Attach(goal);
                for (var m = 0; m < 3; m++)
                {
                    goal.AddMilestone($"Step {m} of {goal.Id}", Today.AddDays(m + 1), null);
                }

                goal.Revise(new GoalDetails($"Seeded goal {goal.Id}, revised", GoalHorizon.MediumTerm), "Because", null, app.Clock.GetUtcNow());
            }

            await Task.CompletedTask;
        });
        await app.WriteAsync(async db =>
        {
            foreach (var goal in created)
            {
                db.Attach(goal);
                foreach (var milestone in goal.OrderedMilestones)
                {
                    goal.SetMilestoneStatus(milestone.Id, MilestoneStatus.Done, Today, milestone.Version);
                }
            }

            await Task.CompletedTask;
        });
    }

    private async Task<int> QueriesForAsync(TestBrowser browser, string path)
    {
        await browser.GetAsync(path);
        app.Queries.Reset();
        var page = await browser.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return app.Queries.Count;
    }

    [Fact]
    public async Task Review_pages_run_as_many_queries_for_1_goal_as_for_8_goals_with_milestones_and_revisions()
    {
        var (small, smallEmail) = await app.NewSignedInPersonAsync("small");
        var (large, largeEmail) = await app.NewSignedInPersonAsync("large");
        await SeedAsync(smallEmail, 1);
        await SeedAsync(largeEmail, 8);

        var counts = new List<(string Page, int Small, int Large)>();
        var reviews = new Dictionary<TestBrowser, int>();
        foreach (var (browser, goals) in new[] { (small, 1), (large, 8) })
        {
            var (_, id) = await StartAsync(browser);
            reviews[browser] = id;
            await AnswerAsync(browser, id, Enumerable.Repeat(("Keep", (string?)null), goals).ToArray());
        }

        foreach (var step in new[] { "look-back", "goals", "new-goals", "summary" })
        {
            counts.Add((step, await QueriesForAsync(small, $"/Reviews/{reviews[small]}/{step}"), await QueriesForAsync(large, $"/Reviews/{reviews[large]}/{step}")));
        }

        await CompleteAsync(small, reviews[small]);
        await CompleteAsync(large, reviews[large]);
        counts.Add(("details", await QueriesForAsync(small, $"/Reviews/{reviews[small]}"), await QueriesForAsync(large, $"/Reviews/{reviews[large]}")));
        counts.Add(("index", await QueriesForAsync(small, "/Reviews"), await QueriesForAsync(large, "/Reviews")));

        var large8 = await large.GetAsync($"/Reviews/{reviews[large]}");
        Assert.Equal(8, large8.Document.QuerySelectorAll("[data-changes='adjusted'] li").Length);
        Assert.Equal(24, large8.Document.QuerySelectorAll("[data-changes='milestones'] li").Length);
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Page}: {c.Large}")));
        Assert.All(counts, c => Assert.True(c.Small == c.Large, $"{c.Page}: {c.Small} queries for 1 goal, {c.Large} for 8"));
        Assert.All(counts, c => Assert.True(c.Large <= 8, $"{c.Page}: {c.Large} queries"));
        small.Dispose();
        large.Dispose();
    }
}
