using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Data.PostgreSql;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSQL</c>): the same model, with the
/// migrations in this folder, written for PostgreSQL's types. Pages and services ask for <see cref="AppDbContext"/>
/// and get this one.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : AppDbContext(options);
