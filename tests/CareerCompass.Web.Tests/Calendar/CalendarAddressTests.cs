using CareerCompass.Tests.Calendar;
using CareerCompass.Web.Infrastructure.Calendar;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Calendar;

/// <summary>An app whose public address is not the one the tests usually use.</summary>
public sealed class PublicCalendarApp : CareerCompassFactory
{
    public PublicCalendarApp() => Settings["App:PublicBaseUrl"] = "https://careers.example.org";
}

public sealed class CalendarAddressTests(PublicCalendarApp app) : IClassFixture<PublicCalendarApp>
{
    [Fact]
    public async Task The_private_address_uids_and_links_come_from_the_configured_public_address()
    {
        using var browser = new TestBrowser(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://careers.example.org"),
        }));
        var email = People.NewEmail();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(app.Mailbox, email);
        await browser.SignInAsync(email);

        var page = await browser.GetAsync("/Reviews/Calendar");
        var address = page.Document.QuerySelector("#subscription-address")!.GetAttribute("value")!;
        var calendar = await IcalJs.ParseAsync(await browser.Client.GetStringAsync(new Uri("/Reviews/calendar.ics", UriKind.Relative)));

        Assert.StartsWith("https://careers.example.org/calendar/", address, StringComparison.Ordinal);
        Assert.EndsWith(".ics", address, StringComparison.Ordinal);
        Assert.StartsWith("webcal://careers.example.org/calendar/", page.Document.QuerySelector("#webcal-link")!.GetAttribute("href"), StringComparison.Ordinal);
        var review = Assert.Single(calendar.Events);
        Assert.EndsWith("@careers.example.org", review.Uid, StringComparison.Ordinal);
        Assert.Equal("https://careers.example.org/Reviews", review.Url);
        Assert.Equal(review.Uid, (await IcalJs.ParseAsync(await browser.Client.GetStringAsync(new Uri(address).PathAndQuery))).Events.Single().Uid);
    }

    [Theory]
    [InlineData("https://careers.example.org/calendar/abc.ics", "webcal://careers.example.org/calendar/abc.ics")]
    [InlineData("http://localhost/calendar/abc.ics", "webcal://localhost/calendar/abc.ics")]
    [InlineData("http://localhost:5000/calendar/abc.ics", "webcal://localhost:5000/calendar/abc.ics")]
    [InlineData("https://careers.example.org:8443/calendar/abc.ics", "webcal://careers.example.org:8443/calendar/abc.ics")]
    public void The_webcal_link_is_the_same_address_keeping_an_unusual_port(string address, string expected) =>
        Assert.Equal(expected, Web.Pages.Reviews.CalendarPage.Webcal(new Uri(address)));

    [Fact]
    public async Task The_review_invitation_for_a_reminder_mail_is_one_event_with_the_feeds_uid_and_the_sender_as_organizer()
    {
        using var browser = new TestBrowser(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://careers.example.org"),
        }));
        var email = People.NewEmail();
        await browser.RegisterAsync(email);
        var personId = await app.UserIdAsync(email);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var schedule = await db.ReviewSchedules.SingleAsync(s => s.OwnerId == personId);
        var feed = scope.ServiceProvider.GetRequiredService<CalendarFeed>();
        var invitation = feed.ReviewInvitation(schedule);
        var parsed = await IcalJs.ParseAsync(invitation);
        var fromFeed = await IcalJs.ParseAsync(await feed.CalendarForAsync(schedule));

        Assert.Equal("PUBLISH", parsed.Method);
        var review = Assert.Single(parsed.Events);
        Assert.Equal(fromFeed.Events.Single().Uid, review.Uid);
        Assert.Equal(("Review your goals", schedule.NextReviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (review.Summary, review.Start));
        Assert.Contains("\r\nORGANIZER:mailto:no-reply@careercompass.local\r\n", invitation, StringComparison.Ordinal);
        Assert.Equal("text/calendar; method=PUBLISH; charset=utf-8", Domain.Calendar.CalendarWriter.InvitationContentType);
    }
}
