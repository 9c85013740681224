using CareerCompass.Domain.Reflection;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>The reflection's validation messages, in one voice.</summary>
internal static class Messages
{
    public static readonly string FreeTextTooLong = $"That's a lot to hold in one box — please keep it under {ReflectionLimits.FreeText:N0} characters.";
    public static readonly string ItemTooLong = $"Please keep each item under {ReflectionLimits.ItemText} characters. The details can go in a note.";
    public static readonly string RatingOutOfRange = $"Please pick a rating from {ReflectionLimits.MinRating} to {ReflectionLimits.MaxRating}.";

    public static string TooManyItems(string what) => $"You can list up to {ReflectionLimits.MaxItems} {what}. Keep the ones that matter most.";
}

/// <summary>Blank rows for new list items, so a list can grow in a plain HTML form.</summary>
internal static class Rows
{
    public static void AddBlank<T>(List<T> list, int blanks, Func<T> blank)
    {
        for (var i = 0; i < blanks && list.Count < ReflectionLimits.MaxItems + blanks; i++)
        {
            list.Add(blank());
        }
    }
}
