using System.Globalization;
using System.Net.Mail;
using CareerCompass.Domain.Calendar;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Calendar;

/// <summary>
/// A person's calendar: their next review date and the due date of each open milestone (not done or skipped, of a
/// goal that is neither achieved nor retired), as RFC 5545 text from <see cref="CalendarWriter"/>. Links come from
/// <see cref="PublicAddress"/>, never from the request. UIDs are stable, so a calendar app updates an event in place:
/// <c>review-{scheduleId}-{yyyyMMdd}@{host}</c> (a new review date is a new event, and the old one goes) and
/// <c>milestone-{milestoneId}@{host}</c> (a moved due date or a new title updates the same event).
/// </summary>
public sealed class CalendarFeed(AppDbContext db, PublicAddress address, TimeProvider clock, IOptions<EmailOptions> email)
{
    public const string CalendarName = "CareerCompass";
    public const string FileName = "careercompass.ics";
    public const string ReviewSummary = "Review your goals";
    public const string MilestonePrefix = "Milestone: ";

    /// <summary>Where a review event points: the reviews page, which starts or resumes the review.</summary>
    public const string ReviewPage = "/Reviews";

    /// <summary>The private subscription address for <paramref name="token"/>, on the public address.</summary>
    public string SubscriptionAddress(string token) => address.Link($"/calendar/{token}.ics");

    /// <summary>The whole calendar for the owner of <paramref name="schedule"/>, stamped now (one query).</summary>
    public async Task<string> CalendarForAsync(ReviewSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var ownerId = schedule.OwnerId;
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId == ownerId && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Skipped)
            .Join(
                db.Goals.Where(g => g.OwnerId == ownerId && g.Status != GoalStatus.Achieved && g.Status != GoalStatus.Retired),
                m => m.GoalId,
                g => g.Id,
                (m, g) => new { m.Id, m.Title, m.DueOn, GoalId = g.Id, g.Statement })
            .ToListAsync(cancellationToken);

        var events = new List<CalendarEvent>(milestones.Count + 1) { ReviewEvent(schedule) };
        events.AddRange(milestones.Select(m => MilestoneEvent(m.Id, m.Title, m.DueOn, m.GoalId, m.Statement)));
        return CalendarWriter.Calendar(CalendarName, events, clock.GetUtcNow());
    }

    /// <summary>
    /// The review date of <paramref name="schedule"/> as a one-event calendar, to attach to a reminder e-mail as
    /// <see cref="CalendarWriter.InvitationContentType"/>: the same UID as in the feed, <c>ORGANIZER</c> the
    /// configured sender (<c>Email:From</c>).
    /// </summary>
    public string ReviewInvitation(ReviewSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return CalendarWriter.Invitation(CalendarName, ReviewEvent(schedule), clock.GetUtcNow(), SenderAddress());
    }

    public CalendarEvent ReviewEvent(ReviewSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var date = CalendarWriter.DateValue(schedule.NextReviewOn);
        return new CalendarEvent(
            Uid($"review-{schedule.Id.ToString(CultureInfo.InvariantCulture)}-{date}"),
            schedule.NextReviewOn,
            ReviewSummary,
            "Time to look back at your goals: what helped, what got in the way, and what you'd like to change.\n" +
            "Open CareerCompass to start your review: " + address.Link(ReviewPage),
            new Uri(address.Link(ReviewPage)));
    }

    public CalendarEvent MilestoneEvent(int milestoneId, string title, DateOnly dueOn, int goalId, string goalStatement)
    {
        var page = address.Link($"/Goals/{goalId.ToString(CultureInfo.InvariantCulture)}");
        return new CalendarEvent(
            Uid($"milestone-{milestoneId.ToString(CultureInfo.InvariantCulture)}"),
            dueOn,
            MilestonePrefix + title,
            $"A step towards your goal: {goalStatement}\nSee it in CareerCompass: {page}",
            new Uri(page));
    }

    private string Uid(string item) => $"{item}@{address.BaseUri.IdnHost}";

    private string? SenderAddress()
    {
        try
        {
            return new MailAddress(email.Value.From).Address;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
