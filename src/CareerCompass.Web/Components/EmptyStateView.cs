namespace CareerCompass.Web.Components;

/// <summary>
/// What a list shows while it is empty (<see cref="EmptyState"/>): an icon, one warm line saying what will appear
/// here and why it's fine that nothing has yet, and — where there is one — the next thing to do.
/// </summary>
/// <param name="Icon">A name from Styles/icons.txt; decorative, so the words must say it all.</param>
/// <param name="Heading">An h2, for a list that is the page's main content; null inside a section with its own heading.</param>
public sealed record EmptyStateView(string Icon, string? Heading, string Message)
{
    public string? ActionText { get; init; }

    public string? ActionHref { get; init; }

    /// <summary>An id for the box, for links and tests.</summary>
    public string? Id { get; init; }
}
