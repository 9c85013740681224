using CareerCompass.Domain.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class ReflectionStepConfiguration : IEntityTypeConfiguration<ReflectionStep>
{
    public void Configure(EntityTypeBuilder<ReflectionStep> builder)
    {
        builder.HasIndex(s => new { s.OwnerId, s.Kind }).IsUnique();
        builder.Property(s => s.Answers).IsRequired();
    }
}
