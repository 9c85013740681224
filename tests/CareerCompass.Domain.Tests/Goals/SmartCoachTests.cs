using CareerCompass.Domain.Goals;

namespace CareerCompass.Domain.Tests.Goals;

public sealed class SmartCoachTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static SmartVerdict Statement(string text) => SmartCoach.Check(new SmartInput(text), Today);

    [Theory]
    [InlineData("Become a team leader within two years")]
    [InlineData("Complete two leadership courses this year")]
    [InlineData("Earn a digital-marketing certification by December")]
    [InlineData("Land a junior UX designer role by June 2027")]
    [InlineData("Publish 4 articles about accessibility on my blog")]
    [InlineData("Get promoted to senior analyst")]
    [InlineData("Learn Python well enough to automate my weekly report")]
    [InlineData("Run a 30-minute talk at the local meetup")]
    [InlineData("Improve my Excel skills by finishing an advanced course")]
    [InlineData("Grow my freelance business to 5 regular clients")]
    public void Concrete_statements_are_specific(string text) =>
        Assert.Equal(SmartStatus.Met, Statement(text).Specific.Status);

    [Theory]
    [InlineData("Grow in my career", "grow in my career")]
    [InlineData("Improve", "improve")]
    [InlineData("Get better at work", "get better at")]
    [InlineData("I want to develop myself", "develop myself")]
    [InlineData("Be more successful", "be more")]
    [InlineData("Progress this year", "progress")]
    [InlineData("Level up", "level up")]
    [InlineData("Advance my career by 2028", "advance my career")]
    public void Vague_statements_get_advice_that_quotes_the_vague_words(string text, string quoted)
    {
        var specific = Statement(text).Specific;
        Assert.Equal(SmartStatus.NotYet, specific.Status);
        Assert.Contains($"\"{quoted}\" is vague", specific.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Happiness")]
    [InlineData("Something nice at some point")]
    public void Empty_or_outcome_free_statements_are_not_specific_yet(string text) =>
        Assert.Equal(SmartStatus.NotYet, Statement(text).Specific.Status);

    [Theory]
    [InlineData("Complete 2 leadership courses this year")]
    [InlineData("Hold three informational interviews by March")]
    [InlineData("Apply to 10 product manager roles")]
    [InlineData("Read twelve books about design")]
    [InlineData("Earn a digital-marketing certification by December")]
    [InlineData("Become a team leader within two years")]
    [InlineData("Pass the CPA exam")]
    [InlineData("Meet a mentor every month")]
    public void Numbers_and_yes_or_no_outcomes_are_measurable(string text) =>
        Assert.Equal(SmartStatus.Met, Statement(text).Measurable.Status);

    [Theory]
    [InlineData("Network more")]
    [InlineData("Learn about data science")]
    [InlineData("Get better at public speaking by 2027")]
    [InlineData("Be a better listener by June")]
    [InlineData("Improve my writing in 2027")]
    [InlineData("Network more within two years")]
    [InlineData("Learn about design in 6 months")]
    [InlineData("Be a better listener in Q3")]
    public void Statements_without_anything_countable_are_not_measurable_yet(string text)
    {
        var measurable = Statement(text).Measurable;
        Assert.Equal(SmartStatus.NotYet, measurable.Status);
        Assert.Contains("Add a number you can track", measurable.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Become a team leader within two years")]
    [InlineData("Complete two leadership courses this year")]
    [InlineData("Earn a certification by December")]
    [InlineData("Launch my portfolio site in 3 months")]
    [InlineData("Apply to five roles by the end of the quarter")]
    [InlineData("Pass the exam by 2027-06-30")]
    [InlineData("Finish the course in Q3")]
    [InlineData("Start a new job next year")]
    [InlineData("Publish my first article by 2027")]
    [InlineData("Send my CV to three recruiters by Friday")]
    public void Dates_and_time_frames_in_the_text_are_time_bound(string text) =>
        Assert.Equal(SmartStatus.Met, Statement(text).TimeBound.Status);

    [Theory]
    [InlineData("Become a team leader")]
    [InlineData("Complete two leadership courses")]
    [InlineData("Someday run my own studio")]
    [InlineData("Read 12 books")]
    public void Statements_without_a_time_frame_are_not_time_bound_yet(string text)
    {
        var timeBound = Statement(text).TimeBound;
        Assert.Equal(SmartStatus.NotYet, timeBound.Status);
        Assert.Contains("Add a date", timeBound.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_only_says_when_is_not_what_makes_a_goal_measurable()
    {
        var measurable = Statement("Become a team leader within two years").Measurable;
        Assert.Equal(SmartStatus.Met, measurable.Status);
        Assert.Contains("yes-or-no outcome", measurable.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void With_only_a_statement_achievable_and_relevant_need_input()
    {
        var verdict = Statement("Become a team leader within two years");
        Assert.Equal(SmartStatus.NeedsInput, verdict.Achievable.Status);
        Assert.Equal(SmartStatus.NeedsInput, verdict.Relevant.Status);
        Assert.False(verdict.AllMet);
    }

    [Fact]
    public void A_measure_with_a_target_is_measurable_even_if_the_text_has_no_number()
    {
        var verdict = SmartCoach.Check(new SmartInput("Network more", Measure: "coffee chats", Target: "6"), Today);
        Assert.Equal(SmartStatus.Met, verdict.Measurable.Status);
    }

    [Fact]
    public void A_measure_without_a_target_asks_for_one()
    {
        var verdict = SmartCoach.Check(new SmartInput("Network more", Measure: "coffee chats"), Today);
        Assert.Equal(SmartStatus.NotYet, verdict.Measurable.Status);
        Assert.Contains("add a target", verdict.Measurable.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, false, SmartStatus.Met)]
    [InlineData(10, false, SmartStatus.Met)]
    [InlineData(6, false, SmartStatus.NotYet)]
    [InlineData(3, true, SmartStatus.Met)]
    [InlineData(0, false, SmartStatus.NotYet)]
    [InlineData(11, false, SmartStatus.NotYet)]
    public void Confidence_of_seven_or_more_or_a_plan_makes_it_achievable(int confidence, bool plan, SmartStatus expected) =>
        Assert.Equal(expected, SmartCoach.Check(new SmartInput("Become a team lead", Confidence: confidence, HasConfidencePlan: plan), Today).Achievable.Status);

    [Theory]
    [InlineData(0, SmartStatus.NotYet)]
    [InlineData(1, SmartStatus.Met)]
    [InlineData(3, SmartStatus.Met)]
    public void At_least_one_linked_reflection_item_makes_it_relevant(int linked, SmartStatus expected) =>
        Assert.Equal(expected, SmartCoach.Check(new SmartInput("Become a team lead", LinkedItems: linked), Today).Relevant.Status);

    [Fact]
    public void A_deadline_in_the_past_is_not_time_bound()
    {
        var verdict = SmartCoach.Check(new SmartInput("Become a team lead", Deadline: Today.AddDays(-1)), Today);
        Assert.Equal(SmartStatus.NotYet, verdict.TimeBound.Status);
        Assert.Contains("already passed", verdict.TimeBound.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GoalHorizon.ShortTerm, 200, SmartStatus.Met)]
    [InlineData(GoalHorizon.ShortTerm, 500, SmartStatus.NotYet)]
    [InlineData(GoalHorizon.MediumTerm, 500, SmartStatus.Met)]
    [InlineData(GoalHorizon.MediumTerm, 100, SmartStatus.NotYet)]
    [InlineData(GoalHorizon.LongTerm, 1500, SmartStatus.Met)]
    [InlineData(GoalHorizon.LongTerm, 400, SmartStatus.NotYet)]
    public void The_deadline_must_agree_with_the_horizon(GoalHorizon horizon, int daysAhead, SmartStatus expected)
    {
        var verdict = SmartCoach.Check(new SmartInput("Become a team lead", Horizon: horizon, Deadline: Today.AddDays(daysAhead)), Today);
        Assert.Equal(expected, verdict.TimeBound.Status);
    }

    [Fact]
    public void A_fully_smart_goal_meets_all_five()
    {
        var verdict = SmartCoach.Check(
            new SmartInput("Complete two leadership courses this year", GoalHorizon.ShortTerm, "courses completed", "2", Today.AddMonths(6), 8, 2),
            Today);

        Assert.True(verdict.AllMet, string.Join(" | ", new[] { verdict.Specific, verdict.Measurable, verdict.Achievable, verdict.Relevant, verdict.TimeBound }.Select(c => c.Advice)));
    }

    [Fact]
    public void Every_criterion_always_has_advice()
    {
        foreach (var text in new[] { "", "Improve", "Become a team leader within two years" })
        {
            var v = Statement(text);
            Assert.All(new[] { v.Specific, v.Measurable, v.Achievable, v.Relevant, v.TimeBound }, c => Assert.False(string.IsNullOrWhiteSpace(c.Advice)));
        }
    }
    [Theory]
    [InlineData("Get better at my job by December")]
    [InlineData("Be a better manager within a year")]
    [InlineData("Be more visible by the end of next quarter")]
    [InlineData("Take on more responsibility in 2027")]
    public void Comparatives_with_no_target_are_neither_specific_nor_measurable_even_with_a_date(string text)
    {
        var verdict = Statement(text);
        Assert.Equal(SmartStatus.NotYet, verdict.Specific.Status);
        Assert.Equal(SmartStatus.NotYet, verdict.Measurable.Status);
        Assert.Equal(SmartStatus.Met, verdict.TimeBound.Status);
    }

    [Theory]
    [InlineData("Increase monthly sales by 15%")]
    [InlineData("Reduce overtime to under 5 hours a week")]
    [InlineData("Cut my commute in half")]
    [InlineData("Double my freelance income")]
    [InlineData("Connect with 20 people in renewable energy")]
    [InlineData("Shadow three senior designers")]
    [InlineData("Hold a one-to-one with each of my 6 reports every two weeks")]
    public void Outcome_verbs_with_a_quantity_are_specific_and_measurable(string text)
    {
        var verdict = Statement(text);
        Assert.Equal(SmartStatus.Met, verdict.Specific.Status);
        Assert.Equal(SmartStatus.Met, verdict.Measurable.Status);
    }

    [Theory]
    [InlineData("I am 34 and want to be happier at work")]
    [InlineData("With 10 years of experience I want to grow")]
    [InlineData("I have 2 goals this year")]
    [InlineData("I've been a carer for 8 years")]
    public void Numbers_that_are_not_a_measure_do_not_make_a_goal_measurable(string text) =>
        Assert.Equal(SmartStatus.NotYet, Statement(text).Measurable.Status);

    [Theory]
    [InlineData("Someday I want to open a bakery", "someday")]
    [InlineData("maybe become a nurse", "maybe")]
    [InlineData("Find a job of some kind", "of some kind")]
    public void Hedges_are_not_specific_and_the_advice_quotes_them(string text, string hedge)
    {
        var specific = Statement(text).Specific;
        Assert.Equal(SmartStatus.NotYet, specific.Status);
        Assert.Contains($"\"{hedge}\"", specific.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hold a one-to-one with each of my reports every two weeks")]
    [InlineData("Exercise 3 times a week")]
    [InlineData("Mentor a junior developer for 6 months")]
    [InlineData("Finish the course by the end of next quarter")]
    [InlineData("Pass the exam within 6 months")]
    [InlineData("Start a PGCE next September")]
    [InlineData("Pass the wine exam in the spring")]
    [InlineData("Study for 2 hours every evening until my exam")]
    public void Frequencies_durations_and_relative_dates_are_time_frames(string text) =>
        Assert.Equal(SmartStatus.Met, Statement(text).TimeBound.Status);

    [Theory]
    [InlineData("Increase monthly sales by 15%")]
    [InlineData("I've been a carer for 8 years")]
    [InlineData("Negotiate a salary of £42,000 for my next role")]
    public void A_rate_or_the_past_is_not_a_time_frame(string text) =>
        Assert.Equal(SmartStatus.NotYet, Statement(text).TimeBound.Status);

    [Theory]
    [InlineData("becom a team leader by decembr")]
    [InlineData("BECOME A TEAM LEADER BY DECEMBER")]
    public void Misspellings_and_case_are_read_as_meant(string text) =>
        Assert.True(Statement(text) is { Specific.Status: SmartStatus.Met, Measurable.Status: SmartStatus.Met, TimeBound.Status: SmartStatus.Met });

    [Fact]
    public void Advice_on_a_comparative_uses_the_persons_own_words()
    {
        var verdict = Statement("Be a better manager");
        Assert.Contains("\"Be a better manager\"", verdict.Specific.Advice, StringComparison.Ordinal);
        Assert.Contains("\"Be a better manager\"", verdict.Measurable.Advice, StringComparison.Ordinal);
        Assert.Contains("\"be a better\" is vague", verdict.Specific.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broad_change_is_measurable_but_asks_what_kind_or_where()
    {
        var verdict = Statement("Get a job");
        Assert.Equal(SmartStatus.Met, verdict.Measurable.Status);
        Assert.Equal(SmartStatus.NotYet, verdict.Specific.Status);
        Assert.Contains("\"get a job as a", verdict.Specific.Advice, StringComparison.Ordinal);
        Assert.Equal(SmartStatus.Met, Statement("Get a job in a hospital pharmacy").Specific.Status);
    }
}
