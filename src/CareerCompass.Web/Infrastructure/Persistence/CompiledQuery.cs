using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) for a query a page runs on every view: without it, each run
/// builds the query's expression tree, and EF works out its cache key and extracts its parameters from that tree,
/// before it looks up the SQL it already has — in perf, more than SQLite's own work for a small query. A compiled
/// query belongs to the model it first ran with, so there is one per model: an app has one, but a process can hold
/// both providers' (the copy-database command and its tests).
/// </summary>
/// <typeparam name="TQuery">The compiled delegate, e.g. <c>Func&lt;AppDbContext, int, string, IAsyncEnumerable&lt;Milestone&gt;&gt;</c>.</typeparam>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
