using System.Net;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Reflection;

/// <summary>The occupation page's "What it takes" panel and the goal it drafts for the biggest gap.</summary>
public sealed class WhatItTakesTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string Nurses = "/Reflection/Occupations/29-1141.00";
    private const string DraftForm = "#draft-goal";

    [Fact]
    public async Task With_no_strengths_yet_the_panel_invites_the_person_to_step_3()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync(Nurses);

        HtmlChecks.AssertWellFormedAndLabelled(page);
        var panel = page.Document.QuerySelector("#what-it-takes")!;
        Assert.Contains("Once you've noted a few of your strengths", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Reflection/Strengths");
        Assert.Null(page.Document.QuerySelector(DraftForm));
        browser.Dispose();
    }

    [Fact]
    public async Task The_panel_compares_each_top_skill_with_the_strengths_and_offers_a_goal_for_the_biggest_gap()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"), develop: "Public speaking");
        var top = await TopSkillsAsync("29-1141.00");

        var page = await browser.GetAsync(Nurses);

        HtmlChecks.AssertWellFormedAndLabelled(page);
        var lines = page.Document.QuerySelectorAll(".what-it-takes li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(top.Count, lines.Count);
        Assert.Contains("Active Listening: you listed “Listening” (you rated it 4/5)", lines);
        Assert.Contains(lines, l => l.EndsWith("not among your strengths yet", StringComparison.Ordinal));
        if (top.Any(s => s.Name == "Speaking"))
        {
            Assert.Contains("Speaking: you named “Public speaking” as something to develop", lines);
        }

        var gap = top.First(s => s.Name != "Active Listening").Name;
        Assert.Contains($"The biggest gap is {gap}", Squash(page.Text), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"{DraftForm} input[name='__RequestVerificationToken']"));
        browser.Dispose();
    }

    [Fact]
    public async Task When_the_strengths_cover_every_top_skill_the_panel_says_so_warmly_and_offers_no_goal()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var top = await TopSkillsAsync("29-1141.00");
        await SaveStrengthsAsync(browser, [.. top.Select(s => (s.Name, "4"))]);

        var page = await browser.GetAsync(Nurses);

        Assert.Contains("Your strengths already cover the skills this work needs most", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(DraftForm));
        var posted = await browser.PostAsync($"{Nurses}?handler=DraftGoal", await TokenFieldsAsync(browser));
        Assert.Contains("there's no gap to plan for here", posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, await GoalCountAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task Drafting_stores_a_goal_with_milestones_for_the_person_and_opens_it_with_the_coachs_verdict()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));
        var page = await browser.GetAsync(Nurses);
        var gap = page.Document.QuerySelector("#what-it-takes p strong")!.TextContent;

        var goalPage = await browser.SubmitAsync(page, DraftForm);

        Assert.Matches(@"^/Goals/\d+$", goalPage.Url.AbsolutePath);
        Assert.Contains("We drafted this goal from your biggest gap", goalPage.Text, StringComparison.Ordinal);
        Assert.Contains("SMART coach", goalPage.Text, StringComparison.Ordinal);
        var owner = await app.UserIdAsync(email);
        var goal = await app.ReadAsync(db => db.Goals.Include(g => g.Milestones).SingleAsync(g => g.OwnerId == owner));
        Assert.Equal(GoalStatus.Draft, goal.Status);
        var gapId = (await TopSkillsAsync("29-1141.00")).First(s => s.Name == gap).ElementId;
        Assert.StartsWith($"Build my {SkillGap.ShortName(gapId)} skills for Registered Nurses: finish one short course", goal.Statement, StringComparison.Ordinal);
        Assert.Equal([gap], goal.Skills);
        Assert.Equal(new DateOnly(2027, 5, 22), goal.Deadline);
        Assert.Equal(4, goal.Milestones.Count);
        Assert.All(goal.Milestones, m => Assert.Equal(owner, m.OwnerId));
        Assert.All(goal.Milestones, m => Assert.Contains(m.Title, goalPage.Text, StringComparison.Ordinal));
        var verdict = goal.Check(new DateOnly(2026, 11, 22));
        Assert.Equal(SmartStatus.Met, verdict.Specific.Status);
        Assert.Equal(SmartStatus.Met, verdict.Measurable.Status);
        Assert.Equal(SmartStatus.Met, verdict.TimeBound.Status);
        Assert.Contains(verdict.Achievable.Advice, goalPage.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_draft_from_one_of_the_persons_career_options_is_linked_to_it()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));
        var page = await browser.GetAsync(Nurses);
        page = await browser.SubmitAsync(page, "#add-option");

        await browser.SubmitAsync(page, DraftForm);

        var owner = await app.UserIdAsync(email);
        var goal = await app.ReadAsync(db => db.Goals.SingleAsync(g => g.OwnerId == owner));
        Assert.Single(goal.Links, l => l.Step == Domain.Reflection.ReflectionStepKind.Options);
    }

    [Fact]
    public async Task The_button_pressed_twice_drafts_one_goal()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));
        var page = await browser.GetAsync(Nurses);

        var first = await browser.SubmitAsync(page, DraftForm);
        var second = await browser.SubmitAsync(page, DraftForm);

        Assert.Equal(first.Url.AbsolutePath, second.Url.AbsolutePath);
        Assert.Equal(1, await GoalCountAsync(email));
        var again = await browser.SubmitAsync(await browser.GetAsync(Nurses), DraftForm);
        Assert.NotEqual(first.Url.AbsolutePath, again.Url.AbsolutePath);
        browser.Dispose();
    }

    [Fact]
    public async Task The_button_pressed_several_times_at_once_drafts_one_goal()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));
        var page = await browser.GetAsync(Nurses);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => browser.SubmitAsync(page, DraftForm, followRedirects: false)));

        Assert.Equal(1, await GoalCountAsync(email));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Single(answers.Select(a => a.Location).Distinct());
        var owner = await app.UserIdAsync(email);
        Assert.Equal(4, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.OwnerId == owner)));
        browser.Dispose();
    }

    [Fact]
    public async Task With_strengths_the_page_still_costs_the_same_few_statements()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await browser.GetAsync(Nurses);
        app.Queries.Reset();
        await browser.GetAsync(Nurses);
        var without = app.Queries.Count;
        await SaveStrengthsAsync(browser, ("Listening", "4"), develop: "public speaking");

        app.Queries.Reset();
        var page = await browser.GetAsync(Nurses);

        Assert.NotNull(page.Document.QuerySelector(DraftForm));
        Assert.Equal(without, app.Queries.Count);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_person_sending_the_same_form_gets_their_own_draft_and_never_the_owners_goal()
    {
        var (owner, ownerEmail) = await app.NewSignedInPersonAsync("owner");
        await SaveStrengthsAsync(owner, ("Listening", "4"));
        var page = await owner.GetAsync(Nurses);
        var ownersGoal = await owner.SubmitAsync(page, DraftForm);
        var key = page.Document.QuerySelector($"{DraftForm} input[name='draftKey']")!.GetAttribute("value")!;

        var (other, _) = await app.NewSignedInPersonAsync("other");
        var withoutStrengths = await other.PostAsync($"{Nurses}?handler=DraftGoal", await TokenFieldsAsync(other, key));
        await SaveStrengthsAsync(other, ("Writing", "3"));
        var theirs = await other.PostAsync($"{Nurses}?handler=DraftGoal", await TokenFieldsAsync(other, key));

        Assert.Contains("Add a few of your strengths in step 3 first", withoutStrengths.Text, StringComparison.Ordinal);
        Assert.Matches(@"^/Goals/\d+$", theirs.Url.AbsolutePath);
        Assert.NotEqual(ownersGoal.Url.AbsolutePath, theirs.Url.AbsolutePath);
        var ownerId = await app.UserIdAsync(ownerEmail);
        Assert.Equal(1, await app.ReadAsync(db => db.Goals.CountAsync(g => g.OwnerId == ownerId)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(ownersGoal.Url.AbsolutePath)).Status);
        owner.Dispose();
        other.Dispose();
    }

    [Theory]
    [InlineData("/Reflection/Occupations/99-9999.99?handler=DraftGoal")]
    [InlineData("/Reflection/Occupations/not-a-code?handler=DraftGoal")]
    public async Task Drafting_for_an_unknown_occupation_is_a_friendly_404(string path)
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));

        var page = await browser.PostAsync(path, await TokenFieldsAsync(browser));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await GoalCountAsync(email));
        browser.Dispose();
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task A_mangled_form_key_still_drafts_one_goal_without_an_error(string key)
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SaveStrengthsAsync(browser, ("Listening", "4"));

        var page = await browser.PostAsync($"{Nurses}?handler=DraftGoal", await TokenFieldsAsync(browser, key));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches(@"^/Goals/\d+$", page.Url.AbsolutePath);
        Assert.Equal(1, await GoalCountAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_asked_to_sign_in_and_nothing_is_drafted()
    {
        using var browser = app.NewBrowser();
        var before = await app.ReadAsync(db => db.Goals.CountAsync());

        var page = await browser.PostAsync($"{Nurses}?handler=DraftGoal", [new("draftKey", Guid.NewGuid().ToString())], followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", page.Location, StringComparison.Ordinal);
        Assert.Equal(before, await app.ReadAsync(db => db.Goals.CountAsync()));
        var get = await browser.GetAsync(Nurses, followRedirects: false);
        Assert.StartsWith("http://localhost/Identity/Account/Login", get.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_onet_skill_name_matches_its_own_skill()
    {
        var skills = await app.ReadAsync(db => db.OccupationSkills.Select(s => new { s.ElementId, s.Name }).Distinct().ToListAsync());

        Assert.Equal(35, skills.Count);
        Assert.All(skills, s => Assert.Equal([s.ElementId], SkillGap.SkillsIn(s.Name)));
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private async Task<List<OccupationSkill>> TopSkillsAsync(string code) =>
        await app.ReadAsync(db => db.OccupationSkills.AsNoTracking().Where(s => s.Code == code).OrderByDescending(s => s.Importance).ThenBy(s => s.Name).Take(5).ToListAsync());

    private static async Task SaveStrengthsAsync(TestBrowser browser, params (string Name, string Rating)[] skills) =>
        await SaveStrengthsAsync(browser, skills, develop: null);

    private static async Task SaveStrengthsAsync(TestBrowser browser, (string Name, string Rating) skill, string? develop) =>
        await SaveStrengthsAsync(browser, [skill], develop);

    private static async Task SaveStrengthsAsync(TestBrowser browser, (string Name, string Rating)[] skills, string? develop)
    {
        var form = await browser.GetAsync("/Reflection/Strengths");
        var values = new Dictionary<string, string>();
        for (var i = 0; i < skills.Length; i++)
        {
            values[$"Input.Skills[{i}].Name"] = skills[i].Name;
            values[$"Input.Skills[{i}].Rating"] = skills[i].Rating;
            values[$"Input.Skills[{i}].Kind"] = "Soft";
        }

        if (develop is not null)
        {
            values["Input.Development[0].Name"] = develop;
        }

        var saved = await browser.SubmitAsync(form, "form[data-autosave]", values);
        Assert.Equal("/Reflection/Experiences", saved.Url.AbsolutePath);
    }

    /// <summary>A valid antiforgery token from the person's own page, and a draft key.</summary>
    private static async Task<List<KeyValuePair<string, string>>> TokenFieldsAsync(TestBrowser browser, string? key = null)
    {
        var page = await browser.GetAsync(Nurses);
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return [new("__RequestVerificationToken", token), new("draftKey", key ?? Guid.NewGuid().ToString())];
    }

    private async Task<int> GoalCountAsync(string email)
    {
        var owner = await app.UserIdAsync(email);
        return await app.ReadAsync(db => db.Goals.CountAsync(g => g.OwnerId == owner));
    }
}
