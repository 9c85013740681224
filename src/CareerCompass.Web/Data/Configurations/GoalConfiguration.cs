using CareerCompass.Domain.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareerCompass.Domain.Contacts;
using CareerCompass.Domain.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Statement).HasMaxLength(Goal.StatementLength);
        builder.Property(g => g.Measure).HasMaxLength(Goal.FieldLength);
        builder.Property(g => g.Target).HasMaxLength(Goal.FieldLength);
        builder.Property(g => g.ConfidencePlan).HasMaxLength(Limits.LongText);

        // Links to reflection items are a small list read and written with the goal: one JSON column.
        builder.Property(g => g.Links).AsJsonLinks();
        builder.HasIndex(g => new { g.OwnerId, g.Status });
        builder.HasIdempotencyKey();

        // The goal is the aggregate: its milestones, plan and history are reached through it, mapped to its private
        // lists (Milestones, PlanItems and Revisions are read-only views of them).
        builder.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(g => g.PlanItems).WithOne().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.PlanItems).HasField("_planItems").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(g => g.Revisions).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(g => g.OrderedMilestones);
        builder.Ignore(g => g.Snapshot);
    }
}

internal static class ReflectionLinksColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A list of links to reflection items stored as one JSON column (small, read and written whole).</summary>
    public static PropertyBuilder<List<ReflectionLink>> AsJsonLinks(this PropertyBuilder<List<ReflectionLink>> property) =>
        property.HasConversion(
            links => JsonSerializer.Serialize(links, Json),
            json => JsonSerializer.Deserialize<List<ReflectionLink>>(json, Json) ?? new List<ReflectionLink>(),
            new ValueComparer<List<ReflectionLink>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
}

internal sealed class GoalRevisionConfiguration : IEntityTypeConfiguration<GoalRevision>
{
    public void Configure(EntityTypeBuilder<GoalRevision> builder)
    {
        builder.Property(r => r.Statement).HasMaxLength(Goal.StatementLength);
        builder.Property(r => r.Measure).HasMaxLength(Goal.FieldLength);
        builder.Property(r => r.Target).HasMaxLength(Goal.FieldLength);
        builder.Property(r => r.Reason).HasMaxLength(GoalRevision.ReasonLength);
        builder.Property(r => r.Links).AsJsonLinks();
        builder.Ignore(r => r.Before);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Goal.FieldLength);
        builder.Property(m => m.Notes).HasMaxLength(Limits.LongText);
        builder.HasIndex(m => new { m.OwnerId, m.DueOn });
        builder.HasIndex(m => m.DueOn); // the weekly digest finds milestones due around now, for everyone at once
        builder.HasIdempotencyKey();
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.ToTable("GoalPlanItems");
        builder.Property(p => p.Text).HasMaxLength(Goal.FieldLength);
        builder.Property(p => p.Detail).HasMaxLength(Limits.LongText);
        builder.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIdempotencyKey();
    }
}
