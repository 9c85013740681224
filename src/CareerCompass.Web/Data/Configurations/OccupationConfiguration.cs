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

internal sealed class OccupationTaskConfiguration : IEntityTypeConfiguration<OccupationTask>
{
    public void Configure(EntityTypeBuilder<OccupationTask> builder)
    {
        builder.HasKey(t => new { t.Code, t.TaskId });
        builder.Property(t => t.TaskId).ValueGeneratedNever();
        builder.Property(t => t.Code).HasMaxLength(10);
        builder.Property(t => t.Statement).HasMaxLength(1000);
        builder.Property(t => t.TaskType).HasMaxLength(20);
        builder.HasOne<Occupation>().WithMany().HasForeignKey(t => t.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccupationEducationConfiguration : IEntityTypeConfiguration<OccupationEducation>
{
    public void Configure(EntityTypeBuilder<OccupationEducation> builder)
    {
        builder.ToTable("OccupationEducation");
        builder.HasKey(e => e.Code);
        builder.Property(e => e.Code).HasMaxLength(10);
        builder.Property(e => e.Level).HasMaxLength(300);
        builder.HasOne<Occupation>().WithOne().HasForeignKey<OccupationEducation>(e => e.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RelatedOccupationConfiguration : IEntityTypeConfiguration<RelatedOccupation>
{
    public void Configure(EntityTypeBuilder<RelatedOccupation> builder)
    {
        builder.HasKey(r => new { r.Code, r.Rank });
        builder.Property(r => r.Rank).ValueGeneratedNever();
        builder.Property(r => r.Code).HasMaxLength(10);
        builder.Property(r => r.RelatedCode).HasMaxLength(10);
        builder.Property(r => r.Tier).HasMaxLength(20);
        builder.HasOne<Occupation>().WithMany().HasForeignKey(r => r.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccupationBlsCodeConfiguration : IEntityTypeConfiguration<OccupationBlsCode>
{
    public void Configure(EntityTypeBuilder<OccupationBlsCode> builder)
    {
        builder.HasKey(b => b.Code);
        builder.Property(b => b.Code).HasMaxLength(10);
        builder.Property(b => b.BlsCode).HasMaxLength(7);
        builder.Property(b => b.Match).HasMaxLength(20);
        builder.HasOne<Occupation>().WithOne().HasForeignKey<OccupationBlsCode>(b => b.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlsWageConfiguration : IEntityTypeConfiguration<BlsWage>
{
    public void Configure(EntityTypeBuilder<BlsWage> builder)
    {
        builder.HasKey(w => w.SocCode);
        builder.Property(w => w.SocCode).HasMaxLength(7);
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.TopCoded).HasMaxLength(100);
    }
}

internal sealed class BlsOutlookConfiguration : IEntityTypeConfiguration<BlsOutlook>
{
    public void Configure(EntityTypeBuilder<BlsOutlook> builder)
    {
        builder.ToTable("BlsOutlook");
        builder.HasKey(o => o.SocCode);
        builder.Property(o => o.SocCode).HasMaxLength(7);
        builder.Property(o => o.Title).HasMaxLength(200);
    }
}
