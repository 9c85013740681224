using CareerCompass.Domain.Goals;
using CareerCompass.Web.Components;

namespace CareerCompass.Web.Tests.Components;

public sealed class CoachPanelTests
{
    private static readonly SmartVerdict ThreeMet = new(
        new(SmartStatus.Met, "Clear outcome."),
        new(SmartStatus.Met, "You'll count applications."),
        new(SmartStatus.NeedsInput, "How confident are you, from 1 to 10?"),
        new(SmartStatus.Met, "Linked to your values."),
        new(SmartStatus.NotYet, "Add a date to aim for."));

    [Fact]
    public async Task The_full_coach_shows_each_criterion_with_its_status_and_advice_for_the_live_script()
    {
        var rendered = await ComponentRender.RenderAsync<CoachPanel>(("View", CoachView.Of(ThreeMet)));

        var panel = rendered.Find("section.card.coach[data-coach]");
        Assert.Equal("coach-title", panel.GetAttribute("aria-labelledby"));
        Assert.Equal("SMART coach", rendered.Find("h2#coach-title").Text());
        Assert.Empty(rendered.FindAll("details"));

        var items = rendered.FindAll("li.coach-item");
        Assert.Equal(["specific", "measurable", "achievable", "relevant", "timeBound"], items.Select(i => i.GetAttribute("data-criterion")));
        Assert.Equal(
            [
                "Specific: Met Clear outcome.",
                "Measurable: Met You'll count applications.",
                "Achievable: Needs input How confident are you, from 1 to 10?",
                "Relevant: Met Linked to your values.",
                "Time-bound: Not yet Add a date to aim for.",
            ],
            items.Select(i => i.Text()));
        Assert.Equal(["met", "met", "needsInput", "met", "notYet"], items.Select(i => i.QuerySelector("[data-status]")!.GetAttribute("data-status")));
        Assert.Equal("badge coach-notYet", items[4].QuerySelector("[data-status]")!.ClassName);
        Assert.Equal("Add a date to aim for.", items[4].QuerySelector("[data-advice]")!.Text());
    }

    [Fact]
    public async Task The_compact_coach_is_one_line_that_opens_to_the_same_advice()
    {
        var rendered = await ComponentRender.RenderAsync<CoachPanel>(("View", CoachView.Of(ThreeMet)), ("Compact", true));

        Assert.Empty(rendered.FindAll("section"));
        var details = rendered.Find("details.coach-compact[data-coach]");
        Assert.False(details.HasAttribute("open"));
        var summary = rendered.Find("summary #coach-summary[data-coach-summary]");
        Assert.Equal("3 of 5 met — next: say how confident you are", summary.Text());
        Assert.Equal("SMART coach: 3 of 5 met — next: say how confident you are", rendered.Find("summary").Text());
        Assert.Equal(5, details.QuerySelectorAll("li.coach-item[data-criterion]").Length);
        Assert.Equal("How confident are you, from 1 to 10?", details.QuerySelector("[data-criterion=achievable] [data-advice]")!.Text());
    }

    [Fact]
    public async Task When_every_criterion_is_met_the_compact_coach_says_so()
    {
        var met = new SmartCriterion(SmartStatus.Met, "Good.");
        var rendered = await ComponentRender.RenderAsync<CoachPanel>(("View", CoachView.Of(new SmartVerdict(met, met, met, met, met))), ("Compact", true));

        Assert.Equal("All 5 met — your goal is SMART.", rendered.Find("#coach-summary").Text());
        Assert.All(rendered.FindAll("[data-status]"), badge => Assert.Equal("Met", badge.Text()));
    }
}
