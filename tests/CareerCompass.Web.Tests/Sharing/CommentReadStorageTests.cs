using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// Read marks on a real database: one per reader and thread, moved only forwards by <see cref="CommentReadMarks"/>,
/// and gone with the client's account or the reader's.
/// </summary>
public sealed class CommentReadStorageTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task Marking_a_thread_seen_makes_one_mark_and_moves_it_only_forwards()
    {
        var (client, counsellor) = await TwoPeopleAsync();

        await MarkAsync(client, counsellor, CommentTarget.Goal, 5, 10);
        await MarkAsync(client, counsellor, CommentTarget.Goal, 5, 14);
        await MarkAsync(client, counsellor, CommentTarget.Goal, 5, 12); // an older tab, opened before comment 14
        await MarkAsync(client, counsellor, CommentTarget.Milestone, 5, 3);

        var marks = await app.ReadAsync(db => db.CommentReads.AsNoTracking().Where(r => r.OwnerId == client)
            .OrderBy(r => r.Target).Select(r => new { r.ReaderId, r.Target, r.TargetId, r.SeenUpToId }).ToListAsync());
        Assert.Equal(2, marks.Count);
        Assert.Equal(new { ReaderId = counsellor, Target = CommentTarget.Goal, TargetId = 5, SeenUpToId = 14 }, marks[0]);
        Assert.Equal(new { ReaderId = counsellor, Target = CommentTarget.Milestone, TargetId = 5, SeenUpToId = 3 }, marks[1]);
        Assert.Equal(14, await app.ReadAsync(db => db.SeenUpToAsync(client, counsellor, CommentTarget.Goal, 5)));
        Assert.Equal(0, await app.ReadAsync(db => db.SeenUpToAsync(client, counsellor, CommentTarget.Review, 5)));
    }

    [Fact]
    public async Task Two_marks_for_the_same_reader_and_thread_are_refused_by_the_database()
    {
        var (client, counsellor) = await TwoPeopleAsync();
        await MarkAsync(client, counsellor, CommentTarget.Review, 8, 1);

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => app.WriteAsync(db =>
        {
            db.CommentReads.Add(CommentRead.Start(client, counsellor, CommentTarget.Review, 8, 2));
            return Task.CompletedTask;
        }));
        Assert.True(Conflicts.IsUniqueViolation(failure));
    }

    [Fact]
    public async Task A_mark_moved_by_another_request_meanwhile_is_read_again_and_the_later_comment_kept()
    {
        var (client, counsellor) = await TwoPeopleAsync();
        await MarkAsync(client, counsellor, CommentTarget.Goal, 9, 1);
        using var scope = app.Services.CreateScope();
        var slow = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // This request read the mark (at comment 1) before another one moved it to comment 5...
        Assert.Equal(1, (await slow.CommentReads.SingleAsync(r => r.OwnerId == client)).SeenUpToId);
        await MarkAsync(client, counsellor, CommentTarget.Goal, 9, 5);

        // ...so its save of comment 3 meets a newer version: it reads the mark again and leaves it at 5.
        await slow.MarkSeenAsync(client, counsellor, CommentTarget.Goal, 9, 3);

        Assert.Equal(5, await app.ReadAsync(db => db.SeenUpToAsync(client, counsellor, CommentTarget.Goal, 9)));
        Assert.Equal(1, await app.ReadAsync(db => db.CommentReads.CountAsync(r => r.OwnerId == client)));
    }

    [Fact]
    public async Task A_clients_marks_go_with_the_clients_account_and_a_readers_with_the_readers()
    {
        var (client, counsellor) = await TwoPeopleAsync();
        var (otherClient, _) = await TwoPeopleAsync();
        await MarkAsync(client, counsellor, CommentTarget.Goal, 1, 1);
        await MarkAsync(client, client, CommentTarget.Goal, 1, 1);
        await MarkAsync(otherClient, counsellor, CommentTarget.Goal, 1, 1);
        await MarkAsync(otherClient, otherClient, CommentTarget.Goal, 1, 1);

        await DeleteAccountAsync(client);
        Assert.Equal(0, await app.ReadAsync(db => db.CommentReads.CountAsync(r => r.OwnerId == client || r.ReaderId == client)));
        Assert.Equal(2, await app.ReadAsync(db => db.CommentReads.CountAsync(r => r.OwnerId == otherClient)));

        await DeleteAccountAsync(counsellor);
        Assert.Equal(0, await app.ReadAsync(db => db.CommentReads.CountAsync(r => r.ReaderId == counsellor)));
        Assert.Equal(1, await app.ReadAsync(db => db.CommentReads.CountAsync(r => r.OwnerId == otherClient && r.ReaderId == otherClient)));
    }

    private async Task MarkAsync(string clientId, string readerId, CommentTarget target, int targetId, int commentId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MarkSeenAsync(clientId, readerId, target, targetId, commentId);
    }

    private async Task<(string Client, string Counsellor)> TwoPeopleAsync()
    {
        var users = new[] { People.NewEmail("client"), People.NewEmail("counsellor") }
            .Select(email => new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() })
            .ToList();
        await app.WriteAsync(db =>
        {
            db.Users.AddRange(users);
            return Task.CompletedTask;
        });
        return (users[0].Id, users[1].Id);
    }

    private async Task DeleteAccountAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await accounts.DeleteAsync((await accounts.FindByIdAsync(id))!)).Succeeded);
    }
}
