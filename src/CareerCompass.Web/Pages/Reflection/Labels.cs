using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>How the reflection's choices read to a person.</summary>
public static class Labels
{
    public static string Of(Enum value) => value switch
    {
        SkillKind.Technical => "Technical",
        SkillKind.Soft => "Soft skill",
        SkillKind.Interpersonal => "Interpersonal",
        DevelopmentApproach.Improve => "Improve it",
        DevelopmentApproach.WorkAround => "Work around it",
        FeedbackSource.Peer => "A peer",
        FeedbackSource.Mentor => "A mentor",
        FeedbackSource.Supervisor => "A supervisor",
        FeedbackSource.Other => "Someone else",
        ExperienceFeeling.Energizing => "Energizing",
        ExperienceFeeling.Draining => "Draining",
        ExperienceTag.People => "The people",
        ExperienceTag.Tasks => "The tasks",
        ExperienceTag.Impact => "The impact",
        ExperienceTag.Pace => "The pace",
        ExperienceTag.Environment => "The environment",
        PriorityCategory.Family => "Family",
        PriorityCategory.Finances => "Finances",
        PriorityCategory.Location => "Location",
        PriorityCategory.WorkLifeBalance => "Work–life balance",
        PriorityCategory.Health => "Health",
        PriorityCategory.Other => "Something else",
        ResearchKind.InformationalInterview => "Informational interview",
        ResearchKind.Event => "Event",
        ResearchKind.Course => "Short course",
        ResearchKind.JobShadowing => "Job shadowing",
        ResearchStatus.Planned => "Planned",
        ResearchStatus.InProgress => "In progress",
        ResearchStatus.Done => "Done",
        PreparationWilling.NotSure => "I'm not sure yet",
        PreparationWilling.OnTheJob => "Little or none: I'd rather learn on the job",
        PreparationWilling.Course => "A course, a certificate or an apprenticeship (up to about two years)",
        PreparationWilling.Degree => "A degree (three or four years of study)",
        PreparationWilling.Graduate => "A graduate degree, or whatever it takes",
        PreparationHave.NotSaid => "I'd rather not say",
        PreparationHave.School => "Secondary school (or still at school)",
        PreparationHave.Vocational => "A vocational qualification, an apprenticeship or an associate's degree",
        PreparationHave.Degree => "A bachelor's degree",
        PreparationHave.Graduate => "A graduate degree (master's or doctorate)",
        _ => value.ToString(),
    };

    /// <summary>The choices of a select; the select tag helper marks the bound value as selected.</summary>
    public static IEnumerable<SelectListItem> Options<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Of(v), v.ToString()));
}
