using System.Text.Encodings.Web;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Components;
using CareerCompass.Web.Infrastructure.Design;

namespace CareerCompass.Web.Tests.Components;

public sealed class IconTests
{
    [Fact]
    public async Task An_icon_uses_the_versioned_sprite_and_is_hidden_from_screen_readers()
    {
        var rendered = await ComponentRender.RenderAsync<Icon>(("Name", "flag"), ("Class", "icon-lg"));

        var svg = rendered.Find("svg");
        Assert.Equal("icon icon-lg", svg.ClassName);
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Equal("false", svg.GetAttribute("focusable"));
        Assert.Equal("/icons.svg?v=" + ComponentRender.SpriteVersion + "#flag", rendered.Find("svg > use").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_more_classes_an_icon_is_just_an_icon()
    {
        var rendered = await ComponentRender.RenderAsync<Icon>(("Name", "share"));

        Assert.Equal("icon", rendered.Find("svg").ClassName);
    }
}

public sealed class EmptyStateTests
{
    [Fact]
    public async Task An_empty_state_with_a_heading_and_an_action_shows_both_beside_its_icon()
    {
        var view = new EmptyStateView("person-plus", "No contacts yet", "Think of one person.") { ActionText = "Add your first contact", ActionHref = "/Contacts/Edit", Id = "no-contacts" };

        var rendered = await ComponentRender.RenderAsync<EmptyState>(("View", view));

        var box = rendered.Find("div.empty-state");
        Assert.Equal("no-contacts", box.Id);
        Assert.EndsWith("#person-plus", box.QuerySelector("svg.icon.icon-lg use")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("No contacts yet", rendered.Find(".empty-state-text h2.h5").Text());
        Assert.Equal("Think of one person.", rendered.Find(".empty-state-text p").Text());
        var action = rendered.Find("a.btn.btn-primary");
        Assert.Equal("Add your first contact", action.Text());
        Assert.Equal("/Contacts/Edit", action.GetAttribute("href"));
    }

    [Fact]
    public async Task A_plain_empty_state_has_only_its_message()
    {
        var rendered = await ComponentRender.RenderAsync<EmptyState>(("View", new EmptyStateView("share", null, "Only you can see it.")));

        Assert.Empty(rendered.FindAll("h2"));
        Assert.Empty(rendered.FindAll("a"));
        Assert.False(rendered.Find("div.empty-state").HasAttribute("id"));
        Assert.Equal("Only you can see it.", rendered.Find(".empty-state").Text());
    }
}

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 7)]
    [InlineData(4, 4)]
    public async Task A_progress_bar_says_where_the_person_is_in_words_and_to_assistive_technology(int value, int max)
    {
        var rendered = await ComponentRender.RenderAsync<ProgressBar>(
            ("Caption", $"Step {value} of {max}"), ("Label", "Reflection progress"), ("Value", value), ("Max", max));

        Assert.Equal($"Step {value} of {max}", rendered.Find("p.fw-semibold").Text());
        var bar = rendered.Find("[role=progressbar]");
        Assert.Equal("Reflection progress", bar.GetAttribute("aria-label"));
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.GetAttribute("aria-valuenow"));
        Assert.Equal("1", bar.GetAttribute("aria-valuemin"));
        Assert.Equal(max.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.GetAttribute("aria-valuemax"));
        Assert.Equal($"progress-bar progress-{value}-of-{max}", bar.QuerySelector("div")!.ClassName);
    }
}

public sealed class StepListTests
{
    [Fact]
    public async Task The_current_step_is_marked_and_not_a_link_while_every_other_step_links_to_its_page()
    {
        StepLink[] steps =
        [
            new("Look back", "/Reviews/LookBack/4", false),
            new("Your goals", "/Reviews/GoalDecisions/4", true),
            new("New goals", "/Reviews/NewGoals/4", false),
        ];

        var rendered = await ComponentRender.RenderAsync<StepList>(("Steps", steps));

        var items = rendered.FindAll("ol.step-list > li");
        Assert.Equal(["Look back", "Your goals", "New goals"], items.Select(i => i.Text()));
        var current = Assert.Single(rendered.FindAll("[aria-current]"));
        Assert.Equal("step", current.GetAttribute("aria-current"));
        Assert.Equal("SPAN", current.TagName);
        Assert.Equal("Your goals", current.Text());
        Assert.Null(items[1].QuerySelector("a"));
        Assert.Equal(["/Reviews/LookBack/4", "/Reviews/NewGoals/4"], rendered.FindAll("ol.step-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task With_no_current_step_every_step_is_a_link()
    {
        var rendered = await ComponentRender.RenderAsync<StepList>(("Steps", new StepLink[] { new("Interests", "/Reflection/Interests", false), new("Values", "/Reflection/Values", false) }));

        Assert.Empty(rendered.FindAll("[aria-current]"));
        Assert.Equal(2, rendered.FindAll("ol.step-list > li > a").Count);
    }
}

public sealed class StatusBadgeTests
{
    private static Task<ComponentRender.Rendered> BadgeAsync(StatusBadgeView view, params (string Name, string Value)[] attributes) =>
        ComponentRender.RenderTagHelperAsync(new StatusBadgeTagHelper(HtmlEncoder.Default) { View = view }, "status-badge", attributes);

    [Theory]
    [InlineData(GoalStatus.Draft, "Draft")]
    [InlineData(GoalStatus.Active, "Active")]
    [InlineData(GoalStatus.Paused, "Paused")]
    [InlineData(GoalStatus.Achieved, "Achieved")]
    [InlineData(GoalStatus.Retired, "Retired")]
    public async Task A_goal_status_badge_names_the_status_in_the_quiet_style(GoalStatus status, string text)
    {
        var rendered = await BadgeAsync(StatusBadgeView.Of(status));

        var badge = rendered.Find("span");
        Assert.Equal(text, badge.Text());
        Assert.Equal("badge text-bg-light border", badge.ClassName);
    }

    [Theory]
    [InlineData(MilestoneStatus.NotStarted, "Not started")]
    [InlineData(MilestoneStatus.InProgress, "In progress")]
    [InlineData(MilestoneStatus.Done, "Done")]
    [InlineData(MilestoneStatus.Skipped, "Skipped")]
    public async Task A_milestone_status_badge_names_the_status(MilestoneStatus status, string text)
    {
        var rendered = await BadgeAsync(StatusBadgeView.Of(status));

        Assert.Equal(text, rendered.Find("span.badge").Text());
    }

    [Theory]
    [InlineData(BadgeTone.Light, "badge text-bg-light border")]
    [InlineData(BadgeTone.Success, "badge text-bg-success")]
    [InlineData(BadgeTone.Secondary, "badge text-bg-secondary")]
    [InlineData(BadgeTone.Warning, "badge text-bg-warning")]
    [InlineData(BadgeTone.Info, "badge text-bg-info")]
    public async Task Each_tone_has_its_colour_classes(BadgeTone tone, string classes)
    {
        var rendered = await BadgeAsync(new StatusBadgeView("Waiting", tone));

        Assert.Equal(classes, rendered.Find("span").ClassName);
    }

    [Fact]
    public async Task A_page_can_add_spacing_classes()
    {
        var rendered = await BadgeAsync(StatusBadgeView.Of(GoalStatus.Paused), ("class", "ms-1"));

        Assert.Equal("badge text-bg-light border ms-1", rendered.Find("span").ClassName);
    }

    [Fact]
    public async Task The_pages_class_is_written_as_the_page_wrote_it_not_encoded_twice()
    {
        var rendered = await BadgeAsync(new StatusBadgeView("Due"), ("class", "ms-1 a&amp;b"));

        Assert.Equal("badge text-bg-light border ms-1 a&b", rendered.Find("span").ClassName);
    }

    [Fact]
    public async Task A_badge_writes_its_words_as_text()
    {
        var rendered = await BadgeAsync(new StatusBadgeView("<b>due</b> & soon"));

        var badge = rendered.Find("span.badge");
        Assert.Equal("<b>due</b> & soon", badge.TextContent);
        Assert.Empty(badge.Children);
    }
}
