using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>A counsellor's grant: inviting, accepting, expiry, scope changes, revoking, and what it allows.</summary>
public sealed class CounsellorGrantTests
{
    private const string Client = "client-1";
    private const string ClientEmail = "sam@example.org";
    private const string Counsellor = "counsellor-1";
    private const string CounsellorEmail = "alex.rivers@guidance.example.org";

    private static readonly DateTimeOffset Invited = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = Invited.AddDays(CounsellorGrant.InvitationDays);

    private static CounsellorGrant Invite(
        string? email = CounsellorEmail,
        SharingScope scope = SharingScope.Plan,
        IEnumerable<CounsellorGrant>? existing = null,
        DateTimeOffset? now = null) =>
        CounsellorGrant.Invite(Client, ClientEmail, email, scope, existing ?? [], now ?? Invited);

    private static CounsellorGrant Active(SharingScope scope = SharingScope.Plan)
    {
        var grant = Invite(scope: scope);
        grant.Accept(Counsellor, CounsellorEmail, Invited.AddDays(1));
        return grant;
    }

    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    // Inviting

    [Fact]
    public void An_invitation_waits_for_thirty_days_with_the_chosen_scope()
    {
        var grant = Invite("  Alex.Rivers@Guidance.Example.org ", SharingScope.PlanAndReflection);

        Assert.Equal(Client, grant.OwnerId);
        Assert.Equal("Alex.Rivers@Guidance.Example.org", grant.CounsellorEmail);
        Assert.Equal("ALEX.RIVERS@GUIDANCE.EXAMPLE.ORG", grant.NormalizedEmail);
        Assert.Null(grant.CounsellorId);
        Assert.Equal(SharingScope.PlanAndReflection, grant.Scope);
        Assert.Equal(Invited.UtcDateTime, grant.InvitedAtUtc);
        Assert.Equal(new DateTime(2026, 4, 1, 10, 0, 0, DateTimeKind.Utc), grant.ExpiresAtUtc);
        Assert.Null(grant.AcceptedAtUtc);
        Assert.Null(grant.RevokedAtUtc);
        Assert.Equal(GrantState.Invited, grant.State(Invited));
    }

    [Fact]
    public void Times_are_kept_in_utc_whatever_the_offset_of_the_clock()
    {
        var grant = Invite(now: new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), grant.InvitedAtUtc);
        Assert.Equal(DateTimeKind.Utc, grant.InvitedAtUtc.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_address_is_asked_for(string? email)
    {
        var error = Refused(() => Invite(email));

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), error.Field);
        Assert.Equal("Please enter your counsellor's e-mail address.", error.Message);
    }

    [Theory]
    [InlineData("alex")]
    [InlineData("alex@")]
    [InlineData("@example.org")]
    [InlineData("alex@localhost")]
    [InlineData("alex@example.")]
    [InlineData("alex@.example.org")]
    [InlineData("alex@example..org")]
    [InlineData("alex rivers@example.org")]
    [InlineData("alex@@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("Alex Rivers <alex@example.org>")]
    [InlineData("alex@example.org, sam@example.org")]
    public void An_address_that_isnt_plain_e_mail_is_refused(string email)
    {
        var error = Refused(() => Invite(email));

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), error.Field);
        Assert.Equal("That doesn't look like an e-mail address. Please check it — it should look like name@example.org.", error.Message);
    }

    [Fact]
    public void An_address_longer_than_the_limit_is_refused()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org";
        Assert.True(email.Length > CounsellorGrant.EmailLength);

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), Refused(() => Invite(email)).Field);
    }

    [Theory]
    [InlineData("alex@example.org")]
    [InlineData("alex.rivers+careers@guidance.example.co.uk")]
    [InlineData("o'neil@example.ie")]
    public void Ordinary_addresses_are_accepted(string email) =>
        Assert.Equal(email, Invite(email).CounsellorEmail);

    [Theory]
    [InlineData("sam@example.org")]
    [InlineData("  SAM@Example.ORG  ")]
    public void The_client_cant_invite_themselves(string email)
    {
        var error = Refused(() => Invite(email));

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), error.Field);
        Assert.Equal("That's your own address. Please enter the address of the counsellor you'd like to invite.", error.Message);
    }

    [Fact]
    public void A_second_invitation_to_a_counsellor_still_invited_is_refused()
    {
        var first = Invite();

        var error = Refused(() => Invite(CounsellorEmail.ToUpperInvariant(), existing: [first], now: Invited.AddDays(29)));

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), error.Field);
        Assert.Equal("You've already invited this counsellor, and the invitation is still waiting for them. You can withdraw it and send a new one if you need to.", error.Message);
    }

    [Fact]
    public void An_invitation_to_a_counsellor_already_sharing_is_refused()
    {
        var error = Refused(() => Invite(existing: [Active()], now: Invited.AddDays(90)));

        Assert.Equal(nameof(CounsellorGrant.CounsellorEmail), error.Field);
        Assert.Equal("You're already sharing with this counsellor. You can change what they see from your sharing settings.", error.Message);
    }

    [Fact]
    public void An_expired_invitation_doesnt_block_a_new_one()
    {
        var expired = Invite();

        var again = Invite(existing: [expired], now: Expiry);

        Assert.Equal(GrantState.Invited, again.State(Expiry));
    }

    [Fact]
    public void A_revoked_grant_doesnt_block_a_new_invitation()
    {
        var revoked = Active();
        revoked.Revoke(Invited.AddDays(2));

        var again = Invite(existing: [revoked], now: Invited.AddDays(3));

        Assert.Equal(GrantState.Invited, again.State(Invited.AddDays(3)));
    }

    [Fact]
    public void Another_clients_grant_to_the_same_counsellor_doesnt_block_an_invitation()
    {
        var theirs = CounsellorGrant.Invite("client-2", "jo@example.org", CounsellorEmail, SharingScope.Plan, [], Invited);

        Assert.Equal(GrantState.Invited, Invite(existing: [theirs]).State(Invited));
    }

    [Fact]
    public void A_different_counsellor_can_be_invited_alongside()
    {
        var first = Invite();

        Assert.Equal("kim@example.org", Invite("kim@example.org", existing: [first]).CounsellorEmail);
    }

    [Fact]
    public void An_unknown_scope_is_refused()
    {
        var error = Refused(() => Invite(scope: (SharingScope)7));

        Assert.Equal(nameof(CounsellorGrant.Scope), error.Field);
        Assert.Equal("Please choose what you'd like to share: your plan, or your plan and reflection.", error.Message);
    }

    // Expiry

    [Fact]
    public void The_invitation_is_waiting_until_just_before_thirty_days()
    {
        var grant = Invite();

        Assert.Equal(GrantState.Invited, grant.State(Expiry.AddTicks(-1)));
        Assert.Equal(GrantState.Invited, grant.State(Invited.AddDays(29)));
    }

    [Fact]
    public void The_invitation_expires_at_exactly_thirty_days()
    {
        var grant = Invite();

        Assert.Equal(Expiry.UtcDateTime, grant.ExpiresAtUtc);
        Assert.Equal(GrantState.Expired, grant.State(Expiry));
        Assert.Equal(GrantState.Expired, grant.State(Expiry.AddYears(1)));
    }

    [Fact]
    public void An_accepted_grant_doesnt_expire()
    {
        var grant = Active();

        Assert.Equal(GrantState.Active, grant.State(Expiry));
        Assert.Equal(GrantState.Active, grant.State(Expiry.AddYears(2)));
    }

    // Accepting

    [Fact]
    public void The_invited_counsellor_accepts_and_the_grant_is_active()
    {
        var grant = Invite();
        var clock = new FakeClock(Invited);
        clock.Advance(TimeSpan.FromDays(3));

        grant.Accept(Counsellor, " ALEX.RIVERS@guidance.example.org ", clock.Now);

        Assert.Equal(Counsellor, grant.CounsellorId);
        Assert.Equal(clock.Now.UtcDateTime, grant.AcceptedAtUtc);
        Assert.Equal(GrantState.Active, grant.State(clock.Now));
    }

    [Fact]
    public void The_invitation_can_be_accepted_just_before_it_expires()
    {
        var grant = Invite();

        grant.Accept(Counsellor, CounsellorEmail, Expiry.AddTicks(-1));

        Assert.Equal(GrantState.Active, grant.State(Expiry));
    }

    [Fact]
    public void An_expired_invitation_cant_be_accepted()
    {
        var grant = Invite();

        var error = Refused(() => grant.Accept(Counsellor, CounsellorEmail, Expiry));

        Assert.Equal("This invitation has expired — invitations last 30 days. You could ask for a new one.", error.Message);
        Assert.Null(grant.CounsellorId);
    }

    [Theory]
    [InlineData("kim@example.org")]
    [InlineData(null)]
    [InlineData(" ")]
    public void Only_the_invited_address_can_accept(string? email)
    {
        var grant = Invite();

        var error = Refused(() => grant.Accept(Counsellor, email, Invited.AddDays(1)));

        Assert.Equal("This invitation was sent to a different e-mail address. Please sign in with the address it was sent to.", error.Message);
        Assert.Equal(GrantState.Invited, grant.State(Invited.AddDays(1)));
    }

    [Fact]
    public void The_client_cant_accept_their_own_invitation()
    {
        var grant = Invite();

        var error = Refused(() => grant.Accept(Client, CounsellorEmail, Invited.AddDays(1)));

        Assert.Equal("This is an invitation you sent, so it's for your counsellor to accept.", error.Message);
    }

    [Fact]
    public void An_accepted_invitation_cant_be_accepted_again()
    {
        var grant = Active();

        Assert.Equal("You've already accepted this invitation, so there's nothing more to do.", Refused(() => grant.Accept(Counsellor, CounsellorEmail, Invited.AddDays(2))).Message);
        Assert.Equal("This invitation has already been accepted.", Refused(() => grant.Accept("counsellor-2", CounsellorEmail, Invited.AddDays(2))).Message);
        Assert.Equal(Counsellor, grant.CounsellorId);
        Assert.Equal(Invited.AddDays(1).UtcDateTime, grant.AcceptedAtUtc);
    }

    [Fact]
    public void A_withdrawn_invitation_cant_be_accepted()
    {
        var grant = Invite();
        grant.Revoke(Invited.AddHours(1));

        var error = Refused(() => grant.Accept(Counsellor, CounsellorEmail, Invited.AddHours(2)));

        Assert.Equal("This invitation was withdrawn, so it can't be accepted any more.", error.Message);
        Assert.Null(grant.CounsellorId);
    }

    // Scope changes

    [Fact]
    public void The_scope_can_be_changed_while_the_invitation_waits()
    {
        var grant = Invite();

        grant.ChangeScope(SharingScope.PlanAndReflection, Invited.AddDays(1));

        Assert.Equal(SharingScope.PlanAndReflection, grant.Scope);
    }

    [Fact]
    public void A_scope_change_counts_from_the_next_request()
    {
        var grant = Active(SharingScope.PlanAndReflection);
        var clock = new FakeClock(Invited.AddDays(5));
        Assert.True(grant.Allows(Counsellor, SharedArea.Reflection, clock.Now));

        grant.ChangeScope(SharingScope.Plan, clock.Now);

        Assert.False(grant.Allows(Counsellor, SharedArea.Reflection, clock.Now));
        Assert.True(grant.Allows(Counsellor, SharedArea.Goals, clock.Now));

        grant.ChangeScope(SharingScope.PlanAndReflection, clock.Advance(TimeSpan.FromMinutes(1)));

        Assert.True(grant.Allows(Counsellor, SharedArea.Reflection, clock.Now));
        Assert.Equal(GrantState.Active, grant.State(clock.Now));
    }

    [Fact]
    public void The_scope_of_a_revoked_grant_cant_be_changed()
    {
        var grant = Active();
        grant.Revoke(Invited.AddDays(2));

        var error = Refused(() => grant.ChangeScope(SharingScope.PlanAndReflection, Invited.AddDays(3)));

        Assert.Equal(nameof(CounsellorGrant.Scope), error.Field);
        Assert.Equal("This access has ended, so there's nothing to change. You can send a new invitation if you'd like to share again.", error.Message);
        Assert.Equal(SharingScope.Plan, grant.Scope);
    }

    [Fact]
    public void The_scope_of_an_expired_invitation_cant_be_changed()
    {
        var grant = Invite();

        var error = Refused(() => grant.ChangeScope(SharingScope.PlanAndReflection, Expiry));

        Assert.Equal(nameof(CounsellorGrant.Scope), error.Field);
        Assert.Equal("This invitation has expired, so there's nothing to change. You can send a new invitation if you'd like to share.", error.Message);
        Assert.Equal(SharingScope.Plan, grant.Scope);
    }

    [Fact]
    public void An_unknown_scope_cant_be_chosen_later()
    {
        var grant = Active();

        Assert.Equal(nameof(CounsellorGrant.Scope), Refused(() => grant.ChangeScope((SharingScope)7, Invited.AddDays(2))).Field);
        Assert.Equal(SharingScope.Plan, grant.Scope);
    }

    // Revoking

    [Fact]
    public void Revoking_ends_access_from_the_next_request()
    {
        var grant = Active();
        var clock = new FakeClock(Invited.AddDays(10));
        Assert.True(grant.Allows(Counsellor, SharedArea.Goals, clock.Now));

        Assert.True(grant.Revoke(clock.Now));

        Assert.Equal(GrantState.Revoked, grant.State(clock.Now));
        Assert.Equal(clock.Now.UtcDateTime, grant.RevokedAtUtc);
        Assert.False(grant.Allows(Counsellor, SharedArea.Goals, clock.Now));
        Assert.False(grant.Allows(Counsellor, SharedArea.Dashboard, clock.Advance(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void A_waiting_invitation_can_be_withdrawn()
    {
        var grant = Invite();

        Assert.True(grant.Revoke(Invited.AddDays(1)));

        Assert.Equal(GrantState.Revoked, grant.State(Invited.AddDays(1)));
    }

    [Fact]
    public void An_expired_invitation_can_be_withdrawn_and_then_reads_as_revoked()
    {
        var grant = Invite();

        Assert.True(grant.Revoke(Expiry.AddDays(1)));

        Assert.Equal(GrantState.Revoked, grant.State(Expiry.AddDays(2)));
    }

    [Fact]
    public void Revoking_again_changes_nothing()
    {
        var grant = Active();
        grant.Revoke(Invited.AddDays(2));

        Assert.False(grant.Revoke(Invited.AddDays(3)));

        Assert.Equal(Invited.AddDays(2).UtcDateTime, grant.RevokedAtUtc);
        Assert.Equal(GrantState.Revoked, grant.State(Invited.AddDays(3)));
    }

    // What it allows

    [Theory]
    [MemberData(nameof(SharingScopeTests.Areas), MemberType = typeof(SharingScopeTests))]
    public void An_active_grant_allows_what_its_scope_allows(SharingScope scope, SharedArea area, bool allowed) =>
        Assert.Equal(allowed, Active(scope).Allows(Counsellor, area, Invited.AddDays(2)));

    [Fact]
    public void A_waiting_invitation_allows_nothing()
    {
        var grant = Invite(scope: SharingScope.PlanAndReflection);

        Assert.All(Enum.GetValues<SharedArea>(), area => Assert.False(grant.Allows(Counsellor, area, Invited.AddDays(1))));
    }

    [Fact]
    public void An_expired_invitation_allows_nothing()
    {
        var grant = Invite(scope: SharingScope.PlanAndReflection);

        Assert.All(Enum.GetValues<SharedArea>(), area => Assert.False(grant.Allows(Counsellor, area, Expiry)));
    }

    [Fact]
    public void An_active_grant_allows_nothing_to_anyone_else()
    {
        var grant = Active(SharingScope.PlanAndReflection);

        Assert.False(grant.Allows("counsellor-2", SharedArea.Goals, Invited.AddDays(2)));
        Assert.False(grant.Allows(Client, SharedArea.Goals, Invited.AddDays(2)));
        Assert.False(grant.Allows(null, SharedArea.Goals, Invited.AddDays(2)));
    }

    [Fact]
    public void A_stale_copy_is_refused()
    {
        var grant = Active();

        Assert.Throws<StaleRecordException>(() => grant.EnsureVersion(Guid.NewGuid()));
        grant.EnsureVersion(grant.Version);
    }
}
