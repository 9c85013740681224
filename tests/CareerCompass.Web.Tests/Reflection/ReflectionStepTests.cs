using System.Net;
using System.Text.Json;
using CareerCompass.Web.Pages.Reflection;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Reflection;

public sealed class ReflectionStepTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string StepForm = "form[data-autosave]";

    public static TheoryData<string, string, string, string> ValidSaves => new()
    {
        // page, field, value, the page "Save and continue" leads to
        { "Interests", "Input.Energizers", "Solving puzzles with friends", "/Reflection/Values" },
        { "Strengths", "Input.Skills[0].Name", "Explaining complex things simply", "/Reflection/Experiences" },
        { "Experiences", "Input.Items[0].Title", "Weekend tutoring", "/Reflection/Priorities" },
        { "Priorities", "Input.HoursPerWeek", "4", "/Reflection/Vision" },
        { "Vision", "Input.OneYear", "Work as a junior UX researcher", "/Reflection/Options" },
        { "Options", "Input.Options[0].Title", "UX researcher", "/Reflection/Summary" },
    };

    public static TheoryData<string, string, string, string> InvalidSaves => new()
    {
        { "Interests", "Input.Energizers", new string('x', 4001), "under 4,000 characters" },
        { "Interests", "Input.Items[0].Text", new string('x', 201), "under 200 characters" },
        { "Interests", "Input.Items[0].Energy", "9", "from 1 to 5" },
        { "Interests", "Input.Explorer[0].Rating", "0", "from 1 to 5" },
        { "Interests", "Input.Explorer[0].ActivityId", "zz", "isn't one we know" },
        { "Interests", "Input.Items[0].Energy", "lots", "doesn't look right" },
        { "Strengths", "Input.Skills[0].Rating", "6", "from 1 to 5" },
        { "Strengths", "Input.Skills[0].Kind", "99", "doesn't look right" },
        { "Strengths", "Input.Feedback[0].Said", new string('x', 4001), "under 4,000 characters" },
        { "Experiences", "Input.Items[0].Title", new string('x', 201), "under 200 characters" },
        { "Experiences", "Input.Items[0].Feeling", "Thrilling", "doesn't look right" },
        { "Priorities", "Input.HoursPerWeek", "200", "from 0 to 80" },
        { "Priorities", "Input.HoursPerWeek", "-1", "from 0 to 80" },
        { "Vision", "Input.Why", new string('x', 4001), "under 4,000 characters" },
        { "Options", "Input.Options[0].OccupationCode", "not-a-code", "doesn't look right" },
        { "Options", "Input.Options[0].Research[0].Description", new string('x', 201), "under 200 characters" },
    };

    [Fact]
    public async Task A_new_person_starts_at_the_first_step()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var start = await browser.GetAsync("/Reflection", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.Equal("/Reflection/Interests", start.Location);
        var page = await browser.GetAsync("/Reflection/Interests");
        Assert.Contains("Step 1 of 7", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [MemberData(nameof(ValidSaves))]
    public async Task Save_and_continue_keeps_the_answer_and_moves_on(string step, string field, string value, string next)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync($"/Reflection/{step}");

        var after = await browser.SubmitAsync(form, StepForm, new Dictionary<string, string> { [field] = value });

        Assert.Equal(next, after.Url.AbsolutePath);
        var again = await browser.GetAsync($"/Reflection/{step}");
        Assert.Contains(value, again.Html, StringComparison.Ordinal);
        var summary = await browser.GetAsync("/Reflection/Summary");
        Assert.Contains("1 of 7 steps done", summary.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [MemberData(nameof(InvalidSaves))]
    public async Task Bad_input_gets_a_clear_message_and_nothing_typed_is_lost(string step, string field, string value, string message)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync($"/Reflection/{step}");
        var keep = step == "Vision" ? "Input.OneYear" : step == "Priorities" ? "Input.NonNegotiables[0].Note" : null;
        var values = new Dictionary<string, string> { [field] = value };
        if (keep is not null)
        {
            values[keep] = "Something I typed";
        }

        var page = await browser.SubmitAsync(form, StepForm, values);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"/Reflection/{step}", page.Url.AbsolutePath);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        if (keep is not null)
        {
            Assert.Contains("Something I typed", page.Html, StringComparison.Ordinal);
        }

        browser.Dispose();
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_refused_and_keeps_the_typed_text()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var firstTab = await browser.GetAsync("/Reflection/Vision");
        var secondTab = await browser.GetAsync("/Reflection/Vision");
        await browser.SubmitAsync(firstTab, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "From the first tab" });

        var stale = await browser.SubmitAsync(secondTab, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "From the second tab" });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(StepPage<Domain.Reflection.VisionAnswers>.StaleMessage, stale.Errors);
        Assert.Contains("From the second tab", stale.Html, StringComparison.Ordinal);
        Assert.NotNull(stale.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Reload the latest version"));
        var latest = await browser.GetAsync("/Reflection/Vision");
        Assert.Contains("From the first tab", latest.Html, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Two_tabs_on_different_steps_do_not_conflict()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var vision = await browser.GetAsync("/Reflection/Vision");
        var interests = await browser.GetAsync("/Reflection/Interests");

        await browser.SubmitAsync(vision, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "Lead a team" });
        var saved = await browser.SubmitAsync(interests, StepForm, new Dictionary<string, string> { ["Input.Energizers"] = "Music" });

        Assert.Equal("/Reflection/Values", saved.Url.AbsolutePath);
        browser.Dispose();
    }

    [Fact]
    public async Task Autosave_saves_without_completing_and_returns_the_new_version()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Vision");

        var response = await browser.SubmitAsync(form, StepForm, new Dictionary<string, string> { ["Input.Impact"] = "Kinder public services" }, action: "/Reflection/Vision?handler=Autosave");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        using var json = JsonDocument.Parse(response.Html);
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
        Assert.NotEqual(Guid.Empty, json.RootElement.GetProperty("version").GetGuid());
        Assert.Contains("Kinder public services", (await browser.GetAsync("/Reflection/Vision")).Html, StringComparison.Ordinal);
        Assert.Equal("/Reflection/Interests", (await browser.GetAsync("/Reflection", followRedirects: false)).Location);
        browser.Dispose();
    }

    [Fact]
    public async Task Autosave_without_an_antiforgery_token_is_refused()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();

        var response = await browser.PostAsync("/Reflection/Vision?handler=Autosave", [new("Input.Impact", "Sneaky"), new("Version", Guid.Empty.ToString())]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.DoesNotContain("Sneaky", (await browser.GetAsync("/Reflection/Vision")).Html, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Autosave_from_a_stale_tab_answers_409_and_bad_input_400()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var firstTab = await browser.GetAsync("/Reflection/Vision");
        var secondTab = await browser.GetAsync("/Reflection/Vision");
        await browser.SubmitAsync(firstTab, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "First" }, action: "/Reflection/Vision?handler=Autosave");

        var stale = await browser.SubmitAsync(secondTab, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "Second" }, action: "/Reflection/Vision?handler=Autosave");
        var invalid = await browser.SubmitAsync(await browser.GetAsync("/Reflection/Vision"), StepForm, new Dictionary<string, string> { ["Input.Why"] = new string('x', 4001) }, action: "/Reflection/Vision?handler=Autosave");

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("saved somewhere else", stale.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("under 4,000 characters", invalid.Html, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Rating_every_area_shows_the_holland_code()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await OccupationTests.RateExplorerAsync(browser);
        var saved = await browser.GetAsync("/Reflection/Interests");

        Assert.Contains("You lean towards helping people (Social), working things out (Investigative) and creating and expressing (Artistic). That's SIA for short.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("starting point", saved.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_person_never_sees_someone_elses_reflection()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var (other, _) = await app.NewSignedInPersonAsync("other");
        var form = await owner.GetAsync("/Reflection/Vision");
        await owner.SubmitAsync(form, StepForm, new Dictionary<string, string> { ["Input.OneYear"] = "Owner's private dream" });

        foreach (var path in new[] { "/Reflection/Vision", "/Reflection/Summary" })
        {
            var page = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("Owner's private dream", page.Html, StringComparison.Ordinal);
        }

        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task The_dashboard_shows_reflection_progress()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Interests");
        await browser.SubmitAsync(form, StepForm, new Dictionary<string, string> { ["Input.Energizers"] = "Drawing" });

        var dashboard = await browser.GetAsync("/");

        Assert.Contains("1 of 7 reflection steps done.", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Continue your reflection", dashboard.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_flood_of_form_fields_gets_a_message_not_a_server_error()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Interests");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", Guid.Empty.ToString()),
        };
        fields.AddRange(Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>($"Input.Items[{i}].Text", $"Interest {i}")));

        var page = await browser.PostAsync("/Reflection/Interests", fields);

        Assert.True((int)page.Status is >= 400 and < 500, $"Expected a 4xx, got {(int)page.Status}.");
        Assert.DoesNotContain("Something went wrong on our side", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task More_than_fifty_items_in_a_list_are_refused_with_a_message()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Interests");
        var values = Enumerable.Range(0, 51).ToDictionary(i => $"Input.Items[{i}].Text", i => $"Interest {i}");

        var page = await browser.SubmitAsync(form, "form[data-autosave]", values);

        Assert.Contains(page.Errors, e => e.Contains("up to 50 interests", StringComparison.Ordinal));
        Assert.Contains("Interest 50", page.Html, StringComparison.Ordinal);
        browser.Dispose();
    }
}
