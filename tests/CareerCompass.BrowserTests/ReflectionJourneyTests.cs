using System.Text.RegularExpressions;
using CareerCompass.Domain.Reflection;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class ReflectionJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static ILocator Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });

    [Fact]
    public async Task A_person_walks_all_seven_steps_leaves_mid_step_resumes_with_text_intact_and_reaches_the_summary()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GetByRole(AriaRole.Link, new() { Name = "Start your reflection" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 1 of 7")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Thank you for confirming")).ToHaveCountAsync(0);
        await checks.CheckAsync(page, "reflection-01-interests");
        await page.GetByLabel("What energizes you?").FillAsync("Untangling messy problems with other people.");
        await page.GetByLabel("Interest 1").FillAsync("Teaching my nephew to code");
        await page.GetByLabel("How much energy it gives (1–5)").First.SelectOptionAsync("5");
        foreach (var activity in Riasec.Activities)
        {
            var rating = activity.Area switch { RiasecArea.Social => "5", RiasecArea.Investigative => "4", RiasecArea.Artistic => "3", _ => "1" };
            await page.GetByRole(AriaRole.Group, new() { Name = activity.Text }).GetByLabel($"{rating} of 5").CheckAsync();
        }

        // The result updates as they rate, in plain words, before anything is saved.
        await Assertions.Expect(page.Locator("[data-explorer-result]")).ToHaveTextAsync(
            "You lean towards helping people (Social), working things out (Investigative) and creating and expressing (Artistic). That's SIA for short.");

        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Autonomy").CheckAsync();
        await page.GetByLabel("Teamwork").CheckAsync();
        await page.GetByLabel("Your own value 1").FillAsync("Faith");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and stay here" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Faith up" })).ToBeVisibleAsync();

        // Newly ticked values join in list order (Autonomy, Learning, Teamwork), own ones after them. Reorder from the
        // keyboard: focus the button, press Enter — twice, so Faith goes from 4th to 2nd.
        for (var i = 0; i < 2; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Faith up" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved Faith up." })).ToBeVisibleAsync();
        }

        // Moved in place: the list changed without a page load, and focus stayed on Faith's button.
        await Assertions.Expect(page.Locator("#ranking li > span").Nth(1)).ToContainTextAsync("Faith");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Faith up" })).ToBeFocusedAsync();
        var ranking = await page.Locator("#ranking li > span").AllInnerTextsAsync();
        Assert.Equal(["Autonomy", "Faith", "Learning", "Teamwork"], ranking.Select(r => r.Replace("Top five", string.Empty, StringComparison.Ordinal).Trim()));
        await checks.CheckAsync(page, "reflection-02-values");
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 3 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Skill 1").FillAsync("Explaining complex things simply");
        await page.GetByLabel("Kind").First.SelectOptionAsync(new SelectOptionValue { Label = "Interpersonal" });
        await page.GetByLabel("Self-rating").First.SelectOptionAsync("4");
        await checks.CheckAsync(page, "reflection-03-strengths");
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 4 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Role or project").First.FillAsync("Weekend tutoring");
        await page.GetByRole(AriaRole.Group, new() { Name = "Experience 1" }).GetByLabel("The people").CheckAsync();
        await checks.CheckAsync(page, "reflection-04-experiences");
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 5 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Hours a week you can invest in your career plan").FillAsync("4");
        await checks.CheckAsync(page, "reflection-05-priorities");
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 6 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("In one year, I'd like to…").FillAsync("Work as a junior UX researcher");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved at" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await checks.CheckAsync(page, "reflection-06-vision-autosaved");

        // Leave mid-step (nothing pressed), come back to /Reflection: it resumes here with the text intact.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue your reflection" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reflection/Vision$"));
        await Assertions.Expect(page.GetByLabel("In one year, I'd like to…")).ToHaveValueAsync("Work as a junior UX researcher");
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 7 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Career option").First.FillAsync("UX researcher");
        await page.GetByLabel("How it fits your interests, values and strengths").First.FillAsync("Investigative and social — I get to study and help people.");
        await checks.CheckAsync(page, "reflection-07-options");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see your summary" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your reflection at a glance" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("7 of 7 steps done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("That's SIA for short.")).ToBeVisibleAsync();
        var topValues = await page.Locator("#s-values + ol li").AllInnerTextsAsync();
        Assert.Equal(["Autonomy", "Faith", "Learning", "Teamwork"], topValues);
        await Assertions.Expect(page.GetByText("Work as a junior UX researcher")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "reflection-08-summary");

        // At 7 of 7 the summary leads on to the first goal, not back to itself.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write your first goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit$"));
    }

    [Fact]
    public async Task On_a_phone_the_steps_and_the_occupation_explorer_fit_and_pass_axe()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        foreach (var step in ReflectionSteps.All)
        {
            await page.GotoAsync($"/Reflection/{step.Page}");
            await checks.CheckAsync(page, $"phone-reflection-{step.Number}-{step.Page.ToLowerInvariant()}");
            Assert.True(await PageChecks.FitsTheScreenAsync(page), $"{step.Page} scrolls sideways on a phone.");
        }

        await page.GotoAsync("/Reflection/Occupations?q=nurse");
        await checks.CheckAsync(page, "phone-occupations-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registered Nurses", Exact = true }).ClickAsync();
        await checks.CheckAsync(page, "phone-occupation-details");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The occupation page scrolls sideways on a phone.");
    }

    [Fact]
    public async Task Continuing_while_a_background_save_is_still_on_its_way_waits_for_it_instead_of_being_refused_as_stale()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAndSignInAsync(live);

        // A background save reaches the server, but its answer is slow to come back: the person clicks on meanwhile.
        await page.RouteAsync("**/*handler=Autosave*", async route =>
        {
            var response = await route.FetchAsync();
            await Task.Delay(1500);
            await route.FulfillAsync(new() { Response = response });
        });
        await page.GotoAsync("/Reflection/Interests");
        await page.GetByLabel("What energizes you?").FillAsync("Untangling messy problems with other people.");
        await Assertions.Expect(page.GetByText("Saving…")).ToBeVisibleAsync();
        await Continue(page).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This step was saved somewhere else")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_value_moved_in_place_keeps_a_new_own_value_typed_beside_it_once()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Reflection/Values");
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Autonomy").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and stay here" }).ClickAsync();
        await page.EvaluateAsync("() => { window.stillHere = true; }");

        // Typed, then a move: the move saves it (at the end of the list) and empties the box, as it would without scripts.
        await page.GetByLabel("Your own value 1").FillAsync("Faith");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Autonomy down" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ranking li > span").First).ToContainTextAsync("Learning");
        await Assertions.Expect(page.Locator("#ranking li > span")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByLabel("Your own value 1")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Autonomy down" })).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"), "Moving a value loaded the page again.");
        await checks.CheckAsync(page, "phone-reflection-values-ranking");

        await page.ReloadAsync();
        var ranking = await page.Locator("#ranking li > span").AllInnerTextsAsync();
        Assert.Equal(["Learning", "Autonomy", "Faith"], ranking.Select(r => r.Replace("Top five", string.Empty, StringComparison.Ordinal).Trim()));
    }

    [Fact]
    public async Task After_a_move_in_place_the_message_shown_says_what_was_just_moved()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Reflection/Values");
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Autonomy").CheckAsync();
        await page.GetByLabel("Teamwork").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and stay here" }).ClickAsync();
        var shown = page.Locator("#values-messages .alert");
        await Assertions.Expect(shown).ToHaveTextAsync("Saved.");
        await page.EvaluateAsync("() => { window.stillHere = true; }");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Autonomy down" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveTextAsync("Moved Autonomy down.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Teamwork up" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveTextAsync("Moved Teamwork up.");

        // Said once: the shown copy is not a second live region beside the announcer.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved Teamwork up." })).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"), "Moving a value loaded the page again.");
        await new PageChecks(page).CheckAsync(page, "reflection-values-moved-message");
    }
}
