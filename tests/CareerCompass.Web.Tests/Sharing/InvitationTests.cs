using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Pages.Counsellor;
using CareerCompass.Web.Tests.Infrastructure;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// /Counsellor/Invitations: a counsellor sees what was sent to their address and accepts it; nobody else sees or
/// accepts it; an invitation that expired, was withdrawn or changed since the page was shown is refused with a
/// message that says which.
/// </summary>
public sealed class InvitationTests(SharingApp app) : IClassFixture<SharingApp>
{
    [Fact]
    public async Task A_counsellor_sees_an_invitation_to_their_address_and_accepting_it_starts_the_sharing()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        await client.InviteAsync("  " + counsellorEmail.ToUpperInvariant() + " ", nameof(SharingScope.PlanAndReflection)); // as someone might type it
        var id = Assert.Single(await app.GrantsOfAsync(clientEmail)).Id;

        var page = await counsellor.GetAsync("/Counsellor/Invitations");

        HtmlChecks.AssertWellFormedAndLabelled(page);
        var invitation = page.Document.QuerySelector($"#invitation-{id}")!.Words();
        Assert.Contains(clientEmail, invitation, StringComparison.Ordinal);
        Assert.Contains("Would like to share their plan and their reflection", invitation, StringComparison.Ordinal);
        Assert.Contains("Open until Tuesday 22 December 2026.", invitation, StringComparison.Ordinal);
        Assert.Contains(("Invitations", "/Counsellor/Invitations"), page.Document.QuerySelectorAll("nav[aria-label=Main] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))));

        app.Clock.SetTo(Now.AddDays(2));
        var accepted = await counsellor.SubmitAsync(page, $"#accept-form-{id}");

        Assert.Equal($"Accepted. You can now see {clientEmail}'s plan and reflection. They can change what you see or stop sharing at any time.", accepted.Status());
        Assert.NotNull(accepted.Document.QuerySelector("#no-invitations"));
        var grant = await app.GrantAsync(id);
        Assert.Equal((GrantState.Active, counsellorId, Now.AddDays(2).UtcDateTime), (grant.State(Now.AddDays(2)), grant.CounsellorId, grant.AcceptedAtUtc));
        Assert.True(grant.Allows(counsellorId, SharedArea.Reflection, Now.AddDays(2)));
        Assert.Equal(1, await app.ReadAsync(db => db.ActiveGrantsOfAsync(counsellorId)));
        var clientView = await client.GetAsync("/Sharing");
        Assert.Contains("Sharing since Tuesday 24 November 2026.", clientView.Document.QuerySelector($"#grant-{id}")!.TextContent, StringComparison.Ordinal);
        counsellor.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task A_counsellor_with_another_address_neither_sees_nor_can_accept_it()
    {
        app.Clock.SetTo(Now);
        var (_, intendedEmail, _) = await app.NewCounsellorAsync("intended");
        var (someoneElse, _, _) = await app.NewCounsellorAsync("elsewhere");
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        var id = await app.GrantAsync(clientEmail, intendedEmail, accept: false);
        var version = (await app.GrantAsync(id)).Version.ToString();

        var page = await someoneElse.GetAsync("/Counsellor/Invitations");
        var accept = await someoneElse.SubmitAsync(await someoneElse.GetAsync("/Sharing"), "#invite-form", new Dictionary<string, string> { ["version"] = version },
            action: $"/Counsellor/Invitations?id={id}&handler=Accept");

        Assert.DoesNotContain(clientEmail, page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Document.QuerySelector("#no-invitations"));
        Assert.Equal(HttpStatusCode.NotFound, accept.Status);
        var grant = await app.GrantAsync(id);
        Assert.Equal((GrantState.Invited, null, version), (grant.State(Now), grant.CounsellorId, grant.Version.ToString()));
        someoneElse.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Only_counsellors_reach_the_invitations_page()
    {
        var (client, _) = await app.NewSignedInPersonAsync("notcounsellor");
        using var visitor = app.NewBrowser();

        var asClient = await client.GetAsync("/Counsellor/Invitations", followRedirects: false);
        var asVisitor = await visitor.GetAsync("/Counsellor/Invitations", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, asClient.Status);
        Assert.Contains("/Identity/Account/AccessDenied", asClient.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asVisitor.Status);
        Assert.Contains("/Identity/Account/Login", asVisitor.Location, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task After_30_days_the_invitation_is_gone_from_the_list_and_accepting_it_says_it_expired()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        var id = await app.GrantAsync(clientEmail, counsellorEmail, accept: false);
        var open = await counsellor.GetAsync("/Counsellor/Invitations");
        Assert.NotNull(open.Document.QuerySelector($"#accept-form-{id}"));

        app.Clock.SetTo(Now.AddDays(CounsellorGrant.InvitationDays)); // at exactly 30 days it has expired
        await counsellor.SignInAsync(counsellorEmail); // a month on, the old sign-in has expired
        var later = await counsellor.GetAsync("/Counsellor/Invitations");
        var refused = await counsellor.SubmitAsync(open, $"#accept-form-{id}");

        Assert.Null(later.Document.QuerySelector($"#invitation-{id}"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([$"This invitation has expired — invitations last {CounsellorGrant.InvitationDays} days. You could ask for a new one."], refused.Errors);
        var grant = await app.GrantAsync(id);
        Assert.Equal((GrantState.Expired, null), (grant.State(Now.AddDays(CounsellorGrant.InvitationDays)), grant.AcceptedAtUtc));
        counsellor.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Accepting_an_invitation_withdrawn_since_the_page_opened_says_it_was_withdrawn()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        var id = await app.GrantAsync(clientEmail, counsellorEmail, accept: false);
        var open = await counsellor.GetAsync("/Counsellor/Invitations");
        await client.SubmitAsync(await client.GetAsync("/Sharing"), $"#revoke-form-{id}");

        var refused = await counsellor.SubmitAsync(open, $"#accept-form-{id}");

        Assert.Equal(["This invitation was withdrawn, so it can't be accepted any more."], refused.Errors);
        Assert.Null(refused.Document.QuerySelector($"#invitation-{id}"));
        Assert.Null((await app.GrantAsync(id)).AcceptedAtUtc);
        counsellor.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Accepting_an_invitation_the_client_changed_since_the_page_opened_is_refused_and_shows_the_new_one()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        var id = await app.GrantAsync(clientEmail, counsellorEmail, accept: false);
        var open = await counsellor.GetAsync("/Counsellor/Invitations");
        await client.SubmitAsync(await client.GetAsync("/Sharing"), $"#scope-form-{id}", new Dictionary<string, string> { ["scope"] = nameof(SharingScope.PlanAndReflection) });

        var refused = await counsellor.SubmitAsync(open, $"#accept-form-{id}");

        Assert.Equal([Invitations.StaleMessage], refused.Errors);
        Assert.Contains("their plan and their reflection", refused.Document.QuerySelector($"#invitation-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.GrantAsync(id)).AcceptedAtUtc);

        var accepted = await counsellor.SubmitAsync(refused, $"#accept-form-{id}"); // having seen what it is now
        Assert.StartsWith("Accepted.", accepted.Status(), StringComparison.Ordinal);
        counsellor.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Accepting_twice_says_there_is_nothing_more_to_do()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (client, clientEmail) = await app.NewSignedInPersonAsync("client");
        var id = await app.GrantAsync(clientEmail, counsellorEmail, accept: false);
        var open = await counsellor.GetAsync("/Counsellor/Invitations");
        await counsellor.SubmitAsync(open, $"#accept-form-{id}");
        var acceptedAt = (await app.GrantAsync(id)).AcceptedAtUtc;

        app.Clock.SetTo(Now.AddMinutes(5));
        var again = await counsellor.SubmitAsync(open, $"#accept-form-{id}");

        Assert.Equal(["You've already accepted this invitation, so there's nothing more to do."], again.Errors);
        Assert.Equal(acceptedAt, (await app.GrantAsync(id)).AcceptedAtUtc);
        counsellor.Dispose();
        client.Dispose();
    }
}
