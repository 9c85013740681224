using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Time;

/// <summary>
/// At 23:30 UTC on 10 March 2027 it is already 12:30 on 11 March in Auckland: every page decides "today",
/// "overdue" and "in the past" on the person's own calendar.
/// </summary>
public sealed class TodayForThePersonTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly DateTimeOffset Before = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LateOnTheTenthInUtc = new(2027, 3, 10, 23, 30, 0, TimeSpan.Zero);

    /// <summary>A person in <paramref name="zone"/> with an active goal and one milestone due on 10 March 2027.</summary>
    private async Task<(TestBrowser Browser, int GoalId)> PersonWithAMilestoneDueOnTheTenthAsync(string zone)
    {
        app.Clock.SetTo(Before);
        var (browser, _) = await app.NewSignedInPersonAsync(zone.Replace('/', '-'), zone);
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Finish the first aid course", ["Input.Deadline"] = "2027-06-30" });
        page = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        page = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Book the exam", ["NewMilestone.DueOn"] = "2027-03-10" });
        Assert.Contains("Milestone added.", page.Text, StringComparison.Ordinal);
        return (browser, id);
    }

    [Fact]
    public async Task A_milestone_due_on_the_tenth_is_overdue_in_Auckland_but_due_today_in_UTC()
    {
        var (auckland, aucklandGoal) = await PersonWithAMilestoneDueOnTheTenthAsync("Pacific/Auckland");
        var (utc, utcGoal) = await PersonWithAMilestoneDueOnTheTenthAsync("UTC");
        app.Clock.SetTo(LateOnTheTenthInUtc);

        var aucklandDashboard = await auckland.GetAsync("/");
        var utcDashboard = await utc.GetAsync("/");
        var aucklandGoalPage = await auckland.GetAsync($"/Goals/{aucklandGoal}");
        var utcGoalPage = await utc.GetAsync($"/Goals/{utcGoal}");

        Assert.Contains("Book the exam was due 10 Mar 2027", aucklandDashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Overdue happens to everyone", aucklandDashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue happens to everyone", utcDashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Coming up", utcDashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Book the exam", utcDashboard.Text, StringComparison.Ordinal);
        Assert.Contains("— overdue", aucklandGoalPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("— overdue", utcGoalPage.Text, StringComparison.Ordinal);
        auckland.Dispose();
        utc.Dispose();
    }

    [Fact]
    public async Task A_deadline_of_the_eleventh_is_today_in_Auckland_so_the_coach_asks_for_a_later_one()
    {
        app.Clock.SetTo(LateOnTheTenthInUtc);
        var (auckland, _) = await app.NewSignedInPersonAsync("auckland", "Pacific/Auckland");
        var (utc, _) = await app.NewSignedInPersonAsync("utc", "UTC");
        var fields = new Dictionary<string, string> { ["Input.Statement"] = "Finish the first aid course", ["Input.Deadline"] = "2027-03-11" };

        var (aucklandPage, _) = await GoalPageTests.CreateGoalAsync(auckland, fields);
        var (utcPage, _) = await GoalPageTests.CreateGoalAsync(utc, fields);

        Assert.Contains("Deadline: 11 March 2027.", utcPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deadline: 11 March 2027.", aucklandPage.Text, StringComparison.Ordinal);
        auckland.Dispose();
        utc.Dispose();
    }

    [Fact]
    public async Task A_follow_up_on_the_eleventh_is_due_in_Auckland_and_not_yet_in_UTC()
    {
        app.Clock.SetTo(LateOnTheTenthInUtc);
        var (auckland, _) = await app.NewSignedInPersonAsync("auckland", "Pacific/Auckland");
        var (utc, _) = await app.NewSignedInPersonAsync("utc", "UTC");
        foreach (var browser in new[] { auckland, utc })
        {
            var form = await browser.GetAsync("/Contacts/Edit");
            await browser.SubmitAsync(form, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Ada", ["Input.NextFollowUpOn"] = "2027-03-11" });
        }

        var aucklandList = await auckland.GetAsync("/Contacts");
        var utcList = await utc.GetAsync("/Contacts");

        Assert.Contains("Due", aucklandList.Document.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Due", utcList.Document.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        auckland.Dispose();
        utc.Dispose();
    }

    [Fact]
    public async Task Last_spoke_on_the_eleventh_is_today_in_Auckland_and_the_future_in_UTC()
    {
        app.Clock.SetTo(LateOnTheTenthInUtc);
        var (auckland, _) = await app.NewSignedInPersonAsync("auckland", "Pacific/Auckland");
        var (utc, _) = await app.NewSignedInPersonAsync("utc", "UTC");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.LastContactOn"] = "2027-03-11" };

        var aucklandSaved = await auckland.SubmitAsync(await auckland.GetAsync("/Contacts/Edit"), "#contact-form", fields);
        var utcRefused = await utc.SubmitAsync(await utc.GetAsync("/Contacts/Edit"), "#contact-form", fields);

        Assert.Contains("Saved Grace.", aucklandSaved.Text, StringComparison.Ordinal);
        Assert.NotEmpty(utcRefused.Errors);
        Assert.DoesNotContain("Saved Grace.", utcRefused.Text, StringComparison.Ordinal);
        auckland.Dispose();
        utc.Dispose();
    }

    [Theory]
    [InlineData("Pacific/Auckland", "notYet")]
    [InlineData("UTC", "met")]
    [InlineData(null, "met")]
    public async Task The_coach_api_reads_today_in_the_time_zone_it_is_sent(string? zone, string expected)
    {
        app.Clock.SetTo(LateOnTheTenthInUtc);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/goals/smart-check", new { statement = "Finish the first aid course", deadline = "2027-03-11", timeZone = zone });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("timeBound").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("\"Mars/Olympus_Mons\"")]
    [InlineData("\"Pacific Standard Time\"")]
    [InlineData("12")]
    public async Task The_coach_api_refuses_a_time_zone_it_doesnt_know_with_a_message(string zone)
    {
        using var client = app.CreateClient();
        using var content = new StringContent($"{{\"statement\":\"Finish the course\",\"timeZone\":{zone}}}", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/goals/smart-check", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("timeZone", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_a_signed_in_person_the_coach_api_uses_their_own_zone_over_the_one_sent()
    {
        app.Clock.SetTo(LateOnTheTenthInUtc);
        var (auckland, _) = await app.NewSignedInPersonAsync("auckland", "Pacific/Auckland");

        using var response = await auckland.Client.PostAsJsonAsync("/api/goals/smart-check", new { statement = "Finish the first aid course", deadline = "2027-03-11", timeZone = "UTC" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("notYet", body.GetProperty("timeBound").GetProperty("status").GetString());
        auckland.Dispose();
    }
}
