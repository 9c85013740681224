using CareerCompass.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data.Configurations;

internal sealed class CounsellorGrantConfiguration : IEntityTypeConfiguration<CounsellorGrant>
{
    public void Configure(EntityTypeBuilder<CounsellorGrant> builder)
    {
        builder.Property(g => g.CounsellorEmail).HasMaxLength(CounsellorGrant.EmailLength);
        builder.Property(g => g.NormalizedEmail).HasMaxLength(CounsellorGrant.EmailLength);
        builder.HasIndex(g => g.NormalizedEmail); // a counsellor's waiting invitations, found by their address

        // The counsellor's account: their grants (the caseload) through this index; if that account goes, the grant
        // no longer names anyone and so lets nobody in.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.CounsellorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Body).HasMaxLength(Comment.BodyLength);
        builder.HasIndex(c => new { c.OwnerId, c.Target, c.TargetId }); // the comments on one of the client's records
        builder.HasIndex(c => c.WrittenAtUtc); // the comment e-mail pass: threads with recent comments
        builder.HasIdempotencyKey(); // the same comment form sent twice posts one comment

        // A counsellor who deletes their account leaves their comments, shown as "a former counsellor".
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CommentReadConfiguration : IEntityTypeConfiguration<CommentRead>
{
    public void Configure(EntityTypeBuilder<CommentRead> builder)
    {
        // One mark per reader and thread: the caseload finds it for each comment through this index.
        builder.HasIndex(r => new { r.ReaderId, r.OwnerId, r.Target, r.TargetId }).IsUnique();

        // A reader's marks say nothing to anyone else: they go with the reader's account (and with the client's).
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReaderId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentNoticeConfiguration : IEntityTypeConfiguration<CommentNotice>
{
    public void Configure(EntityTypeBuilder<CommentNotice> builder)
    {
        // One notice per recipient and thread: two instances e-mailing about the same thread collide here.
        builder.HasIndex(n => new { n.RecipientId, n.OwnerId, n.Target, n.TargetId }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.Property(e => e.CounsellorId).IsRequired(); // kept as it was when the counsellor read: no foreign key
        builder.Property(e => e.Path).HasMaxLength(AccessLogEntry.PathLength);
        builder.HasIndex(e => new { e.OwnerId, e.AtUtc }); // the client's log, newest first, a page at a time
        builder.HasIndex(e => e.AtUtc); // removing entries past the two-year retention
    }
}
