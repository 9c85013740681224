using System.Net;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>
/// A second device still holds a session for an account that was just deleted (sessions are re-checked every 30
/// seconds). Whatever it tries to create, the person is signed out and sent to sign in — never an error page.
/// </summary>
public sealed class DeletedAccountTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task Creating_anything_after_the_account_was_deleted_signs_the_person_out()
    {
        var (phone, email) = await app.NewSignedInPersonAsync();
        var laptop = await app.SignInAgainAsync(email);
        var (goalPage, _) = await GoalPageTests.CreateGoalAsync(laptop, new() { ["Input.Statement"] = "Become a team lead" });
        var goalForm = await laptop.GetAsync("/Goals/Edit");
        var contactForm = await laptop.GetAsync("/Contacts/Edit");
        var values = await laptop.GetAsync("/Reflection/Values");

        var delete = await phone.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        await phone.SubmitAsync(delete, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = People.GoodPassword });
        Assert.Equal(0, await app.ReadAsync(db => db.Users.CountAsync(u => u.Email == email)));

        var attempts = new[]
        {
            await laptop.SubmitAsync(goalForm, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Another goal" }),
            await laptop.SubmitAsync(contactForm, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Priya Shah" }),
            await laptop.SubmitAsync(values, "form[data-autosave]", new Dictionary<string, string> { ["Picked"] = "learning" }),
            await laptop.SubmitAsync(goalPage, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol", ["NewMilestone.DueOn"] = "2027-01-10" }),
            await laptop.SubmitAsync(goalPage, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = "A course" }),
        };

        foreach (var attempt in attempts)
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, attempt.Status);
            Assert.DoesNotContain("Something went wrong", attempt.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("saved somewhere else", attempt.Text, StringComparison.Ordinal);
        }

        Assert.Contains("/Identity/Account/Login", attempts[0].Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/Login", attempts[1].Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/Login", attempts[2].Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/Goals", followRedirects: false)).Status);
        phone.Dispose();
        laptop.Dispose();
    }
}
