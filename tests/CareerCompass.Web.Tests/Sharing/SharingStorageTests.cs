using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// Grants, comments and the access log on a real database: they belong to the client and go with the client's account;
/// a counsellor's account going leaves the grant naming nobody (so it lets nobody in) and the comments by "a former
/// counsellor".
/// </summary>
public sealed class SharingStorageTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_counsellor_leaving_keeps_their_comments_as_a_former_counsellors_and_their_grants_let_nobody_in()
    {
        var (client, counsellor) = await TwoPeopleAsync();
        await DeleteAccountAsync(counsellor.Id);

        var grant = await app.ReadAsync(db => db.CounsellorGrants.AsNoTracking().SingleAsync(g => g.OwnerId == client.Id));
        var comment = await app.ReadAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.OwnerId == client.Id));
        Assert.Null(grant.CounsellorId);
        Assert.False(grant.Allows(counsellor.Id, SharedArea.Goals, app.Clock.GetUtcNow()));
        Assert.True(comment.IsByFormerAuthor);
        Assert.Equal("Lovely progress on the portfolio.", comment.Body);
        Assert.Equal(1, await app.ReadAsync(db => db.AccessLog.CountAsync(e => e.OwnerId == client.Id)));
    }

    [Fact]
    public async Task A_client_deleting_their_account_takes_their_grants_comments_and_access_log_with_it()
    {
        var (client, _) = await TwoPeopleAsync();
        await DeleteAccountAsync(client.Id);

        Assert.Equal(0, await app.ReadAsync(db => db.CounsellorGrants.CountAsync(g => g.OwnerId == client.Id)));
        Assert.Equal(0, await app.ReadAsync(db => db.Comments.CountAsync(c => c.OwnerId == client.Id)));
        Assert.Equal(0, await app.ReadAsync(db => db.AccessLog.CountAsync(e => e.OwnerId == client.Id)));
    }

    private async Task<(AppUser Client, AppUser Counsellor)> TwoPeopleAsync()
    {
        var (a, clientEmail) = await app.NewSignedInPersonAsync("client");
        var (b, counsellorEmail) = await app.NewSignedInPersonAsync("counsellor");
        a.Dispose();
        b.Dispose();
        AppUser client = null!, counsellor = null!;
        await app.WriteAsync(async db =>
        {
            client = await db.Users.SingleAsync(u => u.Email == clientEmail);
            counsellor = await db.Users.SingleAsync(u => u.Email == counsellorEmail);
            var now = app.Clock.GetUtcNow();
            var grant = CounsellorGrant.Invite(client.Id, clientEmail, counsellorEmail, SharingScope.Plan, [], now);
            grant.Accept(counsellor.Id, counsellorEmail, now);
            db.CounsellorGrants.Add(grant);
            db.Comments.Add(Comment.Write(client.Id, counsellor.Id, CommentAuthorRole.Counsellor, CommentTarget.Goal, 1, "Lovely progress on the portfolio.", now));
            db.AccessLog.Add(AccessLogEntry.Of(client.Id, counsellor.Id, SharedArea.Goals, 1, "/Counsellor/Clients/x/Goals/1", now));
        });
        return (client, counsellor);
    }

    private async Task DeleteAccountAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByIdAsync(id))!)).Succeeded);
    }
}
