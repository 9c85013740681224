namespace CareerCompass.Web.Data;

public static class AppRoles
{
    public const string Client = "Client";
    public const string Counsellor = "Counsellor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Client, Counsellor, Admin];
}
