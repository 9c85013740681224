using CareerCompass.Domain.Common;
using CareerCompass.Domain.Contacts;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Data;

/// <summary>
/// The database, on SQLite (this type; its migrations are in <c>Data/Migrations</c>). On PostgreSQL the app uses
/// <see cref="PostgreSql.PostgreSqlDbContext"/>, the same model with migrations of its own in
/// <c>Data/PostgreSql/Migrations</c>: EF finds a context's migrations by its exact type, so each provider has one set
/// (EF's "migrations with multiple providers", one context type each).
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ReflectionStep> ReflectionSteps => Set<ReflectionStep>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

    public DbSet<GoalRevision> GoalRevisions => Set<GoalRevision>();

    public DbSet<Occupation> Occupations => Set<Occupation>();

    public DbSet<OccupationSkill> OccupationSkills => Set<OccupationSkill>();

    public DbSet<OccupationTitle> OccupationTitles => Set<OccupationTitle>();

    public DbSet<OccupationTask> OccupationTasks => Set<OccupationTask>();

    public DbSet<OccupationEducation> OccupationEducation => Set<OccupationEducation>();

    public DbSet<RelatedOccupation> RelatedOccupations => Set<RelatedOccupation>();

    public DbSet<OccupationBlsCode> OccupationBlsCodes => Set<OccupationBlsCode>();

    public DbSet<BlsWage> BlsWages => Set<BlsWage>();

    public DbSet<BlsOutlook> BlsOutlook => Set<BlsOutlook>();

    public DbSet<ReferenceDataVersion> ReferenceData => Set<ReferenceDataVersion>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReviewSchedule> ReviewSchedules => Set<ReviewSchedule>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewGoal> ReviewGoals => Set<ReviewGoal>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<CounsellorGrant> CounsellorGrants => Set<CounsellorGrant>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<CommentRead> CommentReads => Set<CommentRead>();

    public DbSet<CommentNotice> CommentNotices => Set<CommentNotice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<IdentityRole>().HasData(
            RoleRow("b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0001", AppRoles.Client),
            RoleRow("b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0002", AppRoles.Counsellor),
            RoleRow("b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0003", AppRoles.Admin));

        // One rule for every record a person owns: it belongs to one account, goes with it when the account is
        // deleted, is found by owner through an index, and carries a version that refuses stale saves.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(OwnedEntity).IsAssignableFrom(e.ClrType)))
        {
            var owned = builder.Entity(entity.ClrType);
            owned.Property(nameof(OwnedEntity.OwnerId)).IsRequired();
            owned.HasOne(typeof(AppUser)).WithMany().HasForeignKey(nameof(OwnedEntity.OwnerId)).OnDelete(DeleteBehavior.Cascade);
            if (!entity.GetIndexes().Any(i => i.Properties[0].Name == nameof(OwnedEntity.OwnerId)))
            {
                owned.HasIndex(nameof(OwnedEntity.OwnerId));
            }

            owned.Property(nameof(OwnedEntity.Version)).IsConcurrencyToken();
        }
    }

    private static IdentityRole RoleRow(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
