using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class ReviewScheduleConfiguration : IEntityTypeConfiguration<ReviewSchedule>
{
    public void Configure(EntityTypeBuilder<ReviewSchedule> builder)
    {
        builder.HasIndex(s => s.OwnerId).IsUnique(); // one schedule per person

        // On for everyone when the column arrived (the database's default); the app always writes its own value.
        builder.Property(s => s.CommentMailOn).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(s => s.CalendarToken).HasMaxLength(ReviewSchedule.TokenLength);
        builder.HasIndex(s => s.CalendarToken).IsUnique(); // the private calendar address is found by its token
        builder.HasIndex(s => s.RemindersPlanned); // the dispatcher finds schedules still to plan (migrated ones)
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.PersonId).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.LeaseOwner).HasMaxLength(64);

        // A replan (settings, a completed review) changes rows it read a moment ago; if a dispatcher marked one sent
        // meanwhile, the replan's save is refused rather than turning a sent reminder back into one to send.
        builder.Property(r => r.State).IsConcurrencyToken();

        // Written before it is sent, at most one per person, date and kind: the rule that makes a reminder go once.
        builder.HasIndex(r => new { r.PersonId, r.ForDate, r.Kind }).IsUnique();

        // What a dispatcher pass reads: pending reminders whose time has come, in time order — a range of this index,
        // so a pass costs what is due, not how many people there are.
        builder.HasIndex(r => new { r.State, r.SendAtUtc });
    }
}

internal sealed class ReviewEntityConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(Review.ReasonLength);
        builder.Property(r => r.LookBackNote).HasMaxLength(Review.TextLength);
        builder.Property(r => r.NewGoalIdeas).HasMaxLength(Review.TextLength);
        builder.HasIndex(r => new { r.OwnerId, r.CompletedOn });

        // At most one review in progress per person: a second tab's "start" finds the first instead of a twin.
        builder.HasIndex(r => r.OwnerId).IsUnique().HasFilter("\"CompletedOn\" IS NULL").HasDatabaseName("IX_Reviews_OneInProgress");

        builder.HasMany(r => r.Goals).WithOne().HasForeignKey(g => g.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Goals).HasField("_goals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.OrderedGoals);
        builder.Ignore(r => r.IsCompleted);
    }
}

internal sealed class ReviewGoalConfiguration : IEntityTypeConfiguration<ReviewGoal>
{
    public void Configure(EntityTypeBuilder<ReviewGoal> builder)
    {
        builder.Property(g => g.Statement).HasMaxLength(Goal.StatementLength);
        builder.Property(g => g.Helped).HasMaxLength(Review.TextLength);
        builder.Property(g => g.Obstacles).HasMaxLength(Review.TextLength);
        builder.Property(g => g.Feedback).HasMaxLength(Review.TextLength);
        builder.Property(g => g.FeedbackFrom).HasMaxLength(Goal.FieldLength);
        builder.Property(g => g.DecisionReason).HasMaxLength(Review.ReasonLength);
        builder.HasIndex(g => new { g.ReviewId, g.GoalId }).IsUnique();
    }
}
