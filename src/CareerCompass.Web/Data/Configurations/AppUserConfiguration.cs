using CareerCompass.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) =>
        builder.Property(u => u.TimeZone).HasMaxLength(PersonTimeZone.MaxLength).IsRequired().HasDefaultValue(PersonTimeZone.Default);
}
