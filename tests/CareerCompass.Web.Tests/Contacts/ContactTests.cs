using System.Net;
using CareerCompass.Web.Pages.Contacts;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Contacts;

public sealed class ContactTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_new_person_sees_a_helpful_empty_state()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var list = await browser.GetAsync("/Contacts");
        Assert.Contains("No contacts yet", list.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_contact_is_saved_listed_and_its_follow_up_shows_as_due()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Contacts/Edit");

        var list = await browser.SubmitAsync(form, "#contact-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "  Priya Shah ",
            ["Input.Role"] = "Product designer",
            ["Input.LastContactOn"] = "2026-10-01",
            ["Input.NextFollowUpOn"] = "2026-11-20",
        });

        Assert.Equal("/Contacts", list.Url.AbsolutePath);
        Assert.Contains("Saved Priya Shah.", list.Text, StringComparison.Ordinal);
        var row = list.Document.QuerySelectorAll("tbody tr").Single();
        Assert.Contains("Priya Shah", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Due", row.TextContent, StringComparison.Ordinal);

        var dashboard = await browser.GetAsync("/");
        Assert.Contains("1 follow-up is due", dashboard.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("Input.Name", "", "Please add a name")]
    [InlineData("Input.Name", "x", "under 200 characters", 201)]
    [InlineData("Input.Notes", "x", "up to 4,000 characters", 4001)]
    [InlineData("Input.LastContactOn", "2027-01-01", "can't be in the future")]
    [InlineData("Input.LastContactOn", "not a date", "doesn't look right")]
    public async Task Bad_input_gets_a_clear_message_and_keeps_what_was_typed(string field, string value, string message, int repeat = 1)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Contacts/Edit");
        var values = new Dictionary<string, string> { ["Input.Name"] = "Sam", ["Input.Role"] = "Mentor I met at a meetup" };
        values[field] = string.Concat(Enumerable.Repeat(value, repeat));

        var page = await browser.SubmitAsync(form, "#contact-form", values);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal("Mentor I met at a meetup", page.Document.QuerySelector("#Input_Role")!.GetAttribute("value"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_follow_up_before_the_last_contact_is_refused()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Contacts/Edit");
        var page = await browser.SubmitAsync(form, "#contact-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sam",
            ["Input.LastContactOn"] = "2026-11-01",
            ["Input.NextFollowUpOn"] = "2026-10-01",
        });

        Assert.Contains("The follow-up should come after your last contact.", page.Errors);
        browser.Dispose();
    }

    [Fact]
    public async Task A_save_from_a_stale_tab_is_refused_and_keeps_the_typed_text()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var create = await browser.GetAsync("/Contacts/Edit");
        await browser.SubmitAsync(create, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Jordan" });
        var link = (await browser.GetAsync("/Contacts")).Document.QuerySelectorAll("a").Single(a => a.TextContent == "Jordan").GetAttribute("href")!;

        var firstTab = await browser.GetAsync(link);
        var secondTab = await browser.GetAsync(link);
        var saved = await browser.SubmitAsync(firstTab, "#contact-form", new Dictionary<string, string> { ["Input.Role"] = "Mentor" });
        Assert.Equal("/Contacts", saved.Url.AbsolutePath);

        var stale = await browser.SubmitAsync(secondTab, "#contact-form", new Dictionary<string, string> { ["Input.Notes"] = "Met at the design meetup" });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(Edit.StaleMessage, stale.Errors);
        Assert.Equal("Met at the design meetup", stale.Document.QuerySelector("#Input_Notes")!.TextContent.Trim());
        Assert.NotNull(stale.Document.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent == "Reload the latest version"));
        var latest = await browser.GetAsync(link);
        Assert.Equal("Mentor", latest.Document.QuerySelector("#Input_Role")!.GetAttribute("value"));
        Assert.Equal(string.Empty, latest.Document.QuerySelector("#Input_Notes")!.TextContent.Trim());
        browser.Dispose();
    }

    [Fact]
    public async Task A_contact_can_be_deleted_by_its_owner()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var create = await browser.GetAsync("/Contacts/Edit");
        await browser.SubmitAsync(create, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Temporary" });
        var link = (await browser.GetAsync("/Contacts")).Document.QuerySelectorAll("a").Single(a => a.TextContent == "Temporary").GetAttribute("href")!;
        var edit = await browser.GetAsync(link);

        var list = await browser.SubmitAsync(edit, "#delete-form");

        Assert.Contains("Deleted Temporary.", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link)).Status);
        browser.Dispose();
    }
}
