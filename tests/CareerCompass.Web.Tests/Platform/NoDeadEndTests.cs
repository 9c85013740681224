using System.Net;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>Every page offers one clear next action that leads somewhere real; stale links get the friendly 404.</summary>
public sealed class NoDeadEndTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string StepForm = "form[data-autosave]";

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<string> OwnerIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Writes one goal straight to the database, optionally active, achieved and with a milestone.</summary>
    private async Task<int> SeedGoalAsync(string email, string statement, GoalStatus status, bool withMilestone = false, int deadlineMonths = 11)
    {
        var owner = await OwnerIdAsync(email);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var goal = Goal.Create(owner, new GoalDetails(statement, GoalHorizon.ShortTerm, Deadline: Today.AddMonths(deadlineMonths),
            Links: [new ReflectionLink(ReflectionStepKind.Values, Guid.NewGuid().ToString())]), Today);
        if (status != GoalStatus.Draft)
        {
            goal.Activate(Today, anyway: true, app.Clock.GetUtcNow());
        }

        db.Goals.Add(goal);
        await db.SaveChangesAsync();
        if (withMilestone)
        {
            goal.AddMilestone("A first small step", Today.AddDays(10), null);
            await db.SaveChangesAsync();
        }

        if (status == GoalStatus.Achieved)
        {
            goal.MarkAchieved(Today, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        return goal.Id;
    }

    private static async Task FinishReflectionAsync(TestBrowser browser)
    {
        foreach (var step in ReflectionSteps.All)
        {
            var form = await browser.GetAsync($"/Reflection/{step.Page}");
            var after = await browser.SubmitAsync(form, StepForm);
            Assert.Equal(HttpStatusCode.OK, after.Status);
        }
    }

    private static AngleSharp.Dom.IElement MainAction(WebPage page) =>
        page.Document.QuerySelector("main h1")!.ParentElement!.QuerySelector("a.btn-primary")
        ?? throw new InvalidOperationException("The page has no main action next to its heading.");

    [Fact]
    public async Task The_reflection_summary_below_seven_of_seven_leads_to_the_next_unfinished_step()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var interests = await browser.GetAsync("/Reflection/Interests");
        await browser.SubmitAsync(interests, StepForm);

        var summary = await browser.GetAsync("/Reflection/Summary");

        Assert.Contains("1 of 7 steps done", summary.Text, StringComparison.Ordinal);
        var action = MainAction(summary);
        Assert.Equal("/Reflection/Values", action.GetAttribute("href"));
        Assert.Contains("What matters to you at work", action.TextContent, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(summary);
        browser.Dispose();
    }

    [Fact]
    public async Task The_reflection_summary_at_seven_of_seven_leads_to_writing_the_first_goal_not_back_to_itself()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await FinishReflectionAsync(browser);

        var summary = await browser.GetAsync("/Reflection/Summary");

        Assert.Contains("7 of 7 steps done", summary.Text, StringComparison.Ordinal);
        var action = MainAction(summary);
        Assert.Equal("Write your first goal", action.TextContent.Trim());
        var editor = await browser.GetAsync(action.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Equal("/Goals/Edit", editor.Url.AbsolutePath);
        Assert.NotNull(editor.Document.QuerySelector("textarea[name='Input.Statement'], input[name='Input.Statement']"));
        Assert.Empty(summary.Document.QuerySelectorAll("main a[href='/Reflection'], main a[href='/Reflection/Summary']"));
        browser.Dispose();
    }

    [Fact]
    public async Task The_reflection_summary_at_seven_of_seven_with_goals_leads_to_them()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await FinishReflectionAsync(browser);
        await SeedGoalAsync(email, "Complete two UX courses this year", GoalStatus.Active);

        var summary = await browser.GetAsync("/Reflection/Summary");

        var action = MainAction(summary);
        Assert.Equal("See your goals", action.TextContent.Trim());
        Assert.Equal("/Goals", action.GetAttribute("href"));
        browser.Dispose();
    }

    [Fact]
    public async Task The_step_list_numbers_only_the_seven_steps_it_counts()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Interests");

        Assert.Contains("Step 1 of 7", page.Text, StringComparison.Ordinal);
        var nav = page.Document.QuerySelector("nav[aria-label='Reflection steps']")!;
        Assert.Equal(ReflectionSteps.Count, nav.QuerySelectorAll("ol > li").Length);
        Assert.NotNull(nav.QuerySelector("a[href='/Reflection/Summary']"));
        browser.Dispose();
    }

    [Fact]
    public async Task The_dashboards_milestone_step_links_to_the_first_active_goal_without_milestones()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SeedGoalAsync(email, "Earn a digital-marketing certification by December", GoalStatus.Active, withMilestone: true, deadlineMonths: 3);
        await SeedGoalAsync(email, "Draft idea: a portfolio site", GoalStatus.Draft, deadlineMonths: 2);
        var later = await SeedGoalAsync(email, "Lead a small team within two years", GoalStatus.Active, deadlineMonths: 20);
        var sooner = await SeedGoalAsync(email, "Complete two leadership courses this year", GoalStatus.Active, deadlineMonths: 10);

        var dashboard = await browser.GetAsync("/");

        var step = dashboard.Document.QuerySelectorAll(".journey-steps li").Single(li => li.TextContent.Contains("Break goals into milestones", StringComparison.Ordinal));
        var link = step.QuerySelector("a")!;
        Assert.Equal($"/Goals/{sooner}#milestones", link.GetAttribute("href"));
        Assert.Contains("Complete two leadership courses this year", link.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(later, sooner);
        var goal = await browser.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, goal.Status);
        Assert.NotNull(goal.Document.QuerySelector("#milestones form"));
        browser.Dispose();
    }

    [Fact]
    public async Task Every_link_on_the_dashboard_leads_to_a_page_that_exists()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        foreach (var state in new[] { "new", "one goal", "goal with a milestone" })
        {
            if (state == "one goal")
            {
                await SeedGoalAsync(email, "Complete two leadership courses this year", GoalStatus.Active);
            }
            else if (state == "goal with a milestone")
            {
                await SeedGoalAsync(email, "Earn a digital-marketing certification by December", GoalStatus.Active, withMilestone: true);
            }

            var dashboard = await browser.GetAsync("/");
            var links = dashboard.Document.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
            Assert.NotEmpty(links);
            foreach (var href in links)
            {
                var target = await browser.GetAsync(href);
                Assert.True(target.Status == HttpStatusCode.OK, $"{state}: {href} answered {target.Status}");
                var fragment = href.Contains('#', StringComparison.Ordinal) ? href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..] : null;
                Assert.True(fragment is null || target.Document.GetElementById(fragment) is not null, $"{state}: {href} has no #{fragment}");
            }
        }

        browser.Dispose();
    }

    [Fact]
    public async Task No_page_a_person_reaches_links_to_an_address_that_is_missing_or_empty()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await FinishReflectionAsync(browser);
        var goal = await SeedGoalAsync(email, "Complete two leadership courses this year", GoalStatus.Active, withMilestone: true);
        var achieved = await SeedGoalAsync(email, "Earn a digital-marketing certification by December", GoalStatus.Achieved, withMilestone: true);
        var pages = new[]
        {
            "/", "/Reflection/Summary", "/Reflection/Interests", "/Reflection/Options", "/Reflection/Occupations", "/Goals",
            $"/Goals/{goal}", $"/Goals/{achieved}", "/Goals/Edit", "/Reviews", "/Settings", "/Sharing", "/Contacts", "/Contacts/Edit",
            "/Privacy", "/AboutData",
        };
        var problems = new List<string>();
        var checkedLinks = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        foreach (var path in pages)
        {
            var page = await browser.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path} answered {page.Status}");
            problems.AddRange(page.Document.QuerySelectorAll("a:not([href])[class~='btn'], a[href='']")
                .Select(e => $"{path}: an empty link: {e.OuterHtml[..Math.Min(120, e.OuterHtml.Length)]}"));
            foreach (var href in page.Document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
                .Where(h => !h.StartsWith("/Identity/Account/Logout", StringComparison.Ordinal)))
            {
                var address = href.Split('#')[0];
                if (!checkedLinks.TryGetValue(address, out var status))
                {
                    status = (await browser.GetAsync(address, followRedirects: false)).Status;
                    checkedLinks[address] = status;
                }

                if (status is HttpStatusCode.NotFound or >= HttpStatusCode.InternalServerError)
                {
                    problems.Add($"{path} links to {href}, which answers {(int)status}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        browser.Dispose();
    }

    [Fact]
    public async Task An_achieved_goal_with_no_milestones_does_not_hold_the_milestone_step_open()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SeedGoalAsync(email, "Complete two leadership courses this year", GoalStatus.Achieved);

        var dashboard = await browser.GetAsync("/");

        var step = dashboard.Document.QuerySelectorAll(".journey-steps li").Single(li => li.TextContent.Contains("Break goals into milestones", StringComparison.Ordinal));
        Assert.Contains("Done", step.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Achieved_goals_stay_visible_in_their_own_section_with_when()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SeedGoalAsync(email, "Lead a small team within two years", GoalStatus.Active);
        await SeedGoalAsync(email, "Complete two leadership courses this year", GoalStatus.Achieved, withMilestone: true);

        var goals = await browser.GetAsync("/Goals");

        HtmlChecks.AssertWellFormedAndLabelled(goals);
        var achieved = goals.Document.QuerySelector("section[aria-labelledby='achieved-title']")!;
        Assert.Equal("Achieved", achieved.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Complete two leadership courses this year", achieved.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Achieved on {Today.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", achieved.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Lead a small team", achieved.TextContent, StringComparison.Ordinal);
        var open = goals.Document.QuerySelector("main > ul")!;
        Assert.Contains("Lead a small team within two years", open.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete two leadership courses", open.TextContent, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task An_unknown_address_is_the_friendly_404_for_a_visitor_not_the_sign_in_page()
    {
        using var browser = app.NewBrowser();

        foreach (var path in new[] { "/no-such-page", "/Goals/not-a-number/at-all", "/Reflection/Nowhere", "/Counsellor/Nowhere/At/All", "/Identity/Account/Nowhere", "/Goals/Edit/not-a-number" })
        {
            var page = await browser.GetAsync(path, followRedirects: false);

            Assert.True(page.Status == HttpStatusCode.NotFound, $"{path} answered {page.Status} {page.Location}");
            Assert.True(page.Text.Contains("We couldn't find that page", StringComparison.Ordinal), $"{path} is not the friendly page: {page.Text[..Math.Min(300, page.Text.Length)]}");
        }
    }

    [Fact]
    public async Task A_real_protected_page_still_sends_a_visitor_to_sign_in()
    {
        using var browser = app.NewBrowser();

        foreach (var path in new[] { "/Goals", "/Reflection/Summary", "/Goals/1" })
        {
            var page = await browser.GetAsync(path, followRedirects: false);

            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/Identity/Account/Login", new Uri(new Uri("http://x"), page.Location!).AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_record_that_does_not_exist_is_the_friendly_404_for_a_signed_in_person()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();

        foreach (var path in new[] { "/Goals/999999", "/Reviews/999999", "/Contacts/Edit/999999", "/no-such-page" })
        {
            var page = await browser.GetAsync(path, followRedirects: false);

            Assert.True(page.Status == HttpStatusCode.NotFound, $"{path} answered {page.Status} {page.Location}");
            Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
        }

        browser.Dispose();
    }

    public static TheoryData<string, string, string, string> FailedPosts => new()
    {
        // page, form, field, a value it refuses
        { "/Reflection/Vision", StepForm, "Input.Why", new string('x', 4001) },
        { "/Reflection/Interests", StepForm, "Input.Items[0].Text", new string('x', 201) },
        { "/Reflection/Priorities", StepForm, "Input.HoursPerWeek", "200" },
        { "/Contacts/Edit", "#contact-form", "Input.Name", "" },
    };

    [Theory]
    [MemberData(nameof(FailedPosts))]
    public async Task A_failed_post_lists_each_error_as_a_link_to_its_field(string path, string form, string field, string value)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync(path);

        var failed = await browser.SubmitAsync(page, form, new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, failed.Status);
        var summary = failed.Document.QuerySelector("[data-error-summary]")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.NotNull(failed.Document.GetElementById(summary.GetAttribute("aria-labelledby")!));
        var links = summary.QuerySelectorAll("a").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var id = link.GetAttribute("href")!.TrimStart('#');
            var target = failed.Document.GetElementById(id);
            Assert.True(target is not null, $"{path}: the summary links to #{id}, which the page doesn't have.");
        }

        var fieldId = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Contains(links, a => a.GetAttribute("href") == $"#{fieldId}");
        Assert.Equal(field, failed.Document.GetElementById(fieldId)!.GetAttribute("name"));
        HtmlChecks.AssertWellFormedAndLabelled(failed);
        browser.Dispose();
    }
}
