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

    /// <summary>What each of O*NET's 35 skills means, in everyday words (our paraphrase of the O*NET content model), or null for an unknown element.</summary>
    public static string? SkillMeaning(string elementId) => elementId switch
    {
        "2.A.1.a" => "understanding what you read at work",
        "2.A.1.b" => "giving people your full attention and asking good questions",
        "2.A.1.c" => "writing clearly for the people who will read it",
        "2.A.1.d" => "talking so that others understand you",
        "2.A.1.e" => "using numbers to solve problems",
        "2.A.1.f" => "using scientific methods to find things out",
        "2.A.2.a" => "weighing up the strengths and weaknesses of different answers",
        "2.A.2.b" => "picking up new information and putting it to use",
        "2.A.2.c" => "choosing good ways to learn or teach something new",
        "2.A.2.d" => "keeping an eye on how you, others or a team are doing, and improving it",
        "2.B.1.a" => "noticing how others react and understanding why",
        "2.B.1.b" => "fitting what you do around what others are doing",
        "2.B.1.c" => "persuading people to change their minds or behaviour",
        "2.B.1.d" => "bringing people together to settle differences",
        "2.B.1.e" => "teaching others how to do something",
        "2.B.1.f" => "actively looking for ways to help people",
        "2.B.2.i" => "working through complicated problems to a solution",
        "2.B.3.a" => "working out what a product or system needs to do",
        "2.B.3.b" => "designing or adapting equipment and technology for people's needs",
        "2.B.3.c" => "choosing the right tools and equipment for a job",
        "2.B.3.d" => "installing equipment, machines, wiring or programs",
        "2.B.3.e" => "writing computer programs",
        "2.B.3.g" => "watching gauges, dials or screens to check a machine is working",
        "2.B.3.h" => "running and controlling equipment or systems",
        "2.B.3.j" => "looking after equipment so it keeps working",
        "2.B.3.k" => "finding out what is causing a fault and what to do about it",
        "2.B.3.l" => "repairing machines or systems",
        "2.B.3.m" => "testing and inspecting products or services for quality",
        "2.B.4.e" => "weighing costs and benefits to make good decisions",
        "2.B.4.g" => "understanding how a system works and how changes will affect it",
        "2.B.4.h" => "judging how well a system is working and how to improve it",
        "2.B.5.a" => "managing your own time and other people's",
        "2.B.5.b" => "deciding how money will be spent and keeping track of it",
        "2.B.5.c" => "getting and looking after the equipment, buildings and materials work needs",
        "2.B.5.d" => "motivating, developing and directing people at work",
        _ => null,
    };
}
