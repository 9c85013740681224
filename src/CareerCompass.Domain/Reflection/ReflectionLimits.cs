using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Reflection;

public static class ReflectionLimits
{
    public const int FreeText = Limits.LongText;
    public const int ItemText = Limits.ShortText;
    public const int MaxItems = 50;
    public const int TopValues = 5;
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxHoursPerWeek = 80;
}
