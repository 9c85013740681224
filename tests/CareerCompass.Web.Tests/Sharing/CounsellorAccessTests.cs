using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// "Shares with a counsellor now" is asked in two ways: through <see cref="CounsellorAccess.LiveGrants"/> (the caseload,
/// the grant authorization, the comment e-mails) and through the compiled query a person's own goal page and reviews
/// run on every view. The two must give the same answer in every state a grant and a counsellor's role can be in.
/// </summary>
public sealed class CounsellorAccessTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task The_compiled_check_and_the_live_grants_agree_for_no_grant_an_invitation_an_accepted_a_revoked_grant_and_a_former_counsellor()
    {
        var (client, clientEmail) = await app.NewSignedInPersonAsync("sharing-client");
        client.Dispose();
        var owner = await app.UserIdAsync(clientEmail);
        var (counsellor, counsellorEmail, _) = await app.NewCounsellorAsync("sharing-counsellor");
        counsellor.Dispose();
        // Another client shares with the same counsellor: only the person's own grants may count.
        var (other, otherEmail) = await app.NewSignedInPersonAsync("sharing-other");
        other.Dispose();
        await app.GrantAsync(otherEmail, counsellorEmail);
        var answers = new List<(string State, bool Compiled, bool Live)>();
        async Task AskAsync(string state) => answers.Add((state, await app.ReadAsync(db => db.SharesWithACounsellorAsync(owner)), await app.ReadAsync(db => db.LiveGrants().AnyAsync(g => g.OwnerId == owner))));

        await AskAsync("no grant");
        var invitation = await app.GrantAsync(clientEmail, counsellorEmail, accept: false);
        await AskAsync("invited, not accepted");
        await app.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == invitation)).Revoke(app.Clock.GetUtcNow()));
        var grant = await app.GrantAsync(clientEmail, counsellorEmail);
        await AskAsync("accepted");
        await app.RemoveRoleAsync(counsellorEmail, AppRoles.Counsellor);
        await AskAsync("accepted, counsellor no longer one");
        await app.AddRoleAsync(counsellorEmail, AppRoles.Counsellor);
        await AskAsync("accepted, counsellor again");
        await app.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == grant)).Revoke(app.Clock.GetUtcNow()));
        await AskAsync("revoked");

        Assert.All(answers, a => Assert.True(a.Compiled == a.Live, $"{a.State}: compiled {a.Compiled}, live grants {a.Live}"));
        Assert.Equal([false, false, true, false, true, false], answers.Select(a => a.Compiled));
    }
}
