using System.Net;
using System.Text.Json;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Areas.Identity.Pages.Account.Manage;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Reviews;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// "Download your data" (Your account → Your data → Download): the Identity fields as before, and the person's plan,
/// contacts and sharing — their grants, the comments on their records and their access log — and nobody else's.
/// </summary>
public sealed class DataExportTests(SharingApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SharingApp>
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
        await browser.SubmitAsync(await browser.GetAsync($"/Goals/{goal}"), "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Practise interviews" });
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
        var size = download.Response.Content.Headers.ContentLength ?? System.Text.Encoding.UTF8.GetByteCount(download.Html);
        output.WriteLine($"The export for this person is {size} bytes.");
        Assert.InRange(size, 4_000, 200_000); // not the 272 bytes of sign-in fields it once was
        using var json = JsonDocument.Parse(download.Html);
        var root = json.RootElement;

        // Identity's own fields, as it writes them.
        Assert.Equal(owner, root.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.True(root.GetProperty("account").GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal("Europe/Paris", root.GetProperty("account").GetProperty("timeZone").GetString());
        Assert.Equal(DownloadPersonalData.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(Now.UtcDateTime, root.GetProperty("exportedAt").GetDateTime().ToUniversalTime());
        foreach (var secret in new[] { "PasswordHash", "passwordHash", "SecurityStamp", "securityStamp", "Authenticator", "authenticator", "RecoveryCode", "recoveryCode", "calendarToken" })
        {
            Assert.DoesNotContain(secret, download.Html, StringComparison.Ordinal);
        }

        DataExportSchema.AssertValid(root);

        var exportedGoal = Assert.Single(root.GetProperty("goals").EnumerateArray());
        Assert.Equal("Become a UX researcher", exportedGoal.GetProperty("statement").GetString());
        Assert.Equal("Active", exportedGoal.GetProperty("status").GetString());
        var milestone = Assert.Single(exportedGoal.GetProperty("milestones").EnumerateArray());
        Assert.Equal(("Finish the research course", "2026-12-15", "Done"), (milestone.GetProperty("title").GetString(), milestone.GetProperty("dueOn").GetString(), milestone.GetProperty("status").GetString()));
        Assert.Equal("Priya Shah", Assert.Single(root.GetProperty("contacts").EnumerateArray()).GetProperty("name").GetString());
        var step = Assert.Single(root.GetProperty("reflection").EnumerateArray());
        Assert.Equal("Vision", step.GetProperty("step").GetString());
        Assert.Contains("Kinder public services", step.GetProperty("answers").GetRawText(), StringComparison.Ordinal);
        var review = Assert.Single(root.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("Scheduled", "2026-11-22"), (review.GetProperty("trigger").GetString(), review.GetProperty("startedOn").GetString()));
        Assert.Equal("Become a UX researcher", Assert.Single(review.GetProperty("goals").EnumerateArray()).GetProperty("statement").GetString());

        var grants = root.GetProperty("sharing").EnumerateArray().ToList();
        Assert.Equal(2, grants.Count);
        Assert.Equal((counsellorEmail, "PlanAndReflection", "Active"), (grants[0].GetProperty("counsellorEmail").GetString(), grants[0].GetProperty("scope").GetString(), grants[0].GetProperty("state").GetString()));
        Assert.Equal(("waiting@example.org", "Invited"), (grants[1].GetProperty("counsellorEmail").GetString(), grants[1].GetProperty("state").GetString()));
        var comments = root.GetProperty("commentsOnYourRecords").EnumerateArray().ToList();
        Assert.Equal([(counsellorEmail, "Lovely progress on the portfolio."), ("you", "Thank you!")], comments.Select(c => (c.GetProperty("by").GetString(), c.GetProperty("body").GetString())));
        Assert.Equal(("Goal", goal), (comments[0].GetProperty("on").GetString(), comments[0].GetProperty("targetId").GetInt32()));
        var look = Assert.Single(root.GetProperty("accessLog").EnumerateArray()); // the one past two years is not kept
        Assert.Equal((counsellorEmail, "Goals", goal), (look.GetProperty("counsellor").GetString(), look.GetProperty("area").GetString(), look.GetProperty("recordId").GetInt32()));

        // A plan item, a history entry and a review schedule: the parts a thin data set would leave empty.
        Assert.NotEmpty(exportedGoal.GetProperty("planItems").EnumerateArray());
        Assert.NotEmpty(exportedGoal.GetProperty("history").EnumerateArray());
        Assert.Equal("Practise interviews", Assert.Single(exportedGoal.GetProperty("planItems").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("reviewSchedule").ValueKind);

        Assert.DoesNotContain("A stranger's private goal", download.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(strangerEmail, download.Html, StringComparison.Ordinal);
        browser.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public void The_schema_refuses_properties_it_does_not_describe_and_describes_every_one()
    {
        DataExportSchema.AssertClosedAndDescribed();
    }

    [Fact]
    public async Task The_download_is_a_post_only()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("get");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Identity/Account/Manage/DownloadPersonalData")).Status);
        browser.Dispose();
    }
}
