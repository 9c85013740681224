namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// A test of something only SQLite has (its file, <c>PRAGMA</c>s, its own migrations' upgrade path): it runs in the
/// SQLite run of the suite and is skipped, with the reason, in the PostgreSQL run.
/// </summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (PostgresServer.IsTheProvider)
        {
            Skip = "SQLite only: this is about SQLite's own file, statistics or migrations.";
        }
    }
}
