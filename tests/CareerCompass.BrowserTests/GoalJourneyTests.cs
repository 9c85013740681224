using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class GoalJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    /// <summary>A criterion in the full coach (beside the form on wide screens; the compact one repeats it on phones).</summary>
    private static ILocator Criterion(IPage page, string key) => page.Locator($".coach [data-criterion='{key}']");

    private string InMonths(int months) => live.App.Clock.GetUtcNow().AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_vague_goal_becomes_smart_with_the_live_coach_gets_milestones_and_shows_on_the_dashboard()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        // Values to link the goal to.
        await page.GotoAsync("/Reflection/Values");
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and stay here" }).ClickAsync();

        await page.GotoAsync("/Goals");
        await checks.CheckAsync(page, "goals-01-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new goal" }).ClickAsync();
        var statement = page.GetByLabel("Your goal");
        await statement.FillAsync("Grow in my career");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-advice]")).ToContainTextAsync("\"grow in my career\" is vague");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-status]")).ToHaveTextAsync("Not yet");
        await checks.CheckAsync(page, "goals-02-vague-draft");

        await statement.FillAsync("Become a team leader within two years");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "timeBound").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "relevant").Locator("[data-status]")).ToHaveTextAsync("Not yet");

        await page.GetByLabel("Medium term (1–3 years)").CheckAsync();
        var deadline = live.App.Clock.GetUtcNow().AddMonths(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Deadline").FillAsync(deadline);
        await page.GetByLabel("How confident are you? (1–10)").SelectOptionAsync("8");
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await Assertions.Expect(Criterion(page, "relevant").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "achievable").Locator("[data-status]")).ToHaveTextAsync("Met");
        await checks.CheckAsync(page, "goals-03-smart");
        // On a wide screen the full coach sits beside the form, never over it, also once scrolled; no compact one.
        await Assertions.Expect(page.Locator(".coach-compact")).ToBeHiddenAsync();
        foreach (var scroll in new[] { 0, 600 })
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {scroll})");
            var form = (await page.Locator("#goal-form").BoundingBoxAsync())!;
            var coach = (await page.Locator(".coach").BoundingBoxAsync())!;
            Assert.True(coach.X >= form.X + form.Width, $"The coach (x {coach.X}) overlaps the form (to x {form.X + form.Width}).");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+$"));
        await Assertions.Expect(page.GetByText("Your goal is SMART")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate this goal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your goal is active")).ToBeVisibleAsync();

        var milestones = new[] { ("Ask my manager about leading a project", 1), ("Lead the project kick-off", 4), ("Complete a leadership course", 9) };
        foreach (var (title, months) in milestones)
        {
            await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Due").FillAsync(live.App.Clock.GetUtcNow().AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        }

        await page.GetByLabel("Ask my manager about leading a project", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByText("1 of 3 done (33%)")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "goals-04-goal-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 of 3 milestones done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lead the project kick-off" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Timeline of your active goals" })).ToBeVisibleAsync();
        await checks.CheckAsync(page, "goals-05-dashboard");
    }

    [Fact]
    public async Task On_a_phone_the_goal_pages_fit_and_pass_axe()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Earn a digital-marketing certification by December");
        await Assertions.Expect(Criterion(page, "measurable").Locator("[data-status]")).ToHaveTextAsync("Met");
        await checks.CheckAsync(page, "phone-goals-editor");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal editor scrolls sideways on a phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await checks.CheckAsync(page, "phone-goals-page");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page scrolls sideways on a phone.");

        // With a history entry whose long words must wrap, and a milestone with its forms.
        await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Book the exam");
        await page.GetByLabel("Due", new() { Exact = true }).FillAsync(live.App.Clock.GetUtcNow().AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit goal" }).ClickAsync();
        await page.GetByLabel("Your goal").FillAsync("Earn a digital-marketing certification (Google-Analytics-Individual-Qualification) by December");
        await page.GetByLabel("What changed, and why?").FillAsync("My manager asked for the analytics one");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history ol > li")).ToContainTextAsync(["My manager asked for the analytics one"]);
        await checks.CheckAsync(page, "phone-goals-history");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page with its history scrolls sideways on a phone.");
        await page.GotoAsync("/");
        await checks.CheckAsync(page, "phone-dashboard");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The dashboard scrolls sideways on a phone.");
    }

    [Fact]
    public async Task On_a_phone_the_compact_coach_sits_under_the_statement_and_says_only_what_changed()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");

        var statement = page.GetByLabel("Your goal");
        var compact = page.Locator(".coach-compact");
        await Assertions.Expect(compact).ToBeVisibleAsync();
        var box = (await statement.BoundingBoxAsync())!;
        var coachBox = (await compact.BoundingBoxAsync())!;
        Assert.InRange(coachBox.Y - (box.Y + box.Height), 0, 200);
        await Assertions.Expect(page.Locator(".coach")).ToBeHiddenAsync();

        await statement.FillAsync("Become a team leader within two years");
        await Assertions.Expect(page.Locator("[data-coach-summary]")).ToHaveTextAsync("3 of 5 met — next: say how confident you are");
        var announce = page.Locator("[data-coach-announce]");
        await Assertions.Expect(announce).ToHaveTextAsync("Now specific, measurable and time-bound. Still needs a confidence rating.");

        // Opens to the full advice.
        await compact.Locator("summary").ClickAsync();
        await Assertions.Expect(compact.Locator("[data-criterion='relevant'] [data-advice]")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "phone-goals-compact-coach");

        await page.GetByLabel("How confident are you? (1–10)").SelectOptionAsync("8");
        await Assertions.Expect(announce).ToHaveTextAsync("Now achievable. Still needs a link to what matters to you.");

        // The announcement logic itself: only changes, and nothing when nothing changed.
        var unchanged = await page.EvaluateAsync<string>("() => window.CareerCompassCoach.describeChanges({ specific: 'met' }, { specific: 'met' }, 'a date')");
        Assert.Equal(string.Empty, unchanged);
        var lost = await page.EvaluateAsync<string>(
            "() => window.CareerCompassCoach.describeChanges({ specific: 'met', timeBound: 'met' }, { specific: 'notYet', timeBound: 'met' }, 'a clear outcome')");
        Assert.Equal("No longer specific. Still needs a clear outcome.", lost);

        // Leaving with unsaved edits asks first; saving does not.
        string? dialog = null;
        page.Dialog += async (_, d) =>
        {
            dialog = d.Type;
            await d.DismissAsync();
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Your goals" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit"));
        for (var i = 0; i < 50 && dialog is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("beforeunload", dialog);
        dialog = null;
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+$"));
        Assert.Null(dialog);
    }

    [Fact]
    public async Task The_printable_plan_has_a_keyboard_reachable_print_button_and_prints_with_the_print_styles()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Finish a project management course by the summer");
        await page.GetByLabel("Deadline").FillAsync(InMonths(6));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+"));

        await page.GotoAsync("/Goals/Print");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#print-hint-no-js")).ToBeHiddenAsync();
        await checks.CheckAsync(page, "goals-print-screen");

        // Reached with the Tab key alone, and Enter opens the browser's print dialog (stubbed here).
        await page.EvaluateAsync("() => { window.printCalls = 0; window.print = () => { window.printCalls++; }; }");
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'print-plan'");
        }

        Assert.True(reached, "The print button can't be reached with the Tab key.");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printCalls"));

        // On paper: only the plan — no button, links back, site header or footer — and each goal on a page of its own.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(button).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your goals" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("body > header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Finish a project management course by the summer" })).ToBeVisibleAsync();
        Assert.Equal("page", await page.Locator(".print-plan__goal").First.EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await checks.CheckAsync(page, "goals-print-paper");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(button).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_a_save_the_server_refused_leaving_with_the_typed_text_still_asks_first()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");

        // No goal sentence: the server sends the form back with what was typed, nothing saved.
        await page.GetByLabel("What you'll count").FillAsync("Applications sent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("Please write your goal in a sentence");
        await Assertions.Expect(page.GetByLabel("What you'll count")).ToHaveValueAsync("Applications sent");

        string? dialog = null;
        page.Dialog += async (_, d) =>
        {
            dialog = d.Type;
            await d.DismissAsync();
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Your goals" }).ClickAsync();
        for (var i = 0; i < 50 && dialog is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("beforeunload", dialog);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit"));
        await Assertions.Expect(page.GetByLabel("What you'll count")).ToHaveValueAsync("Applications sent");
    }

    [Fact]
    public async Task On_a_phone_plan_item_rows_are_mostly_words_with_one_small_named_remove_button()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Lead a small team within a year");
        await page.GetByLabel("Deadline").FillAsync(InMonths(12));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+"));
        foreach (var (kind, text) in new[] { ("Skill", "Running a retrospective with the whole team"), ("Obstacle", "Little time on weekdays"), ("Resource", "A short course on giving feedback") })
        {
            await page.Locator("#NewPlanItem_Kind").SelectOptionAsync(kind);
            await page.Locator("#NewPlanItem_Text").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to plan" }).ClickAsync();
            await Assertions.Expect(page.Locator("#plan li.plan-item").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        }

        var rows = page.Locator("#plan li.plan-item");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var row = await rows.Nth(i).BoundingBoxAsync();
            var buttons = rows.Nth(i).Locator("button");
            Assert.Equal(1, await buttons.CountAsync());
            var button = await buttons.First.BoundingBoxAsync();
            Assert.NotNull(row);
            Assert.NotNull(button);
            Assert.True(button.Width <= 48 && button.Height <= 48, $"Row {i + 1}'s remove button is {button.Width}×{button.Height} px.");
            Assert.True(button.Width * button.Height < 0.2 * row.Width * row.Height, $"Row {i + 1} is mostly button: {button.Width}×{button.Height} in {row.Width}×{row.Height} px.");
            Assert.True(button.Width >= 24 && button.Height >= 24, "The remove button is smaller than a 24 px target.");
        }

        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page scrolls sideways on a phone.");
        await checks.CheckAsync(page, "phone-goal-plan-rows");

        // Named after its item, for screen readers and voice control.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove \"Little time on weekdays\"" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#plan")).Not.ToContainTextAsync("Little time on weekdays");
    }

    [Fact]
    public async Task On_a_phone_milestones_are_ticked_and_moved_in_place_and_the_timeline_is_a_dated_list()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Complete two leadership courses this year");
        await page.GetByLabel("Deadline").FillAsync(InMonths(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate anyway" }).ClickAsync();
        foreach (var (title, months) in new[] { ("Pick the courses", 1), ("Finish course one", 4) })
        {
            await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Due", new() { Exact = true }).FillAsync(InMonths(months));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Milestone added.")).ToBeVisibleAsync();
        }

        // A marker that a page load would wipe out.
        await page.EvaluateAsync("() => { window.stillHere = true; }");
        var rows = page.Locator("#milestone-items ol > li");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Finish course one up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rows.First).ToContainTextAsync("Finish course one");
        // At the top its "up" button is off, so focus stays with the same item: its "down" button.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Finish course one down" })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved Finish course one up." })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Finish course one down" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rows.Last).ToContainTextAsync("Finish course one");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Finish course one up" })).ToBeFocusedAsync();

        var done = page.GetByLabel("Pick the courses", new() { Exact = true });
        await done.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByText("1 of 2 done (50%)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Pick the courses", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Pick the courses", new() { Exact = true })).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"), "Moving or ticking a milestone loaded the page again.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save whether Pick the courses is done" }).CountAsync());

        // No row is mostly buttons: the move buttons take well under half of it.
        var row = (await rows.First.BoundingBoxAsync())!;
        var buttons = (await rows.First.Locator(".milestone-move").BoundingBoxAsync())!;
        Assert.True(buttons.Width < row.Width * 0.4, $"The move buttons are {buttons.Width} px of a {row.Width}-px row.");
        await checks.CheckAsync(page, "phone-goals-milestones");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page scrolls sideways on a phone.");

        await page.GotoAsync("/");
        var list = page.Locator(".timeline-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Timeline of your active goals" })).ToBeHiddenAsync();
        await Assertions.Expect(list).ToContainTextAsync("Pick the courses");
        var fontSize = await list.Locator("li li").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(fontSize.Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 14, $"The timeline's text is {fontSize} on a phone.");
        await checks.CheckAsync(page, "phone-dashboard-timeline");
    }

    [Fact]
    public async Task Without_scripts_a_milestone_is_ticked_and_saved_with_its_own_button()
    {
        await using var context = await live.Browser.NewContextAsync(new() { BaseURL = live.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Earn a digital-marketing certification by December");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Book the exam");
        await page.GetByLabel("Due", new() { Exact = true }).FillAsync(InMonths(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Book the exam", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save whether Book the exam is done" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 of 1 done (100%)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Book the exam", Exact = true })).ToBeCheckedAsync();

        // The date, status and remove share one form: Enter in the date field sends the date's own button.
        await page.GetByText("More for Book the exam: status, date, remove").ClickAsync();
        var newDate = InMonths(2);
        await page.GetByLabel("New date for Book the exam").FillAsync(newDate);
        await page.GetByLabel("New date for Book the exam").PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Book the exam is now due")).ToBeVisibleAsync();
        await page.GetByText("More for Book the exam: status, date, remove").ClickAsync();
        await Assertions.Expect(page.GetByLabel("New date for Book the exam")).ToHaveValueAsync(newDate);
        await Assertions.Expect(page.GetByLabel("Status of Book the exam")).ToHaveValueAsync("Done");
    }
}
