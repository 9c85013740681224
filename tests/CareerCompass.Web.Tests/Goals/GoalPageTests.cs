using System.Net;
using CareerCompass.Web.Pages.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Goals;

public sealed class GoalPageTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private string InMonths(int months) => app.Clock.GetUtcNow().AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<(WebPage Page, int Id)> CreateGoalAsync(TestBrowser browser, Dictionary<string, string> fields)
    {
        var form = await browser.GetAsync("/Goals/Edit");
        var page = await browser.SubmitAsync(form, "#goal-form", fields);
        var id = int.Parse(page.Url.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return (page, id);
    }

    [Fact]
    public async Task A_vague_goal_saves_as_a_draft_with_the_coachs_advice()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Grow in my career" });

        Assert.Contains("Saved as a draft", page.Text, StringComparison.Ordinal);
        Assert.Contains("Draft", page.Text, StringComparison.Ordinal);
        Assert.Contains("\"grow in my career\" is vague", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelectorAll("button").SingleOrDefault(b => b.TextContent == "Activate anyway"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_smart_goal_activates_and_gathers_milestones_with_progress_and_a_celebration()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var values = await browser.GetAsync("/Reflection/Values");
        await browser.SubmitAsync(values, "form[data-autosave]", new Dictionary<string, string> { ["Picked"] = "learning" });
        var form = await browser.GetAsync("/Goals/Edit");
        var link = form.Document.QuerySelector("input[name='Input.Links']")!.GetAttribute("value")!;
        var (page, id) = await CreateGoalAsync(browser, new()
        {
            ["Input.Statement"] = "Complete two leadership courses this year",
            ["Input.Horizon"] = "ShortTerm",
            ["Input.Measure"] = "courses completed",
            ["Input.Target"] = "2",
            ["Input.Deadline"] = InMonths(6),
            ["Input.Confidence"] = "8",
            ["Input.Links"] = link,
        });
        Assert.Contains("Your goal is SMART", page.Text, StringComparison.Ordinal);
        Assert.Contains("Learning", page.Document.QuerySelector("#serves-title + ul")!.TextContent, StringComparison.Ordinal);

        var active = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate" });
        Assert.Contains("Your goal is active", active.Text, StringComparison.Ordinal);

        var after = active;
        foreach (var (title, months) in new[] { ("Pick the courses", 1), ("Finish course one", 3), ("Finish course two", 5) })
        {
            after = await browser.SubmitAsync(after, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = title, ["NewMilestone.DueOn"] = InMonths(months) });
            Assert.Contains("Milestone added.", after.Text, StringComparison.Ordinal);
        }

        for (var i = 0; i < 3; i++)
        {
            var forms = after.Document.QuerySelectorAll("form[action*='handler=MilestoneStatus']");
            var milestoneId = forms[i].QuerySelector("input[name=milestoneId]")!.GetAttribute("value")!;
            after = await browser.SubmitAsync(after, $"form[action*='handler=MilestoneStatus']:has(input[value='{milestoneId}'])", new Dictionary<string, string> { ["status"] = "Done" });
            Assert.Contains($"{i + 1} of 3 done", after.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Every milestone is done", after.Text, StringComparison.Ordinal);
        var achieved = await browser.SubmitAsync(after, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "achieve" });
        Assert.Contains("You achieved it", achieved.Text, StringComparison.Ordinal);
        Assert.Contains("achieved 22 Nov 2026", achieved.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Activating_a_goal_that_is_not_smart_needs_activate_anyway()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Grow in my career" });

        var refused = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate" });
        Assert.Contains(refused.Errors, e => e.Contains("isn't fully SMART yet", StringComparison.Ordinal));

        var anyway = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        Assert.Contains("Your goal is active", anyway.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData(7, "after the goal's deadline")]
    [InlineData(-1, "before you set the goal")]
    public async Task A_milestone_outside_the_goals_dates_is_refused_with_a_clear_message(int months, string message)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Finish a course by spring", ["Input.Deadline"] = InMonths(6) });

        var refused = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol", ["NewMilestone.DueOn"] = InMonths(months) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal("Enrol", refused.Document.QuerySelector("#NewMilestone_Title")!.GetAttribute("value"));
        browser.Dispose();
    }

    [Theory]
    [InlineData("Input.Statement", "", "Please write your goal in a sentence")]
    [InlineData("Input.Confidence", "11", "from 1 to 10")]
    [InlineData("Input.Horizon", "Forever", "doesn't look right")]
    [InlineData("Input.Deadline", "2020-01-01", "can't be before the day you set the goal")]
    [InlineData("Input.Links", "Values:not-mine", "no longer exists in your reflection")]
    public async Task Bad_goal_input_gets_a_clear_message_and_keeps_the_text(string field, string value, string message)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Goals/Edit");
        var fields = new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead", ["Input.Measure"] = "kept text" };
        fields[field] = value;

        var page = await browser.SubmitAsync(form, "#goal-form", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal("kept text", page.Document.QuerySelector("#Input_Measure")!.GetAttribute("value"));
        browser.Dispose();
    }

    [Fact]
    public async Task An_edit_from_a_stale_tab_is_refused_and_keeps_the_text()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var first = await browser.GetAsync($"/Goals/Edit/{id}");
        var second = await browser.GetAsync($"/Goals/Edit/{id}");
        await browser.SubmitAsync(first, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead within two years" });

        var stale = await browser.SubmitAsync(second, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Become a manager" });

        Assert.Contains(Edit.StaleMessage, stale.Errors);
        Assert.Contains("Become a manager", stale.Html, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_person_can_neither_see_nor_change_a_goal_nor_its_milestones()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var (other, _) = await app.NewSignedInPersonAsync("other");
        var (page, id) = await CreateGoalAsync(owner, new() { ["Input.Statement"] = "Finish a course by spring", ["Input.Deadline"] = InMonths(6) });
        var withMilestone = await owner.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol", ["NewMilestone.DueOn"] = InMonths(1) });
        var milestoneId = withMilestone.Document.QuerySelector("form[action*='handler=MilestoneStatus'] input[name=milestoneId]")!.GetAttribute("value")!;
        var (otherPage, otherId) = await CreateGoalAsync(other, new() { ["Input.Statement"] = "My own goal" });

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Goals/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Goals/Edit/{id}")).Status);
        foreach (var (handler, extra) in new[]
        {
            ("Status", new Dictionary<string, string> { ["change"] = "retire" }),
            ("AddMilestone", new Dictionary<string, string> { ["NewMilestone.Title"] = "Hijack", ["NewMilestone.DueOn"] = InMonths(1) }),
            ("DeleteMilestone", new Dictionary<string, string> { ["milestoneId"] = milestoneId }),
            ("AddPlanItem", new Dictionary<string, string> { ["NewPlanItem.Text"] = "Hijack" }),
        })
        {
            var attempt = await other.SubmitAsync(otherPage, "#milestone-form", extra, action: $"/Goals/{id}?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        }

        // Their own goal's id with the owner's milestone id is refused too.
        var crossed = await other.SubmitAsync(otherPage, "#milestone-form", new Dictionary<string, string> { ["milestoneId"] = milestoneId, ["status"] = "Done" }, action: $"/Goals/{otherId}?handler=MilestoneStatus");
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);

        var still = await owner.GetAsync($"/Goals/{id}");
        Assert.Contains("Draft", still.Text, StringComparison.Ordinal);
        Assert.Contains("Enrol", still.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hijack", still.Text, StringComparison.Ordinal);
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task A_milestone_change_from_a_stale_tab_is_refused_and_the_latest_is_shown()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Finish a course by spring", ["Input.Deadline"] = InMonths(6) });
        await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol", ["NewMilestone.DueOn"] = InMonths(1) });
        var firstTab = await browser.GetAsync($"/Goals/{id}");
        var secondTab = await browser.GetAsync($"/Goals/{id}");
        await browser.SubmitAsync(firstTab, "form[action*='handler=MilestoneStatus']", new Dictionary<string, string> { ["status"] = "Done" });

        var stale = await browser.SubmitAsync(secondTab, "form[action*='handler=MilestoneStatus']", new Dictionary<string, string> { ["status"] = "Skipped" });

        Assert.Contains(Details.StaleMessage, stale.Errors);
        Assert.Contains("1 of 1 done", stale.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task The_compact_coach_under_the_statement_names_the_count_met_and_the_next_step()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var blank = await browser.GetAsync("/Goals/Edit");
        Assert.Equal("0 of 5 met — next: say exactly what you'll achieve", blank.Document.QuerySelector("#coach-summary")!.TextContent);
        // Right under the statement, which it describes; the five criteria inside, the same as the full coach's.
        var compact = blank.Document.QuerySelector("#Input_Statement ~ details.coach-compact")!;
        Assert.Contains("coach-summary", blank.Document.QuerySelector("#Input_Statement")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(5, compact.QuerySelectorAll("[data-criterion]").Length);
        // Announced once, by one live region of the editor's own; the coach lists themselves stay quiet.
        Assert.Single(blank.Document.QuerySelectorAll("[aria-live]"));

        var (page, _) = await CreateGoalAsync(browser, new()
        {
            ["Input.Statement"] = "Complete two leadership courses this year",
            ["Input.Measure"] = "courses completed",
            ["Input.Target"] = "2",
            ["Input.Deadline"] = InMonths(6),
        });
        var edit = await browser.GetAsync(page.Document.QuerySelector("a[href*='/Goals/Edit/']")!.GetAttribute("href")!);
        Assert.Equal("3 of 5 met — next: say how confident you are", edit.Document.QuerySelector("#coach-summary")!.TextContent);

        using var check = await browser.Client.PostAsync(
            SmartCheckApi.Route,
            new StringContent("""{"statement": "Complete two leadership courses this year", "confidence": 8, "linkedItems": 1, "measure": "courses", "target": "2", "deadline": "2027-03-01"}""", System.Text.Encoding.UTF8, "application/json"));
        var summary = System.Text.Json.JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");
        Assert.Equal("All 5 met — your goal is SMART.", summary.GetProperty("text").GetString());
        Assert.Equal(5, summary.GetProperty("met").GetInt32());
        browser.Dispose();
    }

    [Fact]
    public async Task A_milestone_is_ticked_done_with_one_checkbox_and_an_old_form_is_refused()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (goal, _) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Earn a digital-marketing certification by December", ["Input.Deadline"] = InMonths(8) });
        var page = await browser.SubmitAsync(goal, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Book the exam", ["NewMilestone.DueOn"] = InMonths(2) });
        const string done = "form[action*='handler=MilestoneDone']";
        var box = page.Document.QuerySelector($"{done} input[type=checkbox]")!;
        Assert.Equal("Book the exam", page.Document.QuerySelector($"label[for='{box.Id}']")!.TextContent);
        Assert.False(box.HasAttribute("checked"));

        var ticked = await browser.SubmitAsync(page, done, new Dictionary<string, string> { ["done"] = "true" });
        Assert.Contains("Done: Book the exam.", ticked.Text, StringComparison.Ordinal);
        Assert.Contains("1 of 1 done", ticked.Text, StringComparison.Ordinal);
        Assert.True(ticked.Document.QuerySelector($"{done} input[type=checkbox]")!.HasAttribute("checked"));

        // Unticked, a browser sends only the hidden "false": back to in progress.
        var unticked = await browser.SubmitAsync(ticked, done, new Dictionary<string, string> { ["done"] = "false" });
        Assert.Contains("0 of 1 done", unticked.Text, StringComparison.Ordinal);
        Assert.Contains("in progress", unticked.Text, StringComparison.Ordinal);

        // The form from before those changes carries an old version.
        var stale = await browser.SubmitAsync(page, done, new Dictionary<string, string> { ["done"] = "true" });
        Assert.Contains(Details.StaleMessage, stale.Text, StringComparison.Ordinal);
        Assert.Contains("0 of 1 done", stale.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Each_milestone_has_two_forms_its_row_and_its_other_changes_and_each_button_posts_to_its_own_handler()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (goal, id) = await CreateGoalAsync(browser, new() { ["Input.Statement"] = "Earn a digital-marketing certification by December", ["Input.Deadline"] = InMonths(8) });
        var page = await browser.SubmitAsync(goal, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Book the exam", ["NewMilestone.DueOn"] = InMonths(2) });
        page = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Sit the exam", ["NewMilestone.DueOn"] = InMonths(3) });

        var rows = page.Document.QuerySelectorAll("#milestone-items li.milestone");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Equal(2, row.QuerySelectorAll("form").Length);
            Assert.Equal(2, row.QuerySelectorAll("input[name=__RequestVerificationToken]").Length);
            var more = row.QuerySelector("form.milestone-more")!;
            // Enter in the date field sends the form's first button: the date's own.
            Assert.Contains("handler=RescheduleMilestone", more.QuerySelector("button")!.GetAttribute("formaction"), StringComparison.Ordinal);
        });

        const string first = "#milestone-items li.milestone:first-child";
        var later = await browser.SubmitAsync(page, $"{first} form.milestone-more", new Dictionary<string, string> { ["dueOn"] = InMonths(4) }, submitter: "button[formaction*='handler=RescheduleMilestone']");
        Assert.Contains("Book the exam is now due", later.Text, StringComparison.Ordinal);
        var skipped = await browser.SubmitAsync(later, $"{first} form.milestone-more", new Dictionary<string, string> { ["status"] = "Skipped" });
        Assert.Contains("Book the exam: skipped.", skipped.Text, StringComparison.Ordinal);
        var moved = await browser.SubmitAsync(skipped, "#milestone-items li.milestone:last-child form[action*='handler=MilestoneDone']", submitter: "button[value=up]");
        Assert.Contains("Moved Sit the exam up.", moved.Text, StringComparison.Ordinal);
        var removed = await browser.SubmitAsync(moved, "#milestone-items li.milestone:first-child form.milestone-more", submitter: "button[formaction*='handler=DeleteMilestone']");
        Assert.Contains("Removed Sit the exam.", removed.Text, StringComparison.Ordinal);
        Assert.Single(removed.Document.QuerySelectorAll("#milestone-items li.milestone"));
        Assert.Equal(1, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.GoalId == id)));
        browser.Dispose();
    }
}
