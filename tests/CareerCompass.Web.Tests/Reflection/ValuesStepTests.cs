using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Reflection;

public sealed class ValuesStepTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly string[] SixValues = ["learning", "autonomy", "teamwork", "variety", "stability", "challenge"];

    private static List<string> Ranking(WebPage page) =>
        page.Document.QuerySelectorAll("#ranking li > span").Select(s => s.TextContent.Replace("Top five", string.Empty, StringComparison.Ordinal).Trim()).ToList();

    [Fact]
    public async Task Values_are_picked_own_ones_added_and_ranked_with_move_buttons()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Values");
        var picked = await browser.PostAsync("/Reflection/Values?handler=Save",
        [
            new("__RequestVerificationToken", form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", Guid.Empty.ToString()), new("PickedPresent", "true"),
            new("Picked", "learning"), new("Picked", "autonomy"), new("Picked", "teamwork"), new("NewOwn", "Faith"),
        ]);
        Assert.Equal(["Learning", "Autonomy", "Teamwork", "Faith"], Ranking(picked));

        var moveFaithUp = picked.Document.QuerySelectorAll("button").Single(b => b.TextContent == "Move Faith up");
        var moved = await browser.SubmitAsync(picked, "form[data-autosave]", action: moveFaithUp.GetAttribute("formaction"));

        Assert.Equal(["Learning", "Autonomy", "Faith", "Teamwork"], Ranking(moved));
        Assert.Contains("Moved Faith up.", moved.Text, StringComparison.Ordinal);
        var next = await browser.SubmitAsync(moved, "form[data-autosave]");
        Assert.Equal("/Reflection/Strengths", next.Url.AbsolutePath);
        var summary = await browser.GetAsync("/Reflection/Summary");
        var top = summary.Document.QuerySelector("#s-values + ol")!.TextContent;
        Assert.True(top.IndexOf("Faith", StringComparison.Ordinal) < top.IndexOf("Teamwork", StringComparison.Ordinal));
        browser.Dispose();
    }

    [Fact]
    public async Task An_unknown_value_is_refused_with_a_message()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Values");

        var page = await browser.SubmitAsync(form, "form[data-autosave]", new Dictionary<string, string> { ["Picked"] = "world-domination" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains("isn't on our list", StringComparison.Ordinal));
        browser.Dispose();
    }

    [Fact]
    public async Task Only_the_first_five_are_the_top_five()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Values");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", Guid.Empty.ToString()), new("PickedPresent", "true"),
        };
        fields.AddRange(SixValues.Select(k => new KeyValuePair<string, string>("Picked", k)));

        var page = await browser.PostAsync("/Reflection/Values?handler=Save", fields);

        Assert.Equal(5, page.Document.QuerySelectorAll("#ranking .badge").Length);
        browser.Dispose();
    }
}
