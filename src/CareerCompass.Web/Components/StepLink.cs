namespace CareerCompass.Web.Components;

/// <summary>One step of a <see cref="StepList"/>: the current one is named, every other one is a link to it.</summary>
public sealed record StepLink(string Title, string? Href, bool Current);
