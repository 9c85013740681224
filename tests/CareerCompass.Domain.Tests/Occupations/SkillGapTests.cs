using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Occupations;

public sealed class SkillGapTests
{
    private const string ActiveListening = "2.A.1.b";
    private const string Writing = "2.A.1.c";
    private const string Speaking = "2.A.1.d";
    private const string SocialPerceptiveness = "2.B.1.a";
    private const string Service = "2.B.1.f";
    private const string Programming = "2.B.3.e";
    private const string TimeManagement = "2.B.5.a";
    private const string People = "2.B.5.d";
    private const string Reading = "2.A.1.a";
    private const string CriticalThinking = "2.A.2.a";

    private static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>O*NET's 35 skill elements, as the occupation pages show them.</summary>
    public static readonly TheoryData<string> AllSkills = new(
        "2.A.1.a", "2.A.1.b", "2.A.1.c", "2.A.1.d", "2.A.1.e", "2.A.1.f", "2.A.2.a", "2.A.2.b", "2.A.2.c", "2.A.2.d",
        "2.B.1.a", "2.B.1.b", "2.B.1.c", "2.B.1.d", "2.B.1.e", "2.B.1.f", "2.B.2.i", "2.B.3.a", "2.B.3.b", "2.B.3.c",
        "2.B.3.d", "2.B.3.e", "2.B.3.g", "2.B.3.h", "2.B.3.j", "2.B.3.k", "2.B.3.l", "2.B.3.m", "2.B.4.e", "2.B.4.g",
        "2.B.4.h", "2.B.5.a", "2.B.5.b", "2.B.5.c", "2.B.5.d");

    /// <summary>Registered Nurses' top five, as O*NET rates them.</summary>
    private static readonly OccupationSkill[] Nurses =
    [
        new("29-1141.00", ActiveListening, "Active Listening", 4.5, 4.4),
        new("29-1141.00", SocialPerceptiveness, "Social Perceptiveness", 4.25, 4.1),
        new("29-1141.00", Service, "Service Orientation", 4.12, 4.0),
        new("29-1141.00", Speaking, "Speaking", 4.12, 4.1),
        new("29-1141.00", CriticalThinking, "Critical Thinking", 4.0, 4.0),
    ];

    [Theory]
    [InlineData("listening", ActiveListening)]
    [InlineData("Active Listening", ActiveListening)]
    [InlineData("ACTIVE LISTENING!", ActiveListening)]
    [InlineData("a good listener", ActiveListening)]
    [InlineData("writing", Writing)]
    [InlineData("Copywriting", Writing)]
    [InlineData("reports", Writing)]
    [InlineData("writing reports", Writing)]
    [InlineData("coding", Programming)]
    [InlineData("Programming", Programming)]
    [InlineData("python", Programming)]
    [InlineData("C#", Programming)]
    [InlineData("writing code", Programming)]
    [InlineData("managing people", People)]
    [InlineData("leading a team", People)]
    [InlineData("Leading teams", People)]
    [InlineData("team leadership", People)]
    [InlineData("time management", TimeManagement)]
    [InlineData("prioritizing", TimeManagement)]
    [InlineData("prioritising", TimeManagement)]
    [InlineData("organised", TimeManagement)]
    [InlineData("reading people", SocialPerceptiveness)]
    [InlineData("empathy", SocialPerceptiveness)]
    [InlineData("customer service", Service)]
    [InlineData("helping people", Service)]
    [InlineData("public speaking", Speaking)]
    [InlineData("problem-solving", "2.B.2.i")]
    [InlineData("reading", Reading)]
    public void A_strength_matches_its_skill_whatever_the_case_plurals_or_punctuation(string strength, string elementId) =>
        Assert.Equal([elementId], SkillGap.SkillsIn(strength));

    [Fact]
    public void One_strength_can_name_several_skills_each_once()
    {
        Assert.Equal([People, Writing], SkillGap.SkillsIn("Leading a team; writing reports and more reports"));
    }

    [Theory]
    [InlineData("listening to music")]
    [InlineData("Listening to podcasts")]
    [InlineData("baking")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("!!!")]
    public void Hobbies_and_unknown_words_match_no_skill(string? strength) => Assert.Empty(SkillGap.SkillsIn(strength));

    [Fact]
    public void The_longest_phrase_wins_so_a_word_inside_it_does_not_match_a_second_skill()
    {
        Assert.DoesNotContain(People, SkillGap.SkillsIn("time management"));
        Assert.DoesNotContain(Reading, SkillGap.SkillsIn("reading people"));
        Assert.DoesNotContain(Writing, SkillGap.SkillsIn("writing code"));
    }

    [Theory]
    [MemberData(nameof(AllSkills))]
    public void Every_skill_has_a_name_a_goal_can_use(string elementId) => Assert.NotNull(SkillGap.ShortName(elementId));

    [Fact]
    public void Each_top_skill_says_how_the_strengths_cover_it()
    {
        var strengths = new StrengthsAnswers
        {
            Skills =
            [
                new SkillItem { Name = "Listening", Rating = 4 },
                new SkillItem { Name = "good listener", Rating = 5 },
                new SkillItem { Name = "Customer service", Rating = 2 },
            ],
            Development = [new DevelopmentArea { Name = "public speaking" }],
        };

        var report = SkillGap.Compare(Nurses, strengths);

        Assert.Equal(new SkillMatch(Nurses[0], SkillCoverage.Listed, "good listener", 5), report.Skills[0]);
        Assert.Equal(new SkillMatch(Nurses[1], SkillCoverage.NotYet, null, null), report.Skills[1]);
        Assert.Equal(new SkillMatch(Nurses[2], SkillCoverage.Listed, "Customer service", 2), report.Skills[2]);
        Assert.Equal(new SkillMatch(Nurses[3], SkillCoverage.ToDevelop, "public speaking", null), report.Skills[3]);
        Assert.Equal(SkillCoverage.NotYet, report.Skills[4].Coverage);
        Assert.False(report.Skills[0].IsGap);
        Assert.True(report.Skills[2].IsGap);
    }

    [Fact]
    public void The_biggest_gap_is_the_most_important_skill_not_covered()
    {
        var strengths = new StrengthsAnswers { Skills = [new SkillItem { Name = "listening", Rating = 4 }] };

        var report = SkillGap.Compare(Nurses, strengths);

        Assert.Equal(SocialPerceptiveness, report.BiggestGap!.Skill.ElementId);
        Assert.False(report.AllCovered);
    }

    [Fact]
    public void A_listed_skill_rated_two_or_less_is_still_a_gap()
    {
        var strengths = new StrengthsAnswers { Skills = [new SkillItem { Name = "listening", Rating = 2 }, new SkillItem { Name = "empathy", Rating = 3 }] };

        Assert.Equal(ActiveListening, SkillGap.Compare(Nurses, strengths).BiggestGap!.Skill.ElementId);
    }

    [Fact]
    public void A_skill_named_to_develop_is_a_gap()
    {
        var strengths = new StrengthsAnswers { Development = [new DevelopmentArea { Name = "Active listening" }] };

        var gap = SkillGap.Compare(Nurses, strengths).BiggestGap!;

        Assert.Equal(ActiveListening, gap.Skill.ElementId);
        Assert.Equal(SkillCoverage.ToDevelop, gap.Coverage);
    }

    [Fact]
    public void When_every_top_skill_is_covered_there_is_no_gap()
    {
        var strengths = new StrengthsAnswers
        {
            Skills =
            [
                new SkillItem { Name = "active listening", Rating = 5 },
                new SkillItem { Name = "Empathy", Rating = 4 },
                new SkillItem { Name = "helping people" },
                new SkillItem { Name = "presentations", Rating = 3 },
                new SkillItem { Name = "critical thinking", Rating = 4 },
            ],
        };

        var report = SkillGap.Compare(Nurses, strengths);

        Assert.Null(report.BiggestGap);
        Assert.True(report.AllCovered);
    }

    [Fact]
    public void No_strengths_leave_every_skill_not_yet_covered()
    {
        var report = SkillGap.Compare(Nurses, new StrengthsAnswers());

        Assert.All(report.Skills, s => Assert.Equal(SkillCoverage.NotYet, s.Coverage));
        Assert.Equal(ActiveListening, report.BiggestGap!.Skill.ElementId);
    }

    [Theory]
    [MemberData(nameof(AllSkills))]
    public void The_drafted_goal_is_specific_measurable_and_time_bound_for_every_skill(string elementId)
    {
        var gap = new SkillMatch(new OccupationSkill("29-1141.00", elementId, "Some Skill", 4, 4), SkillCoverage.NotYet, null, null);

        var draft = SkillGap.Draft(gap, "Registered Nurses", Today);
        var verdict = draft.ToGoal("owner", Today).Check(Today);

        Assert.Equal(SmartStatus.Met, verdict.Specific.Status);
        Assert.Equal(SmartStatus.Met, verdict.Measurable.Status);
        Assert.Equal(SmartStatus.Met, verdict.TimeBound.Status);
    }

    [Fact]
    public void The_drafted_goal_reads_plainly_and_has_a_deadline_six_months_on()
    {
        var draft = SkillGap.Draft(SkillGap.Compare(Nurses, new StrengthsAnswers()).BiggestGap!, "Registered Nurses", Today);

        Assert.Equal("Build my active listening skills for Registered Nurses: finish one short course and put what I learn into practice 3 times by 30 May 2027", draft.Details.Statement);
        Assert.Equal(new DateOnly(2027, 5, 30), draft.Details.Deadline);
        Assert.Equal(GoalHorizon.ShortTerm, draft.Details.Horizon);
        Assert.Equal(["Active Listening"], draft.Details.Skills);
    }

    [Theory]
    [InlineData(2026, 11, 30)]
    [InlineData(2027, 2, 28)]
    [InlineData(2028, 8, 31)]
    public void The_milestones_are_in_order_and_due_before_the_deadline(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var draft = SkillGap.Draft(SkillGap.Compare(Nurses, new StrengthsAnswers()).BiggestGap!, "Registered Nurses", today);
        var goal = draft.ToGoal("owner", today);
        var dates = goal.OrderedMilestones.Select(m => m.DueOn).ToList();

        Assert.InRange(dates.Count, 3, 4);
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.All(dates, d => Assert.InRange(d, today.AddDays(1), goal.Deadline!.Value.AddDays(-1)));
        Assert.Equal(GoalStatus.Draft, goal.Status);
    }

    [Fact]
    public void A_link_to_the_career_option_makes_the_draft_relevant()
    {
        var link = new ReflectionLink(ReflectionStepKind.Options, Guid.NewGuid().ToString());
        var draft = SkillGap.Draft(SkillGap.Compare(Nurses, new StrengthsAnswers()).BiggestGap!, "Registered Nurses", Today, [link]);

        Assert.Equal(SmartStatus.Met, draft.ToGoal("owner", Today).Check(Today).Relevant.Status);
    }
}
