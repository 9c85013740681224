using System.Net;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>One-click "add this occupation" from many tabs at once: every "added" is stored, and step 7 stays within its cap.</summary>
public sealed class ReflectionConcurrencyTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private Task<List<(string Code, string Title)>> OccupationsAsync(int count) => app.ReadAsync(async db =>
        (await db.Occupations.OrderBy(o => o.Code).Take(count).Select(o => new { o.Code, o.Title }).ToListAsync()).Select(o => (o.Code, o.Title)).ToList());

    private async Task<List<CareerOption>> StoredOptionsAsync(string email)
    {
        var userId = await app.UserIdAsync(email);
        var step = await app.ReadAsync(db => db.ReflectionSteps.AsNoTracking().SingleAsync(s => s.OwnerId == userId && s.Kind == ReflectionStepKind.Options));
        return step.Read<OptionsAnswers>().Options;
    }

    private static Task<WebPage> AddAsync(TestBrowser browser, WebPage form, string code, bool followRedirects = true) =>
        browser.SubmitAsync(form, "form[action*='handler=Add']", action: $"/Reflection/Occupations?handler=Add&code={code}", followRedirects: followRedirects);

    [Fact]
    public async Task Twenty_simultaneous_adds_from_twenty_tabs_store_every_one_answered_added()
    {
        var (first, email) = await app.NewSignedInPersonAsync();
        var tabs = new List<TestBrowser> { first };
        for (var i = 1; i < 20; i++)
        {
            tabs.Add(await app.SignInAgainAsync(email));
        }

        var occupations = await OccupationsAsync(20);
        var forms = await Task.WhenAll(tabs.Select(t => t.GetAsync($"/Reflection/Occupations/{occupations[0].Code}")));

        var answers = await Task.WhenAll(tabs.Select((t, i) => AddAsync(t, forms[i], occupations[i].Code)));

        var stored = (await StoredOptionsAsync(email)).Select(o => o.OccupationCode).ToHashSet();
        var acknowledged = occupations.Where((o, i) => answers[i].Text.Contains($"Added {o.Title}", StringComparison.Ordinal)).ToList();
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(acknowledged, o => Assert.Contains(o.Code, stored));
        Assert.Equal(20, acknowledged.Count);
        tabs.ForEach(t => t.Dispose());
    }

    [Fact]
    public async Task Sixty_concurrent_adds_stop_at_fifty_options_and_step_seven_still_saves()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var occupations = await OccupationsAsync(60);
        var form = await browser.GetAsync($"/Reflection/Occupations/{occupations[0].Code}");

        var answers = await Task.WhenAll(occupations.Select(o => AddAsync(browser, form, o.Code, followRedirects: false)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(ReflectionLimits.MaxItems, (await StoredOptionsAsync(email)).Count);
        var step = await browser.GetAsync("/Reflection/Options");
        var saved = await browser.SubmitAsync(step, "form[data-autosave]", action: "/Reflection/Options?handler=Save");
        Assert.Empty(saved.Errors);
        Assert.Contains("Saved.", saved.Text, StringComparison.Ordinal);

        var refused = await AddAsync(browser, form, (await OccupationsAsync(61))[60].Code);
        Assert.Contains("50 career options", refused.Text, StringComparison.Ordinal);
        Assert.Equal(ReflectionLimits.MaxItems, (await StoredOptionsAsync(email)).Count);
        browser.Dispose();
    }
}
