using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Reflection;

public sealed class ReflectionStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void There_are_seven_steps_numbered_in_order()
    {
        Assert.Equal(7, ReflectionSteps.Count);
        Assert.Equal(Enumerable.Range(1, 7), ReflectionSteps.All.Select(s => s.Number));
    }

    [Fact]
    public void Resume_at_the_first_unfinished_step_even_if_later_ones_are_done()
    {
        var resume = ReflectionSteps.ResumeAt([ReflectionStepKind.Interests, ReflectionStepKind.Strengths]);
        Assert.Equal(ReflectionStepKind.Values, resume!.Kind);
    }

    [Fact]
    public void A_new_person_resumes_at_step_one_and_a_finished_one_nowhere()
    {
        Assert.Equal(ReflectionStepKind.Interests, ReflectionSteps.ResumeAt([])!.Kind);
        Assert.Null(ReflectionSteps.ResumeAt(Enum.GetValues<ReflectionStepKind>()));
    }

    [Fact]
    public void Answers_round_trip_with_ids_given_to_new_rows_and_kept_for_old_ones()
    {
        var step = ReflectionStep.Start("owner", ReflectionStepKind.Interests);
        var keep = Guid.NewGuid();

        step.Save(new InterestsAnswers
        {
            Energizers = "  Puzzles and people ",
            Items = [new() { Id = keep, Text = "Chess", Energy = 4 }, new() { Text = " Hiking ", Energy = 5 }, new() { Text = "  " }],
            Explorer = [new() { ActivityId = "r1", Rating = 2 }, new() { ActivityId = "r2" }],
        }, complete: false, Now);
        var read = step.Read<InterestsAnswers>();

        Assert.Equal("Puzzles and people", read.Energizers);
        Assert.Equal(["Chess", "Hiking"], read.Items.Select(i => i.Text));
        Assert.Equal(keep, read.Items[0].Id);
        Assert.NotEqual(Guid.Empty, read.Items[1].Id);
        Assert.Single(read.Explorer);
        Assert.False(step.IsCompleted);
    }

    [Fact]
    public void Completing_a_step_records_when_and_autosave_never_undoes_it()
    {
        var step = ReflectionStep.Start("owner", ReflectionStepKind.Vision);
        step.Save(new VisionAnswers { OneYear = "Lead a small team" }, complete: true, Now);
        step.Save(new VisionAnswers { OneYear = "Lead a team" }, complete: false, Now.AddDays(1));

        Assert.Equal(Now.UtcDateTime, step.CompletedAtUtc);
        Assert.Equal("Lead a team", step.Read<VisionAnswers>().OneYear);
    }

    [Fact]
    public void A_step_refuses_answers_of_another_step()
    {
        var step = ReflectionStep.Start("owner", ReflectionStepKind.Vision);
        Assert.Throws<InvalidOperationException>(() => step.Save(new ValuesAnswers(), complete: false, Now));
        Assert.Throws<InvalidOperationException>(() => step.Read<ValuesAnswers>());
    }

    [Fact]
    public void Vision_items_have_stable_ids_by_kind()
    {
        var vision = (VisionAnswers)new VisionAnswers { OneYear = " Lead a team ", Impact = "", Why = "Growth" }.Normalized();
        Assert.Equal([VisionItemKind.OneYear, VisionItemKind.Why], vision.Items.Select(i => i.Kind));
    }

    [Fact]
    public void An_occupation_is_added_once_and_never_past_fifty_options()
    {
        var options = new OptionsAnswers();
        for (var i = 0; i < ReflectionLimits.MaxItems; i++)
        {
            options = options.WithOccupation($"Job {i}", $"11-{i:0000}.00");
        }

        Assert.Same(options, options.WithOccupation("Job 3", "11-0003.00"));
        var error = Assert.Throws<CareerCompass.Domain.Common.DomainRuleException>(() => options.WithOccupation("One more", "15-1252.00"));
        Assert.Contains("50 career options", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReflectionLimits.MaxItems, options.Options.Count);
    }
}
