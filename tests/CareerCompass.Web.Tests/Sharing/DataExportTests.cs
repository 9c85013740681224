using System.Net;
using System.Text.Json;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Reviews;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// "Download your data" (Your account → Your data → Download): the Identity fields as before, and the person's plan,
/// contacts and sharing — their grants, the comments on their records and their access log — and nobody else's.
/// </summary>
public sealed class DataExportTests(SharingApp app) : IClassFixture<SharingApp>
{
    [Fact]
    public async Task The_download_holds_the_account_fields_the_plan_the_contacts_and_the_sharing_records()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("exporter", "Europe/Paris");
        var (stranger, strangerEmail) = await app.NewSignedInPersonAsync("stranger");
        await GoalPageTests.CreateGoalAsync(stranger, new() { ["Input.Statement"] = "A stranger's private goal" });
        await app.GrantAsync(strangerEmail, counsellorEmail);

        var goal = await ReviewJourney.ActiveGoalAsync(browser, "Become a UX researcher");
        await ReviewJourney.AddDoneMilestoneAsync(browser, goal, "Finish the research course", new DateOnly(2026, 12, 15));
        await ReviewJourney.StartAsync(browser);
        await browser.SubmitAsync(await browser.GetAsync("/Contacts/Edit"), "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Priya Shah" });
        await browser.SubmitAsync(await browser.GetAsync("/Reflection/Vision"), "form[data-autosave]", new Dictionary<string, string> { ["Input.Impact"] = "Kinder public services" },
            action: "/Reflection/Vision?handler=Autosave");
        await app.GrantAsync(email, counsellorEmail, SharingScope.PlanAndReflection);
        await browser.InviteAsync("waiting@example.org");
        var owner = await app.UserIdAsync(email);
        await app.WriteAsync(db =>
        {
            db.Comments.Add(Comment.Write(owner, counsellorId, CommentAuthorRole.Counsellor, CommentTarget.Goal, goal, "Lovely progress on the portfolio.", Now));
            db.Comments.Add(Comment.Write(owner, owner, CommentAuthorRole.Client, CommentTarget.Goal, goal, "Thank you!", Now.AddMinutes(1)));
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, goal, $"/Counsellor/Clients/{owner}/Goals/{goal}", Now));
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Dashboard, null, "/old", Now.AddDays(-AccessLogEntry.RetentionDays - 1)));
            return Task.CompletedTask;
        });

        var personal = await browser.GetAsync("/Identity/Account/Manage/PersonalData");
        var download = await browser.SubmitAsync(personal, "#download-data");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/json", download.Response.Content.Headers.ContentType!.MediaType);
        var disposition = download.Response.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "PersonalData.json"), (disposition.DispositionType, disposition.FileName));
        using var json = JsonDocument.Parse(download.Html);
        var root = json.RootElement;

        // Identity's own fields, as it writes them.
        Assert.Equal(owner, root.GetProperty("Id").GetString());
        Assert.Equal(email, root.GetProperty("Email").GetString());
        Assert.Equal("True", root.GetProperty("EmailConfirmed").GetString());
        Assert.Equal("Europe/Paris", root.GetProperty("TimeZone").GetString());
        Assert.True(root.TryGetProperty("Authenticator Key", out _));

        var exportedGoal = Assert.Single(root.GetProperty("Goals").EnumerateArray());
        Assert.Equal("Become a UX researcher", exportedGoal.GetProperty("Statement").GetString());
        Assert.Equal("Active", exportedGoal.GetProperty("Status").GetString());
        var milestone = Assert.Single(exportedGoal.GetProperty("Milestones").EnumerateArray());
        Assert.Equal(("Finish the research course", "2026-12-15", "Done"), (milestone.GetProperty("Title").GetString(), milestone.GetProperty("DueOn").GetString(), milestone.GetProperty("Status").GetString()));
        Assert.Equal("Priya Shah", Assert.Single(root.GetProperty("Contacts").EnumerateArray()).GetProperty("Name").GetString());
        var step = Assert.Single(root.GetProperty("ReflectionSteps").EnumerateArray());
        Assert.Equal("Vision", step.GetProperty("Kind").GetString());
        Assert.Contains("Kinder public services", step.GetProperty("Answers").GetRawText(), StringComparison.Ordinal);
        var review = Assert.Single(root.GetProperty("Reviews").EnumerateArray());
        Assert.Equal(("Scheduled", "2026-11-22"), (review.GetProperty("Trigger").GetString(), review.GetProperty("StartedOn").GetString()));
        Assert.Equal("Become a UX researcher", Assert.Single(review.GetProperty("Goals").EnumerateArray()).GetProperty("Statement").GetString());

        var grants = root.GetProperty("CounsellorGrants").EnumerateArray().ToList();
        Assert.Equal(2, grants.Count);
        Assert.Equal((counsellorEmail, "PlanAndReflection", "Active"), (grants[0].GetProperty("CounsellorEmail").GetString(), grants[0].GetProperty("Scope").GetString(), grants[0].GetProperty("State").GetString()));
        Assert.Equal(("waiting@example.org", "Invited"), (grants[1].GetProperty("CounsellorEmail").GetString(), grants[1].GetProperty("State").GetString()));
        var comments = root.GetProperty("CommentsOnYourRecords").EnumerateArray().ToList();
        Assert.Equal([(counsellorEmail, "Lovely progress on the portfolio."), ("you", "Thank you!")], comments.Select(c => (c.GetProperty("By").GetString(), c.GetProperty("Body").GetString())));
        Assert.Equal(("Goal", goal), (comments[0].GetProperty("On").GetString(), comments[0].GetProperty("TargetId").GetInt32()));
        var look = Assert.Single(root.GetProperty("AccessLog").EnumerateArray()); // the one past two years is not kept
        Assert.Equal((counsellorEmail, "Goals", goal), (look.GetProperty("Counsellor").GetString(), look.GetProperty("Area").GetString(), look.GetProperty("RecordId").GetInt32()));

        Assert.DoesNotContain("A stranger's private goal", download.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(strangerEmail, download.Html, StringComparison.Ordinal);
        browser.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public async Task The_download_is_a_post_only()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("get");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Identity/Account/Manage/DownloadPersonalData")).Status);
        browser.Dispose();
    }
}
