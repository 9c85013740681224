using CareerCompass.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerCompass.Web.Data;

/// <summary>
/// A create form (new goal, contact, milestone, plan item) carries a fresh Guid in a hidden field; the record it
/// creates stores it, unique per owner. The same form sent again — a double click, a re-post on refresh, a retry
/// on a slow line — finds the record already made and lands on it instead of creating a second. The key is
/// persistence-only (an EF shadow property), not part of the domain.
/// </summary>
public static class IdempotencyKeys
{
    public const string Column = "IdempotencyKey";

    public static void HasIdempotencyKey<T>(this EntityTypeBuilder<T> builder)
        where T : OwnedEntity
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property<Guid?>(Column);
        builder.HasIndex(nameof(OwnedEntity.OwnerId), Column).IsUnique();
    }

    /// <summary>Stores the form's key with a record being added (an empty key stores nothing).</summary>
    public static void SetIdempotencyKey<T>(this DbContext db, T record, Guid key)
        where T : OwnedEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Entry(record).State == EntityState.Detached)
        {
            // Added through its aggregate (a goal's list) rather than a DbSet: let the context find it first.
            db.ChangeTracker.DetectChanges();
        }

        db.Entry(record).Property<Guid?>(Column).CurrentValue = key == Guid.Empty ? null : key;
    }

    /// <summary>The id of the owner's record created with this key, if there is one.</summary>
    public static async Task<int?> CreatedWithAsync<T>(this IQueryable<T> records, string ownerId, Guid key)
        where T : OwnedEntity
    {
        if (key == Guid.Empty)
        {
            return null;
        }

        var ids = await records.Where(r => r.OwnerId == ownerId && EF.Property<Guid?>(r, Column) == key).Select(r => r.Id).Take(1).ToListAsync();
        return ids.Count == 0 ? null : ids[0];
    }
}
