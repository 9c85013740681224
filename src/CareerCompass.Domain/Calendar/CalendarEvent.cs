namespace CareerCompass.Domain.Calendar;

/// <summary>
/// One all-day event in a calendar: a review date or a milestone's due date. <paramref name="Uid"/> must be the same
/// every time the same item is written (calendar apps match updates by it) and unique across everything this app
/// writes; <paramref name="Url"/> is the page it is about.
/// </summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string? Description = null, Uri? Url = null);
