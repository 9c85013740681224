using System.Globalization;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Reviews;

/// <summary>Goals and reviews made through the forms, as a person without JavaScript makes them.</summary>
internal static class ReviewJourney
{
    public const string LookBackForm = "#look-back-form";
    public const string GoalsForm = "#goals-form";
    public const string NewGoalsForm = "#new-goals-form";
    public const string CompleteForm = "#complete-form";

    /// <summary>A goal written and activated ("activate anyway": the review needs active goals, not SMART ones).</summary>
    public static async Task<int> ActiveGoalAsync(TestBrowser browser, string statement, string? deadline = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Statement"] = statement };
        if (deadline is not null)
        {
            fields["Input.Deadline"] = deadline;
        }

        var (page, id) = await Goals.GoalPageTests.CreateGoalAsync(browser, fields);
        await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        return id;
    }

    /// <summary>Adds a milestone to a goal and marks it done today.</summary>
    public static async Task AddDoneMilestoneAsync(TestBrowser browser, int goalId, string title, DateOnly dueOn)
    {
        var page = await browser.GetAsync($"/Goals/{goalId}");
        page = await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string>
        {
            ["NewMilestone.Title"] = title,
            ["NewMilestone.DueOn"] = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        // A new milestone goes to the end of the list.
        var form = page.Document.QuerySelectorAll("form[action*='handler=MilestoneStatus']").Last();
        var milestoneId = form.QuerySelector("input[name=milestoneId]")!.GetAttribute("value")!;
        await browser.SubmitAsync(page, $"form[action*='handler=MilestoneStatus']:has(input[value='{milestoneId}'])", new Dictionary<string, string> { ["status"] = "Done" });
    }

    /// <summary>"Start your review" on /Reviews: lands on the look-back step (or the step of the review in progress).</summary>
    public static async Task<(WebPage Page, int Id)> StartAsync(TestBrowser browser)
    {
        var index = await browser.GetAsync("/Reviews");
        var page = await browser.SubmitAsync(index, "#start-form");
        return (page, IdOf(page));
    }

    public static int IdOf(WebPage page) => int.Parse(page.Url.AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);

    /// <summary>Walks the steps with the answers given (one decision per goal, in order) and stops on the summary.</summary>
    public static async Task<WebPage> AnswerAsync(TestBrowser browser, int reviewId, params (string Decision, string? Reason)[] decisions)
    {
        var goals = await browser.GetAsync($"/Reviews/{reviewId}/goals");
        var values = new Dictionary<string, string>();
        for (var i = 0; i < decisions.Length; i++)
        {
            values[$"Answers[{i}].Decision"] = decisions[i].Decision;
            if (decisions[i].Reason is { } reason)
            {
                values[$"Answers[{i}].DecisionReason"] = reason;
            }
        }

        var next = await browser.SubmitAsync(goals, GoalsForm, values);
        Assert.True(next.Url.AbsolutePath.EndsWith("/new-goals", StringComparison.Ordinal), string.Join(" | ", next.Errors));
        return await browser.SubmitAsync(next, NewGoalsForm);
    }

    public static async Task<WebPage> CompleteAsync(TestBrowser browser, int reviewId)
    {
        var summary = await browser.GetAsync($"/Reviews/{reviewId}/summary");
        return await browser.SubmitAsync(summary, CompleteForm);
    }
}
