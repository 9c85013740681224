using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Pages.Sharing;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// "Who has looked at your plan" on /Sharing: newest first, 25 a page, the goal or review named and linked (with one
/// query for the whole page), times on the person's clock, nothing older than two years — and those go.
/// </summary>
public sealed class AccessLogTests(SharingApp app) : IClassFixture<SharingApp>
{
    [Fact]
    public async Task The_log_names_who_opened_what_and_when_newest_first_a_page_at_a_time()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("logged", "Asia/Tokyo");
        var (stranger, _) = await app.NewSignedInPersonAsync("stranger");
        var (_, strangersGoal) = await GoalPageTests.CreateGoalAsync(stranger, new() { ["Input.Statement"] = "A stranger's private goal" });
        var goal = await ReviewJourney.ActiveGoalAsync(browser, "Become a UX researcher");
        var (_, review) = await ReviewJourney.StartAsync(browser);
        var owner = await app.UserIdAsync(email);
        await app.GrantAsync(email, counsellorEmail);
        (SharedArea Area, int? Record, string Counsellor)[] first =
        [
            (SharedArea.Goals, goal, counsellorId),
            (SharedArea.Reviews, review, counsellorId),
            (SharedArea.Goals, strangersGoal, counsellorId), // not the client's: never named
            (SharedArea.Reflection, null, counsellorId),
            (SharedArea.Goals, null, counsellorId),
            (SharedArea.Dashboard, null, "an-account-since-deleted"),
        ];
        await app.WriteAsync(db =>
        {
            for (var i = 0; i < 60; i++)
            {
                var (area, record, who) = i < first.Length ? first[i] : (SharedArea.Dashboard, null, counsellorId);
                db.AccessLog.Add(AccessLogEntry.Of(owner, who, area, record, $"/Counsellor/Clients/{owner}/x", Now.AddMinutes(-i)));
            }

            return Task.CompletedTask;
        });

        var page = await browser.GetAsync("/Sharing");

        HtmlChecks.AssertWellFormedAndLabelled(page);
        Assert.Equal("60 looks in the last two years. Showing 1–25, newest first.", page.Document.QuerySelector("#access-log-count")!.Words());
        var rows = page.Document.QuerySelectorAll("#access-log-table tbody tr").ToList();
        Assert.Equal(AccessLog.PageSize, rows.Count);
        string[] Cells(int row) => [.. rows[row].QuerySelectorAll("td").Select(c => c.Words())];
        string? Link(int row) => rows[row].QuerySelector("a")?.GetAttribute("href");
        Assert.Equal([counsellorEmail, "Goal: “Become a UX researcher”", "22 Nov 2026, 18:00"], Cells(0));
        Assert.Equal($"/Goals/{goal}", Link(0));
        Assert.Equal("2026-11-22T09:00Z", rows[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal([counsellorEmail, "Your review of 22 November 2026", "22 Nov 2026, 17:59"], Cells(1));
        Assert.Equal($"/Reviews/{review}", Link(1));
        Assert.Equal("A goal that's no longer there", Cells(2)[1]);
        Assert.Null(Link(2));
        Assert.DoesNotContain("A stranger's private goal", page.Html, StringComparison.Ordinal);
        Assert.Equal(("Your reflection", "/Reflection/Summary"), (Cells(3)[1], Link(3)));
        Assert.Equal(("Your goals", "/Goals"), (Cells(4)[1], Link(4)));
        Assert.Equal(["a former counsellor", "Your dashboard", "22 Nov 2026, 17:55"], Cells(5));
        Assert.Equal("Page 1 of 3", page.Document.QuerySelector("#access-log nav .active")!.Words());
        Assert.Equal("/Sharing?page=2#access-log", page.Document.QuerySelector("#access-log nav a[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("#access-log nav a[rel=prev]"));

        var last = await browser.GetAsync("/Sharing?page=3");
        Assert.Equal(10, last.Document.QuerySelectorAll("#access-log-table tbody tr").Length);
        Assert.Equal("60 looks in the last two years. Showing 51–60, newest first.", last.Document.QuerySelector("#access-log-count")!.Words());
        Assert.Equal("22 Nov 2026, 17:01", last.Document.QuerySelectorAll("#access-log-table tbody tr").Last().QuerySelector("time")!.Words());
        Assert.Equal("/Sharing?page=2#access-log", last.Document.QuerySelector("#access-log nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(last.Document.QuerySelector("#access-log nav a[rel=next]"));

        var beyond = await browser.GetAsync("/Sharing?page=99");
        Assert.Equal("Page 3 of 3", beyond.Document.QuerySelector("#access-log nav .active")!.Words());
        Assert.Equal("Page 1 of 3", (await browser.GetAsync("/Sharing?page=0")).Document.QuerySelector("#access-log nav .active")!.Words());

        var theirs = await stranger.GetAsync("/Sharing");
        Assert.Contains("Nobody has looked at your plan yet.", theirs.Text, StringComparison.Ordinal);
        browser.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public async Task Naming_the_goals_and_reviews_of_a_full_page_takes_no_more_queries_than_one()
    {
        app.Clock.SetTo(Now);
        var (_, _, counsellorId) = await app.NewCounsellorAsync();
        var (few, fewEmail) = await app.NewSignedInPersonAsync("few");
        var (many, manyEmail) = await app.NewSignedInPersonAsync("many");
        var fewId = await app.UserIdAsync(fewEmail);
        var manyId = await app.UserIdAsync(manyEmail);
        await app.WriteAsync(db =>
        {
            db.AccessLog.Add(AccessLogEntry.Of(fewId, counsellorId, SharedArea.Goals, 1, "/x", Now));
            for (var i = 0; i < AccessLog.PageSize; i++)
            {
                db.AccessLog.Add(AccessLogEntry.Of(manyId, counsellorId, i % 2 == 0 ? SharedArea.Goals : SharedArea.Reviews, 1000 + i, "/x", Now.AddMinutes(-i)));
            }

            return Task.CompletedTask;
        });
        await few.GetAsync("/Sharing");
        await many.GetAsync("/Sharing");

        app.Queries.Reset();
        var one = await few.GetAsync("/Sharing");
        var forOne = app.Queries.Count;
        app.Queries.Reset();
        var full = await many.GetAsync("/Sharing");
        var forFull = app.Queries.Count;

        Assert.Single(one.Document.QuerySelectorAll("#access-log-table tbody tr"));
        Assert.Equal(AccessLog.PageSize, full.Document.QuerySelectorAll("#access-log-table tbody tr").Length);
        Assert.Equal(forOne, forFull);
        few.Dispose();
        many.Dispose();
    }

    [Fact]
    public async Task Entries_older_than_two_years_are_not_shown_and_are_removed()
    {
        app.Clock.SetTo(Now);
        var (_, _, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("retention");
        var (other, otherEmail) = await app.NewSignedInPersonAsync("elsewhere");
        other.Dispose();
        var owner = await app.UserIdAsync(email);
        var otherId = await app.UserIdAsync(otherEmail);
        var days = AccessLogEntry.RetentionDays;
        await app.WriteAsync(db =>
        {
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, null, "/x", Now.AddDays(-days - 1)));
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, null, "/x", Now.AddDays(-days).AddSeconds(-1)));
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, null, "/x", Now.AddDays(-days))); // exactly two years: kept
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, null, "/x", Now.AddDays(-1)));
            db.AccessLog.Add(AccessLogEntry.Of(otherId, counsellorId, SharedArea.Goals, null, "/x", Now.AddDays(-days - 5)));
            return Task.CompletedTask;
        });
        Task<int> CountAsync(string id) => app.ReadAsync(db => db.AccessLog.CountAsync(e => e.OwnerId == id));

        var page = await browser.GetAsync("/Sharing");

        Assert.Equal("2 looks in the last two years.", page.Document.QuerySelector("#access-log-count")!.Words());
        Assert.Equal(2, await CountAsync(owner)); // opening the page removed this person's old ones
        Assert.Equal(1, await CountAsync(otherId)); // and only theirs

        var removed = await app.ReadAsync(db => AccessLogRetention.RemoveExpiredAsync(db, Now));
        Assert.Equal(1, removed);
        Assert.Equal(0, await CountAsync(otherId));
        Assert.Equal(2, await CountAsync(owner));
        browser.Dispose();
    }
}
