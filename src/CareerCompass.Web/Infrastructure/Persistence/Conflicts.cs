using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>
/// Telling a genuine conflict between two saves (another request saved the same row first, or inserted the same
/// unique key) from other failures, and the bounded, randomised pause before trying again. Both providers' errors
/// mean the same here: SQLite's extended result codes, PostgreSQL's SQLSTATEs (<c>23505</c> unique, <c>23503</c>
/// foreign key, and <c>40001</c> / <c>40P01</c>, a serialization failure or deadlock, which is "another save got
/// there first" too).
/// </summary>
public static class Conflicts
{
    /// <summary>Enough for dozens of simultaneous writers to one record; the pauses add up to a couple of seconds at most.</summary>
    public const int MaxAttempts = 40;

    public const string BusyMessage = "A lot was changing here at once, so this didn't go through. Nothing was lost — please try again.";

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Another save got there first: a row changed or went (version check), or a unique key was just taken.</summary>
    public static bool IsRetryable(DbUpdateException failure) =>
        failure is DbUpdateConcurrencyException || IsUniqueViolation(failure) ||
        failure.InnerException is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    public static bool IsUniqueViolation(DbUpdateException failure) =>
        failure?.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsForeignKeyViolation(Exception? failure) =>
        failure is DbUpdateException { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintForeignKey } or PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } };

    /// <summary>A short random pause that grows with each attempt, so writers that collided don't collide again in step.</summary>
    public static Task PauseAsync(int attempt) =>
        Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10) + 1));
}
