namespace CareerCompass.Web.Pages.Reflection;

/// <summary>The example answers a person can open on each step ("Show an example"), written to feel like a real person's.</summary>
public static class Examples
{
    public const string Values =
        "\"Sam picked learning, autonomy, flexibility, helping others and financial security — then put learning first, because a job where she stops growing never lasts.\"";

    public const string Strengths =
        "\"Explaining complex things simply — interpersonal, 4 of 5: colleagues ask me to walk new starters through our systems.\" Development area: \"Public speaking — improve it.\"";

    public const string Experiences =
        "\"Retail supervisor, 2 years — draining, because of the pace and the targets. Organising the school fair — energizing: the people, and seeing it all come together.\"";

    public const string Priorities =
        "\"Family: I do school pick-up three days a week. Finances: I can't go below my current salary. 3 hours a week, mostly on Sunday mornings.\"";

    public const string Vision =
        "\"In a year: a junior UX role. In three: leading research on a product. In five: my own small studio. Impact: public services anyone can use. Why: I watched my grandmother struggle with forms online.\"";

    public const string Options =
        "\"UX researcher — fits my investigative and social interests and my value of helping others. Research: an informational interview with Priya, who does this at a bank (planned).\"";
}
