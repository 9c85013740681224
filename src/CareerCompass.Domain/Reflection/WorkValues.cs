namespace CareerCompass.Domain.Reflection;

public sealed record WorkValue(string Key, string Name, string Meaning);

/// <summary>The curated list of work values a person picks from (they can add their own too).</summary>
public static class WorkValues
{
    public static readonly IReadOnlyList<WorkValue> Catalogue =
    [
        new("creativity", "Creativity", "Making new things or finding new ways of doing them."),
        new("helping-others", "Helping others", "Work that makes someone's day, or life, better."),
        new("financial-security", "Financial security", "Enough income to feel safe and plan ahead."),
        new("work-life-balance", "Work–life balance", "Time and energy left for the rest of your life."),
        new("autonomy", "Autonomy", "Deciding how and when you do your work."),
        new("leadership", "Leadership", "Guiding people and taking responsibility for results."),
        new("learning", "Learning", "Growing your knowledge and skills all the time."),
        new("recognition", "Recognition", "Having your work noticed and appreciated."),
        new("stability", "Stability", "A predictable role you can count on."),
        new("variety", "Variety", "Different tasks, places or people from week to week."),
        new("teamwork", "Teamwork", "Working closely with others towards a shared goal."),
        new("social-impact", "Social impact", "Contributing to something bigger than yourself."),
        new("flexibility", "Flexibility", "Choosing where and when you work."),
        new("challenge", "Challenge", "Hard problems that stretch you."),
        new("achievement", "Achievement", "Seeing clear results from your effort."),
        new("expertise", "Expertise", "Becoming really good at one thing."),
        new("belonging", "Belonging", "Feeling at home with the people and the culture."),
    ];

    public static WorkValue? Find(string? key) => Catalogue.FirstOrDefault(v => v.Key == key);
}
