using CareerCompass.Domain.Occupations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(10);
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Ignore(o => o.InterestProfile);
        builder.Ignore(o => o.HollandCode);
    }
}

internal sealed class OccupationSkillConfiguration : IEntityTypeConfiguration<OccupationSkill>
{
    public void Configure(EntityTypeBuilder<OccupationSkill> builder)
    {
        builder.HasKey(s => new { s.Code, s.ElementId });
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.Property(s => s.ElementId).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasOne<Occupation>().WithMany().HasForeignKey(s => s.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccupationTitleConfiguration : IEntityTypeConfiguration<OccupationTitle>
{
    public void Configure(EntityTypeBuilder<OccupationTitle> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(10);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.SearchText).HasMaxLength(300);
        builder.HasOne<Occupation>().WithMany().HasForeignKey(t => t.Code).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Code);
    }
}

internal sealed class ReferenceDataVersionConfiguration : IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceDataVersion> builder)
    {
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.Version).HasMaxLength(50);
    }
}
