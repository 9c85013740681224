using System.Net;
using System.Text.Json;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Pages.Reviews;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareerCompass.Web.Tests.Reviews.ReviewJourney;

namespace CareerCompass.Web.Tests.Reviews;

public sealed class ReviewWizardTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private Task<Review> StoredReviewAsync(int id) => app.ReadAsync(db => db.Reviews.AsNoTracking().Include(r => r.Goals).SingleAsync(r => r.Id == id));

    private Task<Goal> StoredGoalAsync(int id) => app.ReadAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == id));

    [Fact]
    public async Task The_reviews_page_shows_the_next_review_date_and_an_empty_history()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();

        var page = await browser.GetAsync("/Reviews");

        HtmlChecks.AssertWellFormedAndLabelled(page);
        Assert.Contains("Your next review", page.Text, StringComparison.Ordinal);
        Assert.Contains(Today.AddYears(1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), page.Text, StringComparison.Ordinal);
        Assert.Contains("No reviews yet", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#start-form button"));
        Assert.NotNull(page.Document.QuerySelectorAll("nav a").SingleOrDefault(a => a.TextContent == "Reviews"));
        browser.Dispose();
    }

    [Fact]
    public async Task Something_changed_needs_a_reason_and_records_it()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var index = await browser.GetAsync("/Reviews");

        var blank = await browser.SubmitAsync(index, "#life-change-form", new Dictionary<string, string> { ["LifeChange"] = "   " });
        var huge = await browser.SubmitAsync(index, "#life-change-form", new Dictionary<string, string> { ["LifeChange"] = new string('x', 100_000) });
        var started = await browser.SubmitAsync(index, "#life-change-form", new Dictionary<string, string> { ["LifeChange"] = "I was offered a team lead role" });

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(Pages.Reviews.Index.ReasonNeeded, blank.Errors);
        Assert.Equal(Pages.Reviews.Index.ReasonNeeded, blank.Document.QuerySelector("#life-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Contains(Pages.Reviews.Index.ReasonTooLong, huge.Errors);
        Assert.EndsWith("/look-back", started.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("I was offered a team lead role", started.Text, StringComparison.Ordinal);
        var review = await StoredReviewAsync(IdOf(started));
        Assert.Equal(ReviewTrigger.LifeChange, review.Trigger);
        Assert.Equal("I was offered a team lead role", review.Reason);
        Assert.Equal(1, await app.ReadAsync(db => db.Reviews.CountAsync(r => r.OwnerId == review.OwnerId)));
        browser.Dispose();
    }

    [Fact]
    public async Task A_whole_review_walks_every_step_then_completes_schedules_the_next_and_celebrates()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var lead = await ActiveGoalAsync(browser, "Become a team leader within two years");
        var course = await ActiveGoalAsync(browser, "Complete two leadership courses this year");
        await AddDoneMilestoneAsync(browser, course, "Finish the first course", Today.AddDays(10));

        var (lookBack, id) = await StartAsync(browser);
        HtmlChecks.AssertWellFormedAndLabelled(lookBack);
        Assert.Contains("Your review has started", lookBack.Text, StringComparison.Ordinal);
        Assert.Contains("Your long-term vision", lookBack.Text, StringComparison.Ordinal);
        Assert.NotNull(lookBack.Document.QuerySelector("a[href='/Reflection/Vision']"));

        var goals = await browser.SubmitAsync(lookBack, LookBackForm, new Dictionary<string, string> { ["Note"] = "Learning still matters most." });
        Assert.Equal($"/Reviews/{id}/goals", goals.Url.AbsolutePath);
        HtmlChecks.AssertWellFormedAndLabelled(goals);
        Assert.Contains("Finish the first course", goals.Document.QuerySelector($"#goal-{course}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No milestones marked done", goals.Document.QuerySelector($"#goal-{lead}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, goals.Document.QuerySelectorAll($"#goal-{lead} input[type=radio]").Length);

        var order = goals.Document.QuerySelectorAll("input[name$='.GoalId']").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var newGoals = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string>
        {
            [$"Answers[{order.IndexOf(lead)}].Decision"] = "Keep",
            [$"Answers[{order.IndexOf(lead)}].Helped"] = "A patient mentor",
            [$"Answers[{order.IndexOf(lead)}].Feedback"] = "Ready for more responsibility",
            [$"Answers[{order.IndexOf(lead)}].FeedbackFrom"] = "My manager",
            [$"Answers[{order.IndexOf(course)}].Decision"] = "Achieved",
            [$"Answers[{order.IndexOf(course)}].Obstacles"] = "Evenings were busy",
        });
        Assert.Equal($"/Reviews/{id}/new-goals", newGoals.Url.AbsolutePath);
        HtmlChecks.AssertWellFormedAndLabelled(newGoals);

        var summary = await browser.SubmitAsync(newGoals, NewGoalsForm, new Dictionary<string, string> { ["Ideas"] = "Find a mentor in product design" });
        Assert.Equal($"/Reviews/{id}/summary", summary.Url.AbsolutePath);
        HtmlChecks.AssertWellFormedAndLabelled(summary);
        Assert.Contains("Learning still matters most.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Find a mentor in product design", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Will be marked achieved", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Stays as it is.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Ready for more responsibility — My manager", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Still to do before you complete", summary.Text, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(10));
        var completedOn = Today;
        var done = await browser.SubmitAsync(summary, CompleteForm);

        Assert.Equal($"/Reviews/{id}", done.Url.AbsolutePath);
        HtmlChecks.AssertWellFormedAndLabelled(done);
        var next = completedOn.AddYears(1);
        Assert.Contains($"Your review is complete — thank you for taking the time. Your next review is on {next.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Congratulations!", done.Text, StringComparison.Ordinal);
        Assert.Contains(Pages.Goals.Details.AchievedCelebration("Complete two leadership courses this year", completedOn), done.Text, StringComparison.Ordinal);

        var owner = await app.UserIdAsync(email);
        var schedule = await app.ReadAsync(db => db.ReviewSchedules.AsNoTracking().SingleAsync(s => s.OwnerId == owner));
        Assert.Equal(completedOn, schedule.LastReviewedOn);
        Assert.Equal(completedOn.AddMonths(schedule.Cadence.Months()), schedule.NextReviewOn);
        Assert.False(schedule.IsDue(completedOn));
        var reminders = await app.ReadAsync(db => db.Reminders.AsNoTracking().Where(r => r.PersonId == owner && r.State == ReminderState.Pending).ToListAsync());
        Assert.All(reminders, r => Assert.Equal(schedule.NextReviewOn, r.ForDate));
        Assert.NotEmpty(reminders);

        var review = await StoredReviewAsync(id);
        Assert.True(review.IsCompleted);
        Assert.Equal(completedOn, review.CompletedOn);
        var achieved = await StoredGoalAsync(course);
        Assert.Equal(GoalStatus.Achieved, achieved.Status);
        Assert.Equal(completedOn, achieved.AchievedOn);
        Assert.Equal(id, await app.ReadAsync(db => db.GoalRevisions.Where(r => r.GoalId == course).OrderBy(r => r.Id).Select(r => r.ReviewId).LastAsync()));
        Assert.Equal(GoalStatus.Active, (await StoredGoalAsync(lead)).Status);

        var list = await browser.GetAsync("/Reviews");
        HtmlChecks.AssertWellFormedAndLabelled(list);
        Assert.Contains("2 goals reviewed", list.Text, StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector($"a[href='/Reviews/{id}']"));
        Assert.DoesNotContain("No reviews yet", list.Text, StringComparison.Ordinal);

        // Done, the next one can start at once: it looks back from this one's completion.
        var (second, secondId) = await StartAsync(browser);
        Assert.NotEqual(id, secondId);
        Assert.EndsWith("/look-back", second.Url.AbsolutePath, StringComparison.Ordinal);
        var secondReview = await StoredReviewAsync(secondId);
        Assert.Equal(review.CompletedAtUtc, secondReview.SinceUtc);
        Assert.Equal(new[] { lead }, secondReview.Goals.Select(g => g.GoalId));
        browser.Dispose();
    }

    [Fact]
    public async Task Every_decision_is_carried_out_when_the_review_is_completed()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var statements = new[] { "Keep me", "Adjust me", "Pivot me", "Pause me", "Achieve me", "Retire me" };
        var ids = new List<int>();
        foreach (var statement in statements)
        {
            ids.Add(await ActiveGoalAsync(browser, statement));
        }

        var (_, id) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{id}/goals");
        var order = goals.Document.QuerySelectorAll("input[name$='.GoalId']").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var values = new Dictionary<string, string>();
        var decisions = new[] { "Keep", "Adjust", "Pivot", "Pause", "Achieved", "Retire" };
        for (var g = 0; g < ids.Count; g++)
        {
            var index = order.IndexOf(ids[g]);
            values[$"Answers[{index}].Decision"] = decisions[g];
            if (decisions[g] is "Pivot" or "Retire")
            {
                values[$"Answers[{index}].DecisionReason"] = $"Because of {decisions[g]}";
            }
        }

        var next = await browser.SubmitAsync(goals, GoalsForm, values);
        Assert.EndsWith("/new-goals", next.Url.AbsolutePath, StringComparison.Ordinal);
        var summary = await browser.GetAsync($"/Reviews/{id}/summary");
        Assert.Contains("Will be paused.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Will be retired", summary.Text, StringComparison.Ordinal);
        await browser.SubmitAsync(summary, CompleteForm);

        var statuses = new List<GoalStatus>();
        foreach (var goal in ids)
        {
            statuses.Add((await StoredGoalAsync(goal)).Status);
        }

        Assert.Equal(new[] { GoalStatus.Active, GoalStatus.Active, GoalStatus.Active, GoalStatus.Paused, GoalStatus.Achieved, GoalStatus.Retired }, statuses);
        var retired = await app.ReadAsync(db => db.GoalRevisions.AsNoTracking().Where(r => r.GoalId == ids[5]).OrderBy(r => r.Id).LastAsync());
        Assert.Equal("Because of Retire", retired.Reason);
        Assert.Equal(id, retired.ReviewId);
        var paused = await app.ReadAsync(db => db.GoalRevisions.AsNoTracking().Where(r => r.GoalId == ids[3]).OrderBy(r => r.Id).LastAsync());
        Assert.Equal(id, paused.ReviewId);
        var review = await StoredReviewAsync(id);
        Assert.Equal("Because of Pivot", review.Goals.Single(g => g.GoalId == ids[2]).DecisionReason);
        browser.Dispose();
    }

    [Fact]
    public async Task Pivot_and_retire_need_a_reason_shown_next_to_the_field_and_completing_waits_for_every_decision()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await ActiveGoalAsync(browser, "First goal");
        await ActiveGoalAsync(browser, "Second goal");
        var (_, id) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{id}/goals");

        var refused = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string>
        {
            ["Answers[0].Decision"] = "Pivot",
            ["Answers[1].Decision"] = "Retire",
            ["Answers[0].Helped"] = "Typed before the refusal",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal($"/Reviews/{id}/goals", refused.Url.AbsolutePath);
        Assert.Equal(GoalDecisions.PivotNeedsReason, refused.Document.QuerySelector("span[data-valmsg-for='Answers[0].DecisionReason']")!.TextContent.Trim());
        Assert.Equal(GoalDecisions.RetireNeedsReason, refused.Document.QuerySelector("span[data-valmsg-for='Answers[1].DecisionReason']")!.TextContent.Trim());
        Assert.Contains("Typed before the refusal", refused.Html, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(refused);
        Assert.All((await StoredReviewAsync(id)).Goals, g => Assert.Null(g.Decision));

        // "Back" keeps the answers without asking for the reason yet; the summary lists what's missing.
        var back = await browser.SubmitAsync(refused, GoalsForm, action: $"/Reviews/{id}/goals?handler=Back");
        Assert.EndsWith("/look-back", back.Url.AbsolutePath, StringComparison.Ordinal);
        var summary = await browser.GetAsync($"/Reviews/{id}/summary");
        Assert.Contains("Still to do before you complete", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Please say why “First goal” is changing direction.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Please say why you're retiring “Second goal”.", summary.Text, StringComparison.Ordinal);
        Assert.NotEmpty(summary.Document.QuerySelectorAll($"a[href^='/Reviews/{id}/goals#goal-']"));

        var notYet = await browser.SubmitAsync(summary, CompleteForm);
        Assert.Equal(HttpStatusCode.OK, notYet.Status);
        Assert.Contains(Summary.NotYet, notYet.Errors);
        Assert.False((await StoredReviewAsync(id)).IsCompleted);
        browser.Dispose();
    }

    [Fact]
    public async Task Unknown_decisions_missing_fields_and_huge_text_get_clear_messages_not_errors()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var paused = await ActiveGoalAsync(browser, "A paused goal");
        var page = await browser.GetAsync($"/Goals/{paused}");
        await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "pause" });
        var (_, id) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{id}/goals");
        Assert.Empty(goals.Document.QuerySelectorAll("input[value='Pause']"));
        Assert.Contains("Keep it paused", goals.Text, StringComparison.Ordinal);

        foreach (var bad in new[] { "Explode", "3", "-1", "Keep,Retire" })
        {
            var refused = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(GoalDecisions.UnknownDecision, refused.Errors);
        }

        var pause = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Pause" });
        Assert.Contains(GoalDecisions.AlreadyPaused, pause.Errors);

        var huge = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string>
        {
            ["Answers[0].Helped"] = new string('x', 100_000),
            ["Answers[0].FeedbackFrom"] = new string('y', 1_000),
            ["Answers[0].DecisionReason"] = new string('z', 501),
        });
        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Contains(GoalDecisions.TextTooLong, huge.Errors);
        Assert.Contains(GoalDecisions.FromTooLong, huge.Errors);
        Assert.Contains(GoalDecisions.ReasonTooLong, huge.Errors);

        var badVersion = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Version"] = "not-a-version" });
        Assert.Equal(HttpStatusCode.OK, badVersion.Status);
        Assert.Contains("This page is out of date", badVersion.Text, StringComparison.Ordinal);

        // Only the antiforgery token and nothing else: nothing changes, and the person moves on.
        var token = goals.Document.QuerySelector($"{GoalsForm} input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var bare = await browser.PostAsync($"/Reviews/{id}/goals", [new("__RequestVerificationToken", token)]);
        Assert.True(bare.Status is HttpStatusCode.OK, bare.Status.ToString());
        var lookBack = await browser.GetAsync($"/Reviews/{id}/look-back");
        var longNote = await browser.SubmitAsync(lookBack, LookBackForm, new Dictionary<string, string> { ["Note"] = new string('n', 4001) });
        Assert.Contains(LookBack.TooLong, longNote.Errors);
        Assert.Null((await StoredReviewAsync(id)).LookBackNote);
        browser.Dispose();
    }

    [Fact]
    public async Task A_review_left_half_way_resumes_where_it_stopped_and_starting_again_continues_it()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await ActiveGoalAsync(browser, "Get a mentor");
        var oldTab = await browser.GetAsync("/Reviews");
        var (lookBack, id) = await StartAsync(browser);
        var goals = await browser.SubmitAsync(lookBack, LookBackForm, new Dictionary<string, string> { ["Note"] = "Half-way" });
        await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Keep" });

        // Another day, another device.
        var later = await app.SignInAgainAsync(email);
        var index = await later.GetAsync("/Reviews");
        var resume = index.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Continue your review");
        Assert.Equal($"/Reviews/{id}/new-goals", resume.GetAttribute("href"));
        Assert.Null(index.Document.QuerySelector("#start-form"));
        Assert.Null(index.Document.QuerySelector("#life-change-form"));
        HtmlChecks.AssertWellFormedAndLabelled(index);

        var again = await browser.SubmitAsync(oldTab, "#start-form");
        Assert.Equal($"/Reviews/{id}/new-goals", again.Url.AbsolutePath);
        Assert.Contains("You already have a review under way", again.Text, StringComparison.Ordinal);
        var lifeChange = await browser.SubmitAsync(oldTab, "#life-change-form", new Dictionary<string, string> { ["LifeChange"] = "A new baby" });
        Assert.Equal($"/Reviews/{id}/new-goals", lifeChange.Url.AbsolutePath);
        var owner = await app.UserIdAsync(email);
        Assert.Equal(1, await app.ReadAsync(db => db.Reviews.CountAsync(r => r.OwnerId == owner)));

        var details = await later.GetAsync($"/Reviews/{id}");
        HtmlChecks.AssertWellFormedAndLabelled(details);
        Assert.Contains("This review isn't finished yet", details.Text, StringComparison.Ordinal);
        Assert.Contains("Half-way", details.Text, StringComparison.Ordinal);
        later.Dispose();
        browser.Dispose();
    }

    [Fact]
    public async Task A_save_from_a_second_tab_with_an_older_copy_is_refused_and_keeps_the_typed_text()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await ActiveGoalAsync(browser, "Speak at a meetup");
        var (_, id) = await StartAsync(browser);
        var firstTab = await browser.GetAsync($"/Reviews/{id}/goals");
        var secondTab = await browser.GetAsync($"/Reviews/{id}/goals");
        await browser.SubmitAsync(firstTab, GoalsForm, new Dictionary<string, string> { ["Answers[0].Helped"] = "From the first tab" });

        var stale = await browser.SubmitAsync(secondTab, GoalsForm, new Dictionary<string, string> { ["Answers[0].Helped"] = "From the second tab" });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(WizardFormPage.StaleMessage, stale.Errors);
        Assert.Contains("From the second tab", stale.Html, StringComparison.Ordinal);
        Assert.NotNull(stale.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Reload the latest version"));
        HtmlChecks.AssertWellFormedAndLabelled(stale);
        Assert.Equal("From the first tab", (await StoredReviewAsync(id)).Goals.Single().Helped);

        // A tab on another step is just as old: the review has one version.
        var lookBackTab = await browser.GetAsync($"/Reviews/{id}/look-back");
        await browser.SubmitAsync(await browser.GetAsync($"/Reviews/{id}/goals"), GoalsForm);
        var staleNote = await browser.SubmitAsync(lookBackTab, LookBackForm, new Dictionary<string, string> { ["Note"] = "Kept on screen" });
        Assert.Contains(WizardFormPage.StaleMessage, staleNote.Errors);
        Assert.Contains("Kept on screen", staleNote.Html, StringComparison.Ordinal);
        Assert.Null((await StoredReviewAsync(id)).LookBackNote);
        browser.Dispose();
    }

    [Fact]
    public async Task Autosave_answers_json_with_the_new_version_and_refuses_stale_or_bad_input()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await ActiveGoalAsync(browser, "Ship a side project");
        var (lookBack, id) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{id}/goals");

        var saved = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Pivot", ["Answers[0].Obstacles"] = "Time" }, action: $"/Reviews/{id}/goals?handler=Autosave");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        using (var json = JsonDocument.Parse(saved.Html))
        {
            Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
            Assert.Equal((await StoredReviewAsync(id)).Version, json.RootElement.GetProperty("version").GetGuid());
        }

        var stored = await StoredReviewAsync(id);
        Assert.Equal(ReviewDecision.Pivot, stored.Goals.Single().Decision); // no reason needed while typing
        Assert.Equal("Time", stored.Goals.Single().Obstacles);
        Assert.Equal(ReviewStep.Goals, stored.Step);

        var stale = await browser.SubmitAsync(lookBack, LookBackForm, new Dictionary<string, string> { ["Note"] = "Old tab" }, action: $"/Reviews/{id}/look-back?handler=Autosave");
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("saved somewhere else", stale.Html, StringComparison.Ordinal);

        var fresh = await browser.GetAsync($"/Reviews/{id}/look-back");
        var invalid = await browser.SubmitAsync(fresh, LookBackForm, new Dictionary<string, string> { ["Note"] = new string('x', 4001) }, action: $"/Reviews/{id}/look-back?handler=Autosave");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("under 4,000 characters", invalid.Html, StringComparison.Ordinal);

        var noToken = await browser.PostAsync($"/Reviews/{id}/look-back?handler=Autosave", [new("Note", "Sneaky"), new("Version", stored.Version.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Null((await StoredReviewAsync(id)).LookBackNote);
        browser.Dispose();
    }

    [Fact]
    public async Task A_completed_review_is_read_only_every_post_is_refused_with_a_message()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await ActiveGoalAsync(browser, "Learn SQL");
        var (lookBack, id) = await StartAsync(browser);
        var goalsTab = await browser.GetAsync($"/Reviews/{id}/goals");
        var summary = await AnswerAsync(browser, id, ("Keep", null));
        await browser.SubmitAsync(summary, CompleteForm);
        var before = await StoredReviewAsync(id);

        var note = await browser.SubmitAsync(lookBack, LookBackForm, new Dictionary<string, string> { ["Note"] = "Too late" });
        var goals = await browser.SubmitAsync(goalsTab, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Retire" });
        var autosave = await browser.SubmitAsync(goalsTab, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Retire" }, action: $"/Reviews/{id}/goals?handler=Autosave");
        var again = await browser.SubmitAsync(summary, CompleteForm);
        var step = await browser.GetAsync($"/Reviews/{id}/goals");
        var details = await browser.SubmitAsync(lookBack, LookBackForm, action: $"/Reviews/{id}");

        foreach (var page in new[] { note, goals, again, step, details })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal($"/Reviews/{id}", page.Url.AbsolutePath);
            Assert.Contains(ReviewPage.CompletedMessage, page.Text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Conflict, autosave.Status);
        Assert.Contains(ReviewPage.CompletedMessage, autosave.Html, StringComparison.Ordinal);
        var after = await StoredReviewAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.LookBackNote);
        Assert.Equal(ReviewDecision.Keep, after.Goals.Single().Decision);
        browser.Dispose();
    }

    [Fact]
    public async Task Adjust_opens_the_goal_editor_which_ties_the_revision_to_the_review_and_returns_to_it()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var goal = await ActiveGoalAsync(browser, "Run a workshop");
        var (_, id) = await StartAsync(browser);
        var goals = await browser.GetAsync($"/Reviews/{id}/goals");
        Assert.NotNull(goals.Document.QuerySelector("[data-edit-link-for][hidden]"));
        goals = await browser.SubmitAsync(goals, GoalsForm, new Dictionary<string, string> { ["Answers[0].Decision"] = "Adjust", ["Answers[0].DecisionReason"] = "Smaller first" }, action: $"/Reviews/{id}/goals?handler=Back");
        goals = await browser.GetAsync($"/Reviews/{id}/goals");
        var link = goals.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Edit this goal with the coach");
        Assert.Equal($"/Goals/Edit/{goal}?review={id}", link.GetAttribute("href"));
        Assert.False(link.ParentElement!.HasAttribute("hidden"));

        var editor = await browser.GetAsync(link.GetAttribute("href")!);
        HtmlChecks.AssertWellFormedAndLabelled(editor);
        Assert.Contains("Back to your review", editor.Text, StringComparison.Ordinal);
        Assert.Contains("Smaller first", editor.Html, StringComparison.Ordinal);
        var back = await browser.SubmitAsync(editor, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Run a one-hour workshop for my team" });

        Assert.Equal($"/Reviews/{id}/goals", back.Url.AbsolutePath);
        Assert.Contains("is kept in its history with this review", back.Text, StringComparison.Ordinal);
        Assert.Contains("Run a one-hour workshop for my team", back.Text, StringComparison.Ordinal);
        var revision = await app.ReadAsync(db => db.GoalRevisions.AsNoTracking().Where(r => r.GoalId == goal).OrderBy(r => r.Id).LastAsync());
        Assert.Equal(id, revision.ReviewId);
        Assert.Equal("Run a workshop", revision.Statement);
        Assert.Equal("Smaller first", revision.Reason);

        var summary = await browser.GetAsync($"/Reviews/{id}/summary");
        Assert.Contains("1 change saved in the editor during this review", summary.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task The_goal_editor_ignores_a_review_that_is_not_the_persons_own_open_review_of_that_goal()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var (other, _) = await app.NewSignedInPersonAsync("other");
        var otherGoal = await ActiveGoalAsync(other, "Other's goal");
        var (_, othersReview) = await StartAsync(other);
        var goal = await ActiveGoalAsync(owner, "Owner's goal, in no review");
        Assert.True(otherGoal > 0);

        foreach (var review in new[] { othersReview, 999_999 })
        {
            var editor = await owner.GetAsync($"/Goals/Edit/{goal}?review={review}");
            Assert.DoesNotContain("Back to your review", editor.Text, StringComparison.Ordinal);
            var saved = await owner.SubmitAsync(editor, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = $"Owner's goal {review}", ["Input.Reason"] = "Tidy" }, action: $"/Goals/Edit/{goal}?review={review}");
            Assert.Equal($"/Goals/{goal}", saved.Url.AbsolutePath);
        }

        // The owner's own open review, but one that doesn't review this goal.
        var (_, ownReview) = await StartAsync(owner);
        var newer = await ActiveGoalAsync(owner, "A goal written during the review");
        var notInIt = await owner.GetAsync($"/Goals/Edit/{newer}?review={ownReview}");
        Assert.DoesNotContain("Back to your review", notInIt.Text, StringComparison.Ordinal);
        var outside = await owner.SubmitAsync(notInIt, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Changed", ["Input.Reason"] = "Tidy" }, action: $"/Goals/Edit/{newer}?review={ownReview}");
        Assert.Equal($"/Goals/{newer}", outside.Url.AbsolutePath);

        Assert.All(await app.ReadAsync(db => db.GoalRevisions.AsNoTracking().Where(r => r.GoalId == goal || r.GoalId == newer).ToListAsync()), r => Assert.Null(r.ReviewId));
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task A_new_goal_written_from_the_review_returns_to_the_new_goals_step()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await StartAsync(browser);
        var step = await browser.GetAsync($"/Reviews/{id}/new-goals");
        HtmlChecks.AssertWellFormedAndLabelled(step);
        var link = step.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Write a new goal with the coach").GetAttribute("href")!;
        Assert.Equal($"/Goals/Edit?review={id}", link);

        var editor = await browser.GetAsync(link);
        var back = await browser.SubmitAsync(editor, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Mentor a junior designer" });

        Assert.Equal($"/Reviews/{id}/new-goals", back.Url.AbsolutePath);
        Assert.Contains("Saved your new goal", back.Text, StringComparison.Ordinal);
        Assert.Contains("Goals you've added during this review", back.Text, StringComparison.Ordinal);
        Assert.Contains("Mentor a junior designer", back.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_persons_review_is_not_found_on_any_step()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var (other, _) = await app.NewSignedInPersonAsync("other");
        await ActiveGoalAsync(owner, "Private goal");
        var (lookBack, id) = await StartAsync(owner);

        foreach (var path in new[] { "look-back", "goals", "new-goals", "summary" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Reviews/{id}/{path}")).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Reviews/{id}")).Status);
        var theirs = await other.GetAsync("/Reviews");
        var posted = await other.SubmitAsync(theirs, "#start-form", action: $"/Reviews/{id}/look-back", followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(theirs, "#start-form", action: $"/Reviews/{id}/summary?handler=Complete", followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Reviews/{id}/look-back")).Status);
        Assert.False((await StoredReviewAsync(id)).IsCompleted);
        Assert.True(lookBack.Status == HttpStatusCode.OK);
        owner.Dispose();
        other.Dispose();
    }
}
