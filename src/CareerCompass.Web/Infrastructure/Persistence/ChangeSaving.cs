using CareerCompass.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Persistence;

public enum SaveResult
{
    Saved,

    /// <summary>A rule of the model refused the change; its message is in ModelState, next to its field.</summary>
    RuleBroken,

    /// <summary>Someone saved the record after this form was loaded; nothing was written.</summary>
    Stale,

    /// <summary>The same create form was stored a moment ago (its idempotency key is taken); nothing new was written.</summary>
    Duplicate,
}

/// <summary>
/// The one way an edit form saves: apply the change through the domain, save, and turn a broken rule or a stale
/// version into a message for the person instead of an error page.
/// </summary>
public static class ChangeSaving
{
    public static async Task<SaveResult> ApplyAndSaveAsync(
        this DbContext db, ModelStateDictionary modelState, string prefix, string staleMessage, Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
            await db.SaveChangesAsync();
            return SaveResult.Saved;
        }
        catch (DomainRuleException rule)
        {
            modelState.AddModelError(rule.Field.Length == 0 ? string.Empty : $"{prefix}.{rule.Field}", rule.Message);
            return SaveResult.RuleBroken;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(string.Empty, staleMessage);
            return SaveResult.Stale;
        }
        catch (DbUpdateException duplicate) when (Conflicts.IsUniqueViolation(duplicate))
        {
            db.ChangeTracker.Clear();
            return SaveResult.Duplicate;
        }
    }
}
