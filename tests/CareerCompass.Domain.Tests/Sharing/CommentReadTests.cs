using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>How far someone has read a comment thread: a mark that only moves forwards.</summary>
public sealed class CommentReadTests
{
    private const string Client = "client-1";
    private const string Counsellor = "counsellor-1";

    private static CommentRead SeenUpTo(int id) => CommentRead.Start(Client, Counsellor, CommentTarget.Milestone, 42, id);

    [Fact]
    public void A_read_mark_belongs_to_the_client_and_names_the_reader_and_the_thread()
    {
        var read = SeenUpTo(7);

        Assert.Equal(Client, read.OwnerId);
        Assert.Equal(Counsellor, read.ReaderId);
        Assert.Equal(CommentTarget.Milestone, read.Target);
        Assert.Equal(42, read.TargetId);
        Assert.Equal(7, read.SeenUpToId);
    }

    [Fact]
    public void Seeing_a_later_comment_moves_the_mark_forwards()
    {
        var read = SeenUpTo(7);

        Assert.True(read.MarkSeen(8));
        Assert.Equal(8, read.SeenUpToId);
        Assert.True(read.MarkSeen(120));
        Assert.Equal(120, read.SeenUpToId);
    }

    [Fact]
    public void Seeing_an_earlier_comment_never_moves_the_mark_back()
    {
        var read = SeenUpTo(50);

        Assert.False(read.MarkSeen(12));
        Assert.Equal(50, read.SeenUpToId);
    }

    [Fact]
    public void Seeing_the_same_comment_again_changes_nothing()
    {
        var read = SeenUpTo(50);

        Assert.False(read.MarkSeen(50));
        Assert.Equal(50, read.SeenUpToId);
    }

    [Fact]
    public void A_client_can_keep_a_read_mark_on_their_own_thread()
    {
        var read = CommentRead.Start(Client, Client, CommentTarget.Review, 3, 1);

        Assert.Equal(Client, read.ReaderId);
        Assert.Equal(Client, read.OwnerId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_comment_id_that_cannot_exist_is_a_programming_error(int id)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeenUpTo(id));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeenUpTo(3).MarkSeen(id));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentRead.Start(Client, Counsellor, CommentTarget.Goal, id, 3));
    }

    [Fact]
    public void A_missing_client_or_reader_or_an_unknown_target_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => CommentRead.Start(" ", Counsellor, CommentTarget.Goal, 1, 1));
        Assert.Throws<ArgumentException>(() => CommentRead.Start(Client, "", CommentTarget.Goal, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentRead.Start(Client, Counsellor, (CommentTarget)9, 1, 1));
    }
}
