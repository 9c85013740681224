using System.Globalization;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Sharing;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Counsellor;

/// <summary>
/// The caseload: every client who shares their plan with the signed-in counsellor right now
/// (<see cref="CounsellorAccess.ActiveGrantsOf"/>), one row each, with what needs attention — an overdue review,
/// overdue milestones, a plan nobody has touched for a while, replies not yet read. The figures are aggregated in the
/// database per client (GROUP BY over the set of clients), so the page runs the same few queries whether there is one
/// client or hundreds (a test counts them); sorting and filtering then happen in memory over those rows.
/// </summary>
public sealed class Index(AppDbContext db, PersonClock clock) : PageModel
{
    /// <summary>Every client, whatever the filter: the filter links count from these.</summary>
    public IReadOnlyList<CaseloadRow> AllClients { get; private set; } = [];

    /// <summary>The clients the filter lets through, in the chosen order.</summary>
    public IReadOnlyList<CaseloadRow> Clients { get; private set; } = [];

    public CaseloadFilter Filter { get; private set; }

    public CaseloadSort Sort { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var counsellorId = User.RequireUserId();
        Filter = Caseload.ParseFilter(Request.Query["filter"]);
        Sort = Caseload.ParseSort(Request.Query["sort"]);
        Today = clock.Today;

        AllClients = await Caseload.LoadAsync(db, counsellorId, Today, clock.Zone, HttpContext.RequestAborted);
        Clients = Caseload.Order(AllClients.Where(c => c.Matches(Filter)), Sort).ToList();
    }

    public int CountOf(CaseloadFilter filter) => AllClients.Count(c => c.Matches(filter));

    /// <summary>This page with <paramref name="filter"/> and <paramref name="sort"/>; the defaults are left out of the address.</summary>
    public string? LinkTo(CaseloadFilter filter, CaseloadSort sort) => Url.Page("/Counsellor/Index", new
    {
        filter = filter == CaseloadFilter.All ? null : Caseload.Key(filter),
        sort = sort == CaseloadSort.Review ? null : Caseload.Key(sort),
    });
}

/// <summary>
/// One client in the caseload. <see cref="DaysSinceChange"/> is the days since the last change to any of their
/// goals, milestones or plan lines (on the counsellor's calendar); null when they have no plan yet.
/// </summary>
public sealed record CaseloadRow(
    string ClientId,
    string Email,
    SharingScope Scope,
    DateOnly? NextReview,
    bool ReviewOverdue,
    int OverdueMilestones,
    int? DaysSinceChange,
    IReadOnlyDictionary<GoalStatus, int> GoalsByStatus,
    int UnreadReplies)
{
    /// <summary>The counsellor's read-only view of this client.</summary>
    public string Href => Subject.ClientHref(ClientId);

    public bool IsStale => DaysSinceChange > Caseload.StaleAfterDays;

    public bool Matches(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.OverdueReview => ReviewOverdue,
        CaseloadFilter.StalePlan => IsStale,
        CaseloadFilter.Unread => UnreadReplies > 0,
        _ => true,
    };

    /// <summary>"2 active · 1 paused · 1 achieved"; empty with no goals.</summary>
    public string GoalSummary => string.Join(" · ", Caseload.StatusOrder
        .Where(s => GoalsByStatus.GetValueOrDefault(s) > 0)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{GoalsByStatus[s]} {s.ToString().ToLowerInvariant()}")));
}

public enum CaseloadFilter
{
    All,
    OverdueReview,
    StalePlan,
    Unread,
}

public enum CaseloadSort
{
    /// <summary>Next review first, so overdue ones lead; clients with no review planned last.</summary>
    Review,

    /// <summary>Most overdue milestones first.</summary>
    Milestones,

    /// <summary>Least recently changed plan first; no plan at all counts as least recent.</summary>
    Changed,
}

/// <summary>The caseload's filters and orders: how they read in the address and on the page, and how they sort.</summary>
public static class Caseload
{
    /// <summary>A plan that hasn't changed for more than this many days is "stale".</summary>
    public const int StaleAfterDays = 90;

    /// <summary>How goal counts are listed: the ones in play first.</summary>
    public static readonly IReadOnlyList<GoalStatus> StatusOrder = [GoalStatus.Active, GoalStatus.Paused, GoalStatus.Draft, GoalStatus.Achieved, GoalStatus.Retired];

    public static readonly IReadOnlyList<CaseloadFilter> Filters = Enum.GetValues<CaseloadFilter>();

    public static readonly IReadOnlyList<CaseloadSort> Sorts = Enum.GetValues<CaseloadSort>();

    public static string Key(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.OverdueReview => "overdue",
        CaseloadFilter.StalePlan => "stale",
        CaseloadFilter.Unread => "unread",
        _ => "all",
    };

    public static string Key(CaseloadSort sort) => sort switch
    {
        CaseloadSort.Milestones => "milestones",
        CaseloadSort.Changed => "changed",
        _ => "review",
    };

    public static string Label(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.OverdueReview => "Overdue review",
        CaseloadFilter.StalePlan => "Stale plan",
        CaseloadFilter.Unread => "Unread replies",
        _ => "All",
    };

    public static string Label(CaseloadSort sort) => sort switch
    {
        CaseloadSort.Milestones => "Most overdue milestones",
        CaseloadSort.Changed => "Least recently changed",
        _ => "Next review",
    };

    public static string Label(SharingScope scope) => scope == SharingScope.PlanAndReflection ? "Plan and reflection" : "Plan";

    /// <summary>The filter in the address; anything unknown (or repeated) shows everyone.</summary>
    public static CaseloadFilter ParseFilter(string? value) =>
        Filters.FirstOrDefault(f => string.Equals(Key(f), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The order in the address; anything unknown (or repeated) is by next review.</summary>
    public static CaseloadSort ParseSort(string? value) =>
        Sorts.FirstOrDefault(s => string.Equals(Key(s), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every client <paramref name="counsellorId"/> can see now, with their figures, in no particular order: a fixed
    /// number of statements (five) whatever the number of clients — one for the clients, then one aggregate per kind of
    /// record, grouped by client over the same set of clients (<see cref="CounsellorAccess.ActiveGrantsOf"/> as a
    /// subquery, never a list of ids). "Today" and the day of the last change are on <paramref name="zone"/>'s calendar.
    /// </summary>
    public static async Task<IReadOnlyList<CaseloadRow>> LoadAsync(AppDbContext db, string counsellorId, DateOnly today, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var grants = db.ActiveGrantsOf(counsellorId);
        var clientIds = grants.Select(g => g.OwnerId);
        var clients = await grants.AsNoTracking()
            .Select(g => new
            {
                g.OwnerId,
                g.Scope,
                Email = db.Users.Where(u => u.Id == g.OwnerId).Select(u => u.Email ?? u.UserName).FirstOrDefault(),
                NextReview = db.ReviewSchedules.Where(s => s.OwnerId == g.OwnerId).Select(s => (DateOnly?)s.NextReviewOn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (clients.Count == 0)
        {
            return [];
        }

        var goals = await db.Goals.Where(g => clientIds.Contains(g.OwnerId))
            .GroupBy(g => new { g.OwnerId, g.Status })
            .Select(x => new { x.Key.OwnerId, x.Key.Status, Count = x.Count(), LastChanged = x.Max(g => g.UpdatedAtUtc) })
            .ToListAsync(cancellationToken);
        var milestones = await (
                from m in db.Milestones
                join g in db.Goals on m.GoalId equals g.Id
                where clientIds.Contains(m.OwnerId)
                group new { m.Status, m.DueOn, m.UpdatedAtUtc, GoalStatus = g.Status } by m.OwnerId into x
                select new
                {
                    OwnerId = x.Key,
                    LastChanged = x.Max(m => m.UpdatedAtUtc),
                    // Milestone.IsOverdueOn, spelled out so that SQL can count it: open, and its date has passed.
                    Overdue = x.Count(m => m.GoalStatus == GoalStatus.Active
                        && (m.Status == MilestoneStatus.NotStarted || m.Status == MilestoneStatus.InProgress)
                        && m.DueOn < today),
                })
            .ToListAsync(cancellationToken);
        var planItems = await db.PlanItems.Where(p => clientIds.Contains(p.OwnerId))
            .GroupBy(p => p.OwnerId)
            .Select(x => new { OwnerId = x.Key, LastChanged = x.Max(p => p.UpdatedAtUtc) })
            .ToListAsync(cancellationToken);
        var unread = await db.UnreadClientCommentsFor(counsellorId).Where(c => clientIds.Contains(c.OwnerId))
            .GroupBy(c => c.OwnerId)
            .Select(x => new { OwnerId = x.Key, Count = x.Count() })
            .ToDictionaryAsync(x => x.OwnerId, x => x.Count, cancellationToken);

        var goalsByClient = goals.ToLookup(g => g.OwnerId);
        var milestonesByClient = milestones.ToDictionary(m => m.OwnerId);
        var planByClient = planItems.ToDictionary(p => p.OwnerId, p => p.LastChanged);
        return clients
            .GroupBy(c => c.OwnerId) // one grant per client and counsellor; should there ever be two, one row
            .Select(same => same.OrderByDescending(c => c.Scope).First())
            .Select(c =>
            {
                var clientGoals = goalsByClient[c.OwnerId].ToList();
                var clientMilestones = milestonesByClient.GetValueOrDefault(c.OwnerId);
                var changes = clientGoals.Select(g => g.LastChanged)
                    .Concat(clientMilestones is null ? [] : [clientMilestones.LastChanged])
                    .Concat(planByClient.TryGetValue(c.OwnerId, out var plan) ? [plan] : [])
                    .ToList();
                int? daysSinceChange = changes.Count == 0
                    ? null
                    : Math.Max(0, today.DayNumber - DateOnly.FromDateTime(PersonalDate.LocalTime(DateTime.SpecifyKind(changes.Max(), DateTimeKind.Utc), zone)).DayNumber);
                return new CaseloadRow(
                    c.OwnerId,
                    c.Email ?? string.Empty,
                    c.Scope,
                    c.NextReview,
                    c.NextReview is { } next && next < today,
                    clientMilestones?.Overdue ?? 0,
                    daysSinceChange,
                    clientGoals.ToDictionary(g => g.Status, g => g.Count),
                    unread.GetValueOrDefault(c.OwnerId));
            })
            .ToList();
    }

    public static IEnumerable<CaseloadRow> Order(IEnumerable<CaseloadRow> rows, CaseloadSort sort)
    {
        var byReview = (sort switch
        {
            CaseloadSort.Milestones => rows.OrderByDescending(r => r.OverdueMilestones),
            CaseloadSort.Changed => rows.OrderByDescending(r => r.DaysSinceChange ?? int.MaxValue),
            _ => rows.OrderBy(_ => 0),
        }).ThenBy(r => r.NextReview ?? DateOnly.MaxValue);
        return byReview.ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.ClientId, StringComparer.Ordinal);
    }
}
