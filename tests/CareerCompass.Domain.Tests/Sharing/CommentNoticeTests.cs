using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>At most one e-mail an hour per person and thread, only about what they haven't read or been told.</summary>
public sealed class CommentNoticeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static CommentNotice New() => CommentNotice.Start("client-1", "counsellor-1", CommentTarget.Goal, 7);

    [Fact]
    public void The_first_comment_is_due_at_once()
    {
        Assert.True(New().IsDue(newestId: 3, seenUpToId: 0, Noon));
    }

    [Fact]
    public void Nothing_is_due_when_the_person_has_read_up_to_the_newest()
    {
        Assert.False(New().IsDue(newestId: 3, seenUpToId: 3, Noon));
        Assert.True(New().IsDue(newestId: 4, seenUpToId: 3, Noon));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(61, true)]
    public void After_an_email_the_next_waits_an_hour(int minutes, bool due)
    {
        var notice = New();
        notice.Sending(3, Noon);
        Assert.False(notice.IsDue(3, 0, Noon.AddHours(5)));
        Assert.Equal(due, notice.IsDue(4, 0, Noon.AddMinutes(minutes)));
    }

    [Fact]
    public void A_refused_email_puts_the_notice_back_as_it_was()
    {
        var notice = New();
        notice.Sending(3, Noon);
        var (before, at) = (notice.NotifiedUpToId, notice.SentAtUtc);
        notice.Sending(5, Noon.AddHours(2));
        notice.NotSent(before, at);
        Assert.Equal(3, notice.NotifiedUpToId);
        Assert.Equal(Noon.UtcDateTime, notice.SentAtUtc);
        Assert.True(notice.IsDue(5, 0, Noon.AddHours(2)));
    }

    [Fact]
    public void The_mark_of_what_was_mailed_never_goes_backwards()
    {
        var notice = New();
        notice.Sending(9, Noon);
        notice.Sending(4, Noon.AddHours(2));
        Assert.Equal(9, notice.NotifiedUpToId);
    }

    [Fact]
    public void A_notice_names_a_real_thread()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentNotice.Start("c", "r", (CommentTarget)9, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentNotice.Start("c", "r", CommentTarget.Goal, 0));
        Assert.Throws<ArgumentException>(() => CommentNotice.Start("c", " ", CommentTarget.Goal, 1));
    }
}
