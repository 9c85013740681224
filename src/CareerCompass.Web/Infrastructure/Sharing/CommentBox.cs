using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>A refused comment, back on its record's page: which box it was in, why, and the text as typed.</summary>
public sealed record CommentFeedback(string Box, string Message, string? Draft)
{
    /// <summary>Reads (and so uses up) what the comment handler left after a refusal, if anything.</summary>
    public static CommentFeedback? From(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[Pages.Comments.Index.ErrorKey] is not string error)
        {
            return null;
        }

        var separator = error.IndexOf('|', StringComparison.Ordinal);
        var draft = tempData[Pages.Comments.Index.DraftKey] as string;
        var draftSeparator = draft?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return new CommentFeedback(
            separator < 0 ? string.Empty : error[..separator],
            separator < 0 ? error : error[(separator + 1)..],
            draftSeparator < 0 ? null : draft![(draftSeparator + 1)..]);
    }
}

/// <summary>What the comments partial needs: the thread, its heading, whether to offer a new comment, the clock.</summary>
public sealed record CommentBox(CommentThread Thread, string Heading, bool CanWrite, PersonClock Clock, CommentFeedback? Feedback, string HeadingClass = "h5")
{
    public string Box => $"{Thread.Target}-{Thread.TargetId}".ToLowerInvariant();

    /// <summary>The feedback, if it belongs to this box or to one of its comments.</summary>
    public CommentFeedback? Mine(string box) => Feedback?.Box == box ? Feedback : null;
}
