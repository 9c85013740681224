using System.Globalization;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>Plain words for O*NET education categories and BLS figures.</summary>
public static class OccupationWording
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    /// <summary>O*NET's 12 "Required Level of Education" categories, in everyday words.</summary>
    public static string Education(int category) => category switch
    {
        1 => "less than a high school diploma",
        2 => "a high school diploma or equivalent (such as a GED)",
        3 => "a post-secondary certificate (training after high school, such as in a trade)",
        4 => "some college courses",
        5 => "an associate's degree (a two-year degree)",
        6 => "a bachelor's degree",
        7 => "a post-baccalaureate certificate (a qualification after a bachelor's degree)",
        8 => "a master's degree",
        9 => "a post-master's certificate",
        10 => "a first professional degree (such as in medicine, law or pharmacy)",
        11 => "a doctoral degree",
        12 => "post-doctoral training",
        _ => "an education level we can't describe",
    };

    public static string Dollars(int amount) => amount.ToString("$#,0", Us);

    public static string Dollars(double amount) => amount.ToString("$#,0.00", Us);

    public static string Count(int count) => count.ToString("#,0", Us);

    public static string Percent(double percent) => Math.Abs(percent).ToString("0.#", Us) + "%";

    public static string WholePercent(double percent) => Math.Round(percent).ToString("0", Us) + "%";

    public static string Growth(double percent) => percent switch
    {
        > 0 => $"grow by {Percent(percent)}",
        < 0 => $"shrink by {Percent(percent)}",
        _ => "stay about the same",
    };
}
