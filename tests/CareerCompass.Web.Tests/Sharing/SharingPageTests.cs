using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Pages.Sharing;
using SharingPage = CareerCompass.Web.Pages.Sharing.Index;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// /Sharing, the client's side: inviting a counsellor (the two kinds of e-mail, every refusal), changing what they
/// see, withdrawing or stopping, stale tabs, and nobody else seeing or touching a person's grants.
/// </summary>
public sealed class SharingPageTests(SharingApp app) : IClassFixture<SharingApp>
{
    [Fact]
    public async Task A_new_person_is_told_nobody_sees_their_plan_and_that_contacts_are_never_shared()
    {
        app.Clock.SetTo(Now);
        var (browser, _) = await app.NewSignedInPersonAsync("empty");

        var page = await browser.GetAsync("/Sharing");

        HtmlChecks.AssertWellFormedAndLabelled(page);
        Assert.Equal("Sharing with a counsellor", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("You're not sharing your plan with anyone at the moment — only you can see it.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Nobody has looked at your plan yet.", page.Text, StringComparison.Ordinal);
        Assert.Contains(SharingLabels.ContactsNeverShared, page.Text, StringComparison.Ordinal);
        Assert.Equal("What would you like them to see?", page.Document.QuerySelector("#invite-form fieldset legend")!.TextContent);
        Assert.Equal(["Your plan", "Your plan and your reflection"], page.Document.QuerySelectorAll("#invite-form fieldset label").Select(l => l.TextContent));
        Assert.Empty(page.Document.QuerySelectorAll("#invite-form input[type=radio][checked]")); // a choice the person makes
        var nav = page.Document.QuerySelectorAll("nav[aria-label=Main] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Sharing", "/Sharing"), nav);
        Assert.DoesNotContain(nav, l => l.Item1 == "Invitations"); // only counsellors get that one
        var settings = await browser.GetAsync("/Settings");
        Assert.Equal("/Sharing", settings.Document.QuerySelector("#sharing a")!.GetAttribute("href"));
        browser.Dispose();
    }

    [Fact]
    public async Task Inviting_someone_with_the_counsellor_role_mails_them_the_way_to_their_invitations()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("client");

        var page = await browser.InviteAsync(counsellorEmail, nameof(SharingScope.PlanAndReflection));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/Sharing", page.Url.AbsolutePath);
        Assert.Equal($"Invitation sent to {counsellorEmail}. It waits for them until Tuesday 22 December 2026; you'll see here when they accept.", page.Status());
        var grant = Assert.Single(await app.GrantsOfAsync(email));
        Assert.Equal((SharingScope.PlanAndReflection, GrantState.Invited), (grant.Scope, grant.State(Now)));
        var row = page.Document.QuerySelector($"#grant-{grant.Id}")!;
        Assert.Contains(counsellorEmail, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("until Tuesday 22 December 2026", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"#grant-{grant.Id}-scope-PlanAndReflection[checked]"));
        Assert.Equal("Withdraw invitation", row.QuerySelector($"#revoke-form-{grant.Id} button")!.ChildNodes[0].TextContent.Trim());

        var mail = Assert.Single(app.Mailbox.To(counsellorEmail, "would like to share their career plan"));
        Assert.Equal($"{email} would like to share their career plan with you", mail.Subject);
        Assert.Contains($"{email} has invited you, as their counsellor, to see their plan and their reflection", mail.Body, StringComparison.Ordinal);
        Assert.Contains("until Tuesday 22 December 2026", mail.Body, StringComparison.Ordinal);
        Assert.Equal([$"{SharingApp.PublicBaseUrl}/Counsellor/Invitations"], mail.Links);
        Assert.DoesNotContain("administrator", mail.Body, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(page);
        counsellor.Dispose();
        browser.Dispose();
    }

    [Fact]
    public async Task Inviting_an_address_without_a_counsellor_account_says_how_to_join_and_the_page_says_the_same_either_way()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("client");
        var (other, clientOnly) = await app.NewSignedInPersonAsync("notyet"); // an account, but not a counsellor
        other.Dispose();
        var stranger = People.NewEmail("stranger");

        var first = await browser.InviteAsync(stranger);
        var second = await browser.InviteAsync(clientOnly);

        Assert.Equal(first.Status()!.Replace(stranger, "ADDRESS", StringComparison.Ordinal), second.Status()!.Replace(clientOnly, "ADDRESS", StringComparison.Ordinal));
        Assert.Equal(2, (await app.GrantsOfAsync(email)).Count);
        foreach (var address in new[] { stranger, clientOnly })
        {
            var mail = Assert.Single(app.Mailbox.To(address, "would like to share their career plan"));
            Assert.Contains($"{email} has invited you, as their counsellor, to see their plan on CareerCompass", mail.Body, StringComparison.Ordinal);
            Assert.Contains($"register with this address ({address})", mail.Body, StringComparison.Ordinal);
            Assert.Contains("Ask the administrator of this CareerCompass service to give your account counsellor access.", mail.Body, StringComparison.Ordinal);
            Assert.Contains("The invitation waits for 30 days", mail.Body, StringComparison.Ordinal);
            Assert.Equal([$"{SharingApp.PublicBaseUrl}/Identity/Account/Register", $"{SharingApp.PublicBaseUrl}/Counsellor/Invitations"], mail.Links);
        }

        browser.Dispose();
    }

    [Theory]
    [InlineData("", "Plan", "Invite.Email", "Please enter your counsellor's e-mail address.")]
    [InlineData("not an address", "Plan", "Invite.Email", "That doesn't look like an e-mail address.")]
    [InlineData("Name <someone@example.org>", "Plan", "Invite.Email", "That doesn't look like an e-mail address.")]
    [InlineData("LONG", "Plan", "Invite.Email", "That doesn't look like an e-mail address.")]
    [InlineData("SELF", "PlanAndReflection", "Invite.Email", "That's your own address.")]
    [InlineData("someone@example.org", "", "Invite.Scope", SharingPage.ChooseScope)]
    [InlineData("someone@example.org", "Contacts", "Invite.Scope", SharingPage.ChooseScope)]
    [InlineData("someone@example.org", "1", "Invite.Scope", SharingPage.ChooseScope)]
    [InlineData("someone@example.org", "plan", "Invite.Scope", SharingPage.ChooseScope)]
    public async Task A_refused_invitation_says_why_next_to_the_field_keeps_what_was_typed_and_sends_nothing(string typed, string scope, string field, string message)
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("refused");
        var address = typed switch
        {
            "SELF" => "  " + email.ToUpperInvariant(),
            "LONG" => new string('a', 300) + "@example.org",
            _ => typed,
        };
        var mails = app.Mailbox.All().Count;

        var page = await browser.InviteAsync(address, scope);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = page.Document.QuerySelector(field == "Invite.Email" ? "#invite-email-error" : "#invite-scope-error");
        Assert.NotNull(error);
        Assert.StartsWith(message, error!.TextContent, StringComparison.Ordinal);
        Assert.Equal(address, page.Document.QuerySelector("#Invite_Email")!.GetAttribute("value") ?? string.Empty);
        Assert.Empty(await app.GrantsOfAsync(email));
        Assert.Equal(mails, app.Mailbox.All().Count);
        HtmlChecks.AssertWellFormedAndLabelled(page);
        browser.Dispose();
    }

    [Fact]
    public async Task A_bad_address_and_no_choice_are_both_pointed_out_at_once()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("both");

        var page = await browser.SubmitAsync(await browser.GetAsync("/Sharing"), "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = "nope" });

        Assert.NotNull(page.Document.QuerySelector("#invite-email-error"));
        Assert.Equal(SharingPage.ChooseScope, page.Document.QuerySelector("#invite-scope-error")!.TextContent);
        Assert.Equal("invite-email-hint invite-email-error", page.Document.QuerySelector("#Invite_Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("invite-scope-hint invite-scope-error", page.Document.QuerySelector("#invite-form fieldset")!.GetAttribute("aria-describedby"));
        Assert.Empty(await app.GrantsOfAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task A_second_invitation_to_a_counsellor_still_waiting_is_refused_whatever_the_capitals()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("twice");
        var counsellor = People.NewEmail("waiting");
        await browser.InviteAsync(counsellor);

        var again = await browser.InviteAsync(counsellor.ToUpperInvariant(), nameof(SharingScope.PlanAndReflection));

        Assert.StartsWith("You've already invited this counsellor, and the invitation is still waiting for them.", again.Document.QuerySelector("#invite-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.GrantsOfAsync(email));
        Assert.Single(app.Mailbox.To(counsellor, "would like to share"));
        browser.Dispose();
    }

    [Fact]
    public async Task Inviting_a_counsellor_you_already_share_with_is_refused()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("sharing");
        await app.GrantAsync(email, counsellorEmail);

        var again = await browser.InviteAsync(counsellorEmail);

        Assert.StartsWith("You're already sharing with this counsellor.", again.Document.QuerySelector("#invite-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.GrantsOfAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task The_same_invitation_sent_five_times_at_once_makes_one_invitation_and_one_email()
    {
        // On PostgreSQL (no single writer) this needs the advisory lock on the person: without it, two or more of the
        // five passed the "already invited" check together (seen in the PostgreSQL run).
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("burst");
        var counsellor = People.NewEmail("burst");
        var form = await browser.GetAsync("/Sharing");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => browser.SubmitAsync(form, "#invite-form", Invitation(counsellor), followRedirects: false)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{a.Status}"));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(await app.GrantsOfAsync(email));
        Assert.Single(app.Mailbox.To(counsellor, "would like to share"));
        browser.Dispose();
    }

    [Fact]
    public async Task After_ten_invitations_in_a_day_the_next_one_waits_until_tomorrow()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("many");
        var owner = await app.UserIdAsync(email);
        await app.WriteAsync(db =>
        {
            for (var i = 0; i < SharingPage.InvitationsPerDay; i++)
            {
                var grant = CounsellorGrant.Invite(owner, email, People.NewEmail("many"), SharingScope.Plan, [], Now.AddHours(-20));
                grant.Revoke(Now.AddHours(-19)); // withdrawn ones count too: each sent an e-mail
                db.CounsellorGrants.Add(grant);
            }

            return Task.CompletedTask;
        });

        var refused = await browser.InviteAsync(People.NewEmail("eleventh"));
        Assert.Equal(SharingPage.TooManyInvitations, refused.Document.QuerySelector("#invite-email-error")!.TextContent);
        Assert.Equal(SharingPage.InvitationsPerDay, (await app.GrantsOfAsync(email)).Count);

        app.Clock.SetTo(Now.AddHours(5)); // a day after the first ten
        var sent = await browser.InviteAsync(People.NewEmail("eleventh"));
        Assert.StartsWith("Invitation sent to", sent.Status(), StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Changing_what_a_counsellor_sees_is_saved_and_counts_from_their_next_request()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("scope");
        var id = await app.GrantAsync(email, counsellorEmail);
        Assert.False((await app.GrantAsync(id)).Allows(counsellorId, SharedArea.Reflection, Now));
        var page = await browser.GetAsync("/Sharing");
        Assert.Contains("Sharing since Sunday 22 November 2026.", page.Document.QuerySelector($"#grant-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Stop sharing", page.Document.QuerySelector($"#revoke-form-{id} button")!.ChildNodes[0].TextContent.Trim());

        var saved = await browser.SubmitAsync(page, $"#scope-form-{id}", new Dictionary<string, string> { ["scope"] = nameof(SharingScope.PlanAndReflection) });

        Assert.Equal($"Saved. {counsellorEmail} now sees your plan and your reflection.", saved.Status());
        var grant = await app.GrantAsync(id);
        Assert.Equal(SharingScope.PlanAndReflection, grant.Scope);
        Assert.True(grant.Allows(counsellorId, SharedArea.Reflection, Now));
        Assert.False(grant.Allows(counsellorId, SharedArea.Contacts, Now));
        Assert.NotNull(saved.Document.QuerySelector($"#grant-{id}-scope-PlanAndReflection[checked]"));
        browser.Dispose();
    }

    [Fact]
    public async Task Stopping_sharing_ends_access_at_once_and_a_second_click_changes_nothing()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("stop");
        var id = await app.GrantAsync(email, counsellorEmail);
        var page = await browser.GetAsync("/Sharing");

        app.Clock.SetTo(Now.AddHours(2));
        var stopped = await browser.SubmitAsync(page, $"#revoke-form-{id}");
        app.Clock.SetTo(Now.AddHours(3));
        var again = await browser.SubmitAsync(page, $"#revoke-form-{id}");

        Assert.Equal($"You've stopped sharing with {counsellorEmail}. They can't see your plan any more.", stopped.Status());
        Assert.Equal($"That's already done: {counsellorEmail} can't see your plan.", again.Status());
        var grant = await app.GrantAsync(id);
        Assert.Equal(GrantState.Revoked, grant.State(Now.AddHours(3)));
        Assert.Equal(Now.AddHours(2).UtcDateTime, grant.RevokedAtUtc);
        Assert.False(grant.Allows(counsellorId, SharedArea.Goals, Now.AddHours(3)));
        Assert.Equal(0, await app.ReadAsync(db => db.ActiveGrantsOfAsync(counsellorId)));
        Assert.Null(again.Document.QuerySelector($"#revoke-form-{id}"));
        Assert.Equal($"{counsellorEmail} Ended You stopped sharing on Sunday 22 November 2026. (Your plan)", again.Document.QuerySelector($"#past-grants #grant-{id}")!.Words());
        Assert.Contains("You're not sharing your plan with anyone", again.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Withdrawing_a_waiting_invitation_lists_it_as_withdrawn()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("withdraw");
        var counsellor = People.NewEmail("withdrawn");
        var page = await browser.InviteAsync(counsellor);
        var id = Assert.Single(await app.GrantsOfAsync(email)).Id;

        var withdrawn = await browser.SubmitAsync(page, $"#revoke-form-{id}");

        Assert.Equal($"Invitation to {counsellor} withdrawn. It can't be accepted now.", withdrawn.Status());
        Assert.Equal(GrantState.Revoked, (await app.GrantAsync(id)).State(Now));
        Assert.Contains("Withdrawn", withdrawn.Document.QuerySelector($"#past-grants #grant-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To share with one of them again, send a new invitation.", withdrawn.Text, StringComparison.Ordinal);

        var invitedAgain = await browser.InviteAsync(counsellor); // withdrawn doesn't block a new one
        Assert.StartsWith("Invitation sent to", invitedAgain.Status(), StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_waiting_invitation_not_accepted_in_30_days_is_listed_as_expired_with_nothing_to_change()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("expire");
        await browser.InviteAsync(People.NewEmail("late"));
        var id = Assert.Single(await app.GrantsOfAsync(email)).Id;
        var old = await browser.GetAsync("/Sharing");

        app.Clock.SetTo(Now.AddDays(CounsellorGrant.InvitationDays));
        await browser.SignInAsync(email); // a month on, the old sign-in has expired
        var page = await browser.GetAsync("/Sharing");
        var refused = await browser.SubmitAsync(old, $"#scope-form-{id}", new Dictionary<string, string> { ["scope"] = nameof(SharingScope.PlanAndReflection) });

        Assert.EndsWith("Expired The invitation ran out on Tuesday 22 December 2026 before they accepted. (Your plan)", page.Document.QuerySelector($"#past-grants #grant-{id}")!.Words(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"#scope-form-{id}"));
        Assert.Contains("This invitation has expired, so there's nothing to change.", refused.Errors[0], StringComparison.Ordinal);
        Assert.Equal(SharingScope.Plan, (await app.GrantAsync(id)).Scope);
        browser.Dispose();
    }

    [Fact]
    public async Task A_stale_tab_can_neither_change_what_is_shared_nor_stop_it_and_nothing_changes()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("stale");
        var id = await app.GrantAsync(email, counsellorEmail);
        var first = await browser.GetAsync("/Sharing");
        var second = await browser.GetAsync("/Sharing");
        await browser.SubmitAsync(first, $"#scope-form-{id}", new Dictionary<string, string> { ["scope"] = nameof(SharingScope.PlanAndReflection) });
        var saved = await app.GrantAsync(id);

        var staleScope = await browser.SubmitAsync(second, $"#scope-form-{id}", new Dictionary<string, string> { ["scope"] = nameof(SharingScope.Plan) });
        var staleStop = await browser.SubmitAsync(second, $"#revoke-form-{id}");

        foreach (var stale in new[] { staleScope, staleStop })
        {
            Assert.Equal(HttpStatusCode.OK, stale.Status);
            Assert.Equal([SharingPage.StaleMessage], stale.Errors);
            Assert.NotNull(stale.Document.QuerySelector($"#grant-{id}-scope-PlanAndReflection[checked]")); // what's saved now
        }

        var after = await app.GrantAsync(id);
        Assert.Equal((saved.Version, SharingScope.PlanAndReflection, GrantState.Active), (after.Version, after.Scope, after.State(Now)));

        // The page shown after the refusal carries the new version: from there it works.
        var stopped = await browser.SubmitAsync(staleStop, $"#revoke-form-{id}");
        Assert.StartsWith("You've stopped sharing", stopped.Status(), StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_person_neither_sees_nor_changes_someone_elses_grants()
    {
        app.Clock.SetTo(Now);
        var (_, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (owner, email) = await app.NewSignedInPersonAsync("owner");
        var id = await app.GrantAsync(email, counsellorEmail);
        var version = (await app.GrantAsync(id)).Version.ToString();
        var (other, _) = await app.NewSignedInPersonAsync("other");

        var theirs = await other.GetAsync("/Sharing");
        var scope = await other.SubmitAsync(theirs, "#invite-form", new Dictionary<string, string> { ["version"] = version, ["scope"] = "PlanAndReflection" }, action: $"/Sharing?id={id}&handler=Scope");
        var revoke = await other.SubmitAsync(theirs, "#invite-form", new Dictionary<string, string> { ["version"] = version }, action: $"/Sharing?id={id}&handler=Revoke");

        Assert.DoesNotContain(counsellorEmail, theirs.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("You're not sharing your plan with anyone", theirs.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, scope.Status);
        Assert.Equal(HttpStatusCode.NotFound, revoke.Status);
        var grant = await app.GrantAsync(id);
        Assert.Equal((version, SharingScope.Plan, GrantState.Active), (grant.Version.ToString(), grant.Scope, grant.State(Now)));
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync("/Sharing", followRedirects: false);
        var form = await visitor.GetAsync("/Identity/Account/Login");
        var post = await visitor.SubmitAsync(form, "#account", Invitation("someone@example.org"), followRedirects: false, action: "/Sharing?handler=Invite");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Identity/Account/Login", new Uri(new Uri("http://localhost"), page.Location!).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.StartsWith("/Identity/Account/Login", new Uri(new Uri("http://localhost"), post.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?id=abc&handler=Scope", "version=not-a-guid&scope=Everything")]
    [InlineData("?id=99999999999999999999&handler=Revoke", "version=")]
    [InlineData("?handler=Scope", "scope=PlanAndReflection")]
    [InlineData("?handler=Invite", "Invite.Email=%00%01%1b&Invite.Scope=%FF%FE")]
    [InlineData("?handler=Invite", "Invite.Scope=99")]
    public async Task Odd_requests_get_an_answer_never_an_error_page(string query, string body)
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("odd");
        var page = await browser.GetAsync("/Sharing");
        var token = page.Document.QuerySelector("#invite-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new StringContent($"{body}&__RequestVerificationToken={Uri.EscapeDataString(token)}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await browser.Client.PostAsync("/Sharing" + query, content);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{query} {body}: {response.StatusCode}");
        Assert.Empty(await app.GrantsOfAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task An_odd_page_number_shows_the_first_page()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("oddpage");
        foreach (var query in new[] { "?page=abc", "?page=-3", "?page=0", "?page=99999999999999", "?page=%00" })
        {
            var page = await browser.GetAsync("/Sharing" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Errors);
        }

        browser.Dispose();
    }
}
