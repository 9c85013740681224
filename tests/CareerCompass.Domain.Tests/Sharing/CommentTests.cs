using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>Comments: writing, the 15-minute window to edit or delete, who may change one, and a former counsellor.</summary>
public sealed class CommentTests
{
    private const string Client = "client-1";
    private const string Counsellor = "counsellor-1";

    private static readonly DateTimeOffset Written = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private const string NotYours = "Only the person who wrote a comment can change or remove it.";
    private const string TooLate = "A comment can be changed or removed for 15 minutes after it's written, and that time has passed. You can add a new comment instead.";

    private static Comment ByCounsellor(string body = "Lovely progress on this one.", CommentTarget target = CommentTarget.Goal) =>
        Comment.Write(Client, Counsellor, CommentAuthorRole.Counsellor, target, 42, body, Written);

    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    private static readonly TimeSpan JustInside = new(0, 14, 59);
    private static readonly TimeSpan JustOutside = new(0, 15, 1);

    // Writing

    [Fact]
    public void A_counsellor_writes_a_comment_on_a_clients_goal()
    {
        var comment = ByCounsellor("  Lovely progress on this one.\n  ");

        Assert.Equal(Client, comment.OwnerId);
        Assert.Equal(Counsellor, comment.AuthorId);
        Assert.Equal(CommentAuthorRole.Counsellor, comment.AuthorRole);
        Assert.False(comment.IsByClient);
        Assert.False(comment.IsByFormerAuthor);
        Assert.Equal(CommentTarget.Goal, comment.Target);
        Assert.Equal(42, comment.TargetId);
        Assert.Equal("Lovely progress on this one.", comment.Body);
        Assert.Equal(Written.UtcDateTime, comment.WrittenAtUtc);
        Assert.Null(comment.EditedAtUtc);
        Assert.Null(comment.DeletedAtUtc);
        Assert.False(comment.IsDeleted);
    }

    [Fact]
    public void The_client_writes_a_comment_on_their_own_review()
    {
        var comment = Comment.Write(Client, Client, CommentAuthorRole.Client, CommentTarget.Review, 7, "Thanks — that helped.", Written);

        Assert.True(comment.IsByClient);
        Assert.Equal(Client, comment.AuthorId);
    }

    [Theory]
    [InlineData(CommentTarget.Goal, SharedArea.Goals)]
    [InlineData(CommentTarget.Milestone, SharedArea.Goals)]
    [InlineData(CommentTarget.Review, SharedArea.Reviews)]
    public void A_comment_belongs_to_the_area_of_its_target(CommentTarget target, SharedArea area) =>
        Assert.Equal(area, ByCounsellor(target: target).Area);

    [Fact]
    public void The_written_time_is_the_clocks_not_the_save_stamp()
    {
        var comment = ByCounsellor();

        comment.Stamp(Written.AddHours(1), isNew: true);

        Assert.Equal(Written.UtcDateTime, comment.WrittenAtUtc);
        Assert.True(comment.CanChange(Counsellor, Written.Add(JustInside)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void A_blank_comment_is_asked_to_be_written(string? body)
    {
        var error = Refused(() => ByCounsellor(body!));

        Assert.Equal(nameof(Comment.Body), error.Field);
        Assert.Equal("Please write your comment before posting it.", error.Message);
    }

    [Fact]
    public void A_comment_of_exactly_two_thousand_characters_is_fine()
    {
        Assert.Equal(Comment.BodyLength, ByCounsellor(new string('a', 2000)).Body!.Length);
    }

    [Fact]
    public void An_over_long_comment_is_refused_saying_its_length()
    {
        var error = Refused(() => ByCounsellor(new string('a', 2345)));

        Assert.Equal(nameof(Comment.Body), error.Field);
        Assert.Equal("Please keep your comment under 2,000 characters (it's 2,345 now).", error.Message);
    }

    [Fact]
    public void Surrounding_spaces_dont_count_towards_the_length()
    {
        Assert.Equal(2000, ByCounsellor("   " + new string('a', 2000) + "   ").Body!.Length);
    }

    [Fact]
    public void The_text_is_kept_as_plain_text()
    {
        Assert.Equal("<b>Well done</b> & keep going", ByCounsellor("<b>Well done</b> & keep going").Body);
    }

    [Fact]
    public void The_role_must_match_whose_record_it_is()
    {
        Assert.Throws<ArgumentException>(() => Comment.Write(Client, Counsellor, CommentAuthorRole.Client, CommentTarget.Goal, 1, "Hi", Written));
        Assert.Throws<ArgumentException>(() => Comment.Write(Client, Client, CommentAuthorRole.Counsellor, CommentTarget.Goal, 1, "Hi", Written));
    }

    [Fact]
    public void A_comment_needs_a_real_target()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Comment.Write(Client, Counsellor, CommentAuthorRole.Counsellor, (CommentTarget)9, 1, "Hi", Written));
        Assert.Throws<ArgumentOutOfRangeException>(() => Comment.Write(Client, Counsellor, CommentAuthorRole.Counsellor, CommentTarget.Goal, 0, "Hi", Written));
    }

    // Editing

    [Fact]
    public void The_author_can_edit_at_fourteen_minutes_fifty_nine()
    {
        var comment = ByCounsellor();
        var clock = new FakeClock(Written);
        clock.Advance(JustInside);

        comment.Edit(Counsellor, "  Lovely progress — well done.  ", clock.Now);

        Assert.Equal("Lovely progress — well done.", comment.Body);
        Assert.Equal(clock.Now.UtcDateTime, comment.EditedAtUtc);
        Assert.Equal(Written.UtcDateTime, comment.WrittenAtUtc);
    }

    [Fact]
    public void The_author_can_still_edit_at_exactly_fifteen_minutes()
    {
        var comment = ByCounsellor();

        comment.Edit(Counsellor, "Edited", Written.AddMinutes(15));

        Assert.Equal("Edited", comment.Body);
    }

    [Fact]
    public void Editing_doesnt_extend_the_window()
    {
        var comment = ByCounsellor();
        var clock = new FakeClock(Written);
        comment.Edit(Counsellor, "First edit", clock.Advance(TimeSpan.FromMinutes(10)));

        var error = Refused(() => comment.Edit(Counsellor, "Second edit", clock.Advance(TimeSpan.FromMinutes(6))));

        Assert.Equal(TooLate, error.Message);
        Assert.Equal("First edit", comment.Body);
    }

    [Fact]
    public void At_fifteen_minutes_one_the_comment_can_no_longer_be_edited()
    {
        var comment = ByCounsellor();
        var clock = new FakeClock(Written);
        clock.Advance(JustOutside);

        var error = Refused(() => comment.Edit(Counsellor, "Too late", clock.Now));

        Assert.Equal(TooLate, error.Message);
        Assert.Equal("Lovely progress on this one.", comment.Body);
        Assert.Null(comment.EditedAtUtc);
        Assert.False(comment.CanChange(Counsellor, clock.Now));
    }

    [Theory]
    [InlineData("counsellor-2")]
    [InlineData(Client)]
    [InlineData(null)]
    public void Only_the_author_can_edit(string? someoneElse)
    {
        var comment = ByCounsellor();

        var error = Refused(() => comment.Edit(someoneElse, "Not mine", Written.AddMinutes(1)));

        Assert.Equal(NotYours, error.Message);
        Assert.Equal("Lovely progress on this one.", comment.Body);
        Assert.False(comment.CanChange(someoneElse, Written.AddMinutes(1)));
    }

    [Fact]
    public void An_edit_needs_text_and_keeps_to_the_limit()
    {
        var comment = ByCounsellor();

        Assert.Equal("Please write your comment before posting it.", Refused(() => comment.Edit(Counsellor, "  ", Written.AddMinutes(1))).Message);
        Assert.Equal("Please keep your comment under 2,000 characters (it's 2,001 now).", Refused(() => comment.Edit(Counsellor, new string('x', 2001), Written.AddMinutes(1))).Message);
        Assert.Equal("Lovely progress on this one.", comment.Body);
        Assert.Null(comment.EditedAtUtc);
    }

    [Fact]
    public void A_deleted_comment_cant_be_edited()
    {
        var comment = ByCounsellor();
        comment.Delete(Counsellor, Written.AddMinutes(1));

        var error = Refused(() => comment.Edit(Counsellor, "Back again", Written.AddMinutes(2)));

        Assert.Equal("This comment was removed, so there's nothing to change.", error.Message);
        Assert.Null(comment.Body);
    }

    // Deleting

    [Fact]
    public void The_author_can_delete_at_fourteen_minutes_fifty_nine_and_no_text_is_kept()
    {
        var comment = ByCounsellor();
        var clock = new FakeClock(Written);
        clock.Advance(JustInside);

        Assert.True(comment.Delete(Counsellor, clock.Now));

        Assert.True(comment.IsDeleted);
        Assert.Null(comment.Body);
        Assert.Equal(clock.Now.UtcDateTime, comment.DeletedAtUtc);
        Assert.Equal("This comment was removed.", Comment.RemovedText);
        Assert.False(comment.CanChange(Counsellor, clock.Now));
    }

    [Fact]
    public void At_fifteen_minutes_one_the_comment_can_no_longer_be_deleted()
    {
        var comment = ByCounsellor();

        var error = Refused(() => comment.Delete(Counsellor, Written.Add(JustOutside)));

        Assert.Equal(TooLate, error.Message);
        Assert.False(comment.IsDeleted);
        Assert.Equal("Lovely progress on this one.", comment.Body);
    }

    [Theory]
    [InlineData("counsellor-2")]
    [InlineData(Client)]
    [InlineData(null)]
    public void Only_the_author_can_delete(string? someoneElse)
    {
        var comment = ByCounsellor();

        var error = Refused(() => comment.Delete(someoneElse, Written.AddMinutes(1)));

        Assert.Equal(NotYours, error.Message);
        Assert.False(comment.IsDeleted);
    }

    [Fact]
    public void The_client_can_edit_and_delete_their_own_comment_in_the_window()
    {
        var comment = Comment.Write(Client, Client, CommentAuthorRole.Client, CommentTarget.Milestone, 3, "Done this week!", Written);

        comment.Edit(Client, "Done this week.", Written.AddMinutes(5));
        Assert.True(comment.Delete(Client, Written.AddMinutes(10)));

        Assert.True(comment.IsDeleted);
        Assert.Equal(NotYours, Refused(() => Comment.Write(Client, Client, CommentAuthorRole.Client, CommentTarget.Milestone, 3, "Mine", Written).Delete(Counsellor, Written)).Message);
    }

    [Fact]
    public void Deleting_again_changes_nothing_even_after_the_window()
    {
        var comment = ByCounsellor();
        comment.Delete(Counsellor, Written.AddMinutes(1));

        Assert.False(comment.Delete(Counsellor, Written.AddMinutes(2)));
        Assert.False(comment.Delete(Counsellor, Written.AddHours(1)));

        Assert.Equal(Written.AddMinutes(1).UtcDateTime, comment.DeletedAtUtc);
    }

    [Fact]
    public void Someone_else_deleting_a_deleted_comment_is_still_refused()
    {
        var comment = ByCounsellor();
        comment.Delete(Counsellor, Written.AddMinutes(1));

        Assert.Equal(NotYours, Refused(() => comment.Delete("counsellor-2", Written.AddMinutes(2))).Message);
    }

    // A former counsellor

    [Fact]
    public void When_the_counsellor_leaves_the_comment_stays_by_a_former_counsellor()
    {
        var comment = ByCounsellor();

        comment.AuthorLeft();

        Assert.Null(comment.AuthorId);
        Assert.True(comment.IsByFormerAuthor);
        Assert.Equal("a former counsellor", Comment.FormerCounsellor);
        Assert.Equal("Lovely progress on this one.", comment.Body);
        Assert.Equal(Client, comment.OwnerId);
    }

    [Fact]
    public void A_former_counsellors_comment_can_no_longer_be_changed_by_anyone()
    {
        var comment = ByCounsellor();
        comment.AuthorLeft();

        Assert.Equal(NotYours, Refused(() => comment.Edit(Counsellor, "Edit", Written.AddMinutes(1))).Message);
        Assert.Equal(NotYours, Refused(() => comment.Delete(Counsellor, Written.AddMinutes(1))).Message);
        Assert.Equal(NotYours, Refused(() => comment.Edit(null, "Edit", Written.AddMinutes(1))).Message);
    }
}
