using CareerCompass.Domain.Common;
using CareerCompass.Domain.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Role).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.HowMet).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Notes).HasMaxLength(Limits.LongText);
        builder.HasIdempotencyKey();
    }
}
