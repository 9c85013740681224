using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Goals;

public sealed class GoalPlanTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_goal_serving_an_onet_occupation_is_offered_its_top_skills()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var explore = await browser.GetAsync("/Reflection/Occupations/29-1141.00");
        await browser.SubmitAsync(explore, "form[action*='handler=Add']");
        var form = await browser.GetAsync("/Goals/Edit");
        var option = form.Document.QuerySelectorAll("input[name='Input.Links']").Single(i => i.GetAttribute("value")!.StartsWith("Options:", StringComparison.Ordinal)).GetAttribute("value")!;
        var (_, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a registered nurse", ["Input.Links"] = option });

        var edit = await browser.GetAsync($"/Goals/Edit/{id}");
        var offered = edit.Document.QuerySelectorAll("input[name='Input.AddSkills']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(5, offered.Count);
        Assert.Contains("Active Listening", offered);

        var saved = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.AddSkills"] = "Active Listening" });
        Assert.Contains("Active Listening", saved.Document.QuerySelector("#serves-title ~ ul:last-of-type")!.TextContent, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task The_action_plan_takes_skills_obstacles_support_from_contacts_and_resources_with_links()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var contactForm = await browser.GetAsync("/Contacts/Edit");
        await browser.SubmitAsync(contactForm, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Priya Shah" });
        var (page, _) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var contactId = page.Document.QuerySelectorAll("#NewPlanItem_ContactId option").Single(o => o.TextContent == "Priya Shah").GetAttribute("value")!;

        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Obstacle", ["NewPlanItem.Text"] = "Little time", ["NewPlanItem.Detail"] = "Block Sunday mornings" });
        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Support", ["NewPlanItem.Text"] = "Mentoring chats", ["NewPlanItem.ContactId"] = contactId });
        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Resource", ["NewPlanItem.Text"] = "Leadership course", ["NewPlanItem.Detail"] = "https://example.org/course" });

        var plan = System.Text.RegularExpressions.Regex.Replace(page.Document.QuerySelector("#plan")!.TextContent, @"\s+", " ");
        Assert.Contains("Little time — Block Sunday mornings", plan, StringComparison.Ordinal);
        Assert.Contains("Mentoring chats (Priya Shah)", plan, StringComparison.Ordinal);
        Assert.Equal("https://example.org/course", page.Document.QuerySelector("#plan a[rel~=noopener]")!.GetAttribute("href"));
        browser.Dispose();
    }

    [Fact]
    public async Task Each_plan_item_row_has_one_small_remove_button_named_after_its_item()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Running a retrospective" });
        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Obstacle", ["NewPlanItem.Text"] = "Little time", ["NewPlanItem.Detail"] = "Block Sunday mornings" });

        var rows = page.Document.QuerySelectorAll("#plan li.plan-item").ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var button = Assert.Single(row.QuerySelectorAll("button"));
            Assert.Contains("btn-icon", button.ClassList);
            Assert.Equal("true", button.QuerySelector("svg.icon")!.GetAttribute("aria-hidden"));
            var name = button.QuerySelector(".visually-hidden")!.TextContent;
            var seen = string.Concat(button.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement e || !e.ClassList.Contains("visually-hidden")).Select(n => n.TextContent)).Trim();
            Assert.Equal(string.Empty, seen);
            Assert.StartsWith("Remove \"", name, StringComparison.Ordinal);
            Assert.Contains(name["Remove \"".Length..^1], row.QuerySelector("span.me-auto")!.TextContent, StringComparison.Ordinal);
        }

        var removed = await browser.SubmitAsync(page, "#plan li.plan-item form[action*='handler=DeletePlanItem']");
        Assert.Single(removed.Document.QuerySelectorAll("#plan li.plan-item"));
        Assert.DoesNotContain("Running a retrospective", removed.Document.QuerySelector("#plan")!.TextContent, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("NewPlanItem.Text", "", "Please write something")]
    [InlineData("NewPlanItem.Detail", "javascript://alert(1)", "http:// or https://")]
    [InlineData("NewPlanItem.ContactId", "999999", "one of your contacts")]
    [InlineData("NewPlanItem.Kind", "Wish", "doesn't look right")]
    public async Task Bad_plan_items_get_a_clear_message(string field, string value, string message)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var fields = new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Resource", ["NewPlanItem.Text"] = "A course" };
        fields[field] = value;

        var refused = await browser.SubmitAsync(page, "#plan-form", fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains(message, StringComparison.Ordinal));
        browser.Dispose();
    }

    [Fact]
    public async Task A_milestone_needs_a_title_and_a_date()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, _) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });

        var noDate = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol" });
        var noTitle = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.DueOn"] = "2027-01-10" });

        Assert.Contains(noDate.Errors, e => e.Contains("when this milestone is due", StringComparison.Ordinal));
        Assert.Contains(noTitle.Errors, e => e.Contains("Please name the milestone", StringComparison.Ordinal));
        browser.Dispose();
    }
}
