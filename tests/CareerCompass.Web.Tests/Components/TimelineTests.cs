using System.Globalization;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Components;

namespace CareerCompass.Web.Tests.Components;

public sealed class TimelineTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static readonly TimelineView TwoGoals = new(Today,
    [
        new("Get a junior data analyst role", new(2027, 1, 1), new(2027, 12, 31), new GoalProgress(1, 2),
        [
            new("Finish the SQL course", new(2027, 2, 15), MilestoneStatus.Done),
            new("Build a portfolio project", new(2027, 2, 20), MilestoneStatus.InProgress),
            new("Apply to five jobs", new(2027, 6, 1), MilestoneStatus.NotStarted),
        ]),
        new(new string('x', 80), new(2027, 3, 1), new(2027, 6, 30), new GoalProgress(0, 0), []),
    ]);

    [Fact]
    public async Task With_no_goals_the_timeline_draws_nothing()
    {
        var rendered = await ComponentRender.RenderAsync<Timeline>(("View", new TimelineView(Today, [])));

        Assert.Equal("", rendered.Html.Trim());
    }

    [Fact]
    public async Task The_picture_spans_the_earliest_start_to_the_latest_deadline_with_a_row_per_goal()
    {
        var rendered = await ComponentRender.RenderAsync<Timeline>(("View", TwoGoals));

        var svg = rendered.Find("svg.timeline.timeline-picture[role=img]");
        Assert.Equal("0 0 1000 146", svg.GetAttribute("viewBox"));
        Assert.Equal("timeline-svg-title timeline-svg-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Timeline of your active goals", rendered.Find("#timeline-svg-title").Text());
        Assert.Equal("From 1 Jan 2027 to 31 Dec 2027. The table below lists the same goals and milestones.", rendered.Find("#timeline-svg-desc").Text());

        var rows = svg.QuerySelectorAll("g");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Get a junior data analyst role", rows[0].QuerySelector("text")!.Text());
        // A long statement is shortened in the picture only.
        Assert.Equal(new string('x', 67) + "…", rows[1].QuerySelector("text")!.Text());
        // The first goal's bar runs the whole width; today's dashed line sits where 1 March falls.
        Assert.Equal("10", rows[0].QuerySelector("rect")!.GetAttribute("x"));
        Assert.Equal("980", rows[0].QuerySelector("rect")!.GetAttribute("width"));
        var today = double.Parse(svg.QuerySelector("line")!.GetAttribute("x1")!, CultureInfo.InvariantCulture);
        Assert.InRange(today, 10 + 980 * 59.0 / 364 - 0.1, 10 + 980 * 59.0 / 364 + 0.1);

        var circles = rows[0].QuerySelectorAll("circle");
        Assert.Equal(["#146c43", "#ffffff", "#ffffff"], circles.Select(c => c.GetAttribute("fill")));
        Assert.Empty(rows[1].QuerySelectorAll("circle"));
    }

    [Fact]
    public async Task The_table_and_the_narrow_list_carry_the_same_goals_and_milestones_with_their_dates()
    {
        var rendered = await ComponentRender.RenderAsync<Timeline>(("View", TwoGoals));

        var table = rendered.FindAll("details table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))).ToList();
        Assert.Equal(
            [
                "Get a junior data analyst role | deadline 31 Dec 2027 | 1 of 2 done",
                "Finish the SQL course | 15 Feb 2027 | Done",
                "Build a portfolio project | 20 Feb 2027 | In progress",
                "Apply to five jobs | 1 Jun 2027 | Not started",
                new string('x', 80) + " | deadline 30 Jun 2027 | 0 of 0 done",
            ],
            table);

        Assert.Equal(["TH", "TD", "TD", "TD", "TH"], rendered.FindAll("details table tbody tr > :first-child").Select(c => c.TagName));
        Assert.Equal("Active goals, their milestones and dates", rendered.Find("table caption.visually-hidden").Text());

        var goals = rendered.FindAll("ol.timeline-list > li.timeline-goal");
        Assert.Equal(2, goals.Count);
        Assert.Equal(new string('x', 80), goals[1].QuerySelector("p.fw-semibold")!.Text());
        Assert.Equal("1 of 2 done · deadline 31 Dec 2027", goals[0].QuerySelector("p.small")!.Text());
        Assert.Equal("2027-12-31", goals[0].QuerySelector("p.small time")!.GetAttribute("datetime"));
        var milestones = goals[0].QuerySelectorAll("ol.timeline-milestones > li");
        Assert.Equal(["2027-02-15", "2027-02-20", "2027-06-01"], milestones.Select(m => m.QuerySelector("time.timeline-date")!.GetAttribute("datetime")));
        Assert.Null(goals[1].QuerySelector("ol.timeline-milestones"));
    }

    [Fact]
    public async Task The_narrow_list_marks_done_and_overdue_milestones()
    {
        var rendered = await ComponentRender.RenderAsync<Timeline>(("View", TwoGoals));

        var milestones = rendered.FindAll("ol.timeline-milestones > li");
        Assert.True(milestones[0].ClassList.Contains("is-done"));
        Assert.Equal("15 Feb 2027 Finish the SQL course — Done", milestones[0].Text());
        // Past its date and not done: overdue, in words and in colour.
        Assert.Equal("20 Feb 2027 Build a portfolio project — In progress, overdue", milestones[1].Text());
        Assert.Contains("text-danger", milestones[1].QuerySelectorAll("span")[1].ClassList);
        Assert.Equal("1 Jun 2027 Apply to five jobs — Not started", milestones[2].Text());
        Assert.DoesNotContain("text-danger", milestones[2].QuerySelectorAll("span")[1].ClassList);
    }

    [Fact]
    public async Task Milestones_in_the_narrow_list_run_in_date_order()
    {
        var view = new TimelineView(Today,
        [
            new("Change careers", new(2027, 1, 1), new(2027, 12, 1), new GoalProgress(0, 2),
            [
                new("Later step", new(2027, 9, 1), MilestoneStatus.NotStarted),
                new("Sooner step", new(2027, 4, 1), MilestoneStatus.NotStarted),
            ]),
        ]);

        var rendered = await ComponentRender.RenderAsync<Timeline>(("View", view));

        Assert.Equal(["Sooner step", "Later step"], rendered.FindAll("ol.timeline-milestones li span:first-of-type").Select(s => s.Text()));
    }
}
