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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Statement).HasMaxLength(Goal.StatementLength);
        builder.Property(g => g.Measure).HasMaxLength(Goal.FieldLength);
        builder.Property(g => g.Target).HasMaxLength(Goal.FieldLength);
        builder.Property(g => g.ConfidencePlan).HasMaxLength(Limits.LongText);

        // Links to reflection items are a small list read and written with the goal: one JSON column.
        builder.Property(g => g.Links)
            .HasConversion(
                links => JsonSerializer.Serialize(links, Json),
                json => JsonSerializer.Deserialize<List<ReflectionLink>>(json, Json) ?? new List<ReflectionLink>(),
                new ValueComparer<List<ReflectionLink>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
        builder.HasIndex(g => new { g.OwnerId, g.Status });
        builder.HasIdempotencyKey();
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Goal.FieldLength);
        builder.Property(m => m.Notes).HasMaxLength(Limits.LongText);
        builder.HasOne<Goal>().WithMany().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OwnerId, m.DueOn });
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
        builder.HasOne<Goal>().WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIdempotencyKey();
    }
}
