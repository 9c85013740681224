namespace CareerCompass.Domain.Common;

/// <summary>Field sizes shared by the model, the database schema and the forms.</summary>
public static class Limits
{
    public const int ShortText = 200;
    public const int LongText = 4000;
}
