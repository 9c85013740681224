using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// What SQLite's single writer gave for free, PostgreSQL gets from advisory locks: a check-then-write (an invitation,
/// the O*NET import at start-up) runs for one transaction at a time, however many requests or instances try at once.
/// </summary>
public sealed class PostgreSqlLockTests
{
    [Fact]
    public async Task A_second_transaction_waits_for_the_lock_until_the_first_commits()
    {
        var database = await PostgresServer.CreateDatabaseAsync("lock");
        try
        {
            await using var first = NewContext(database);
            await using var second = NewContext(database);
            await using var third = NewContext(database);
            await using var held = await first.Database.BeginTransactionAsync();
            await first.Database.LockAsync("invite:someone");

            await using var waiting = await second.Database.BeginTransactionAsync();
            var acquired = second.Database.LockAsync("invite:someone");
            await using var elsewhere = await third.Database.BeginTransactionAsync();
            var other = third.Database.LockAsync("invite:someone-else");
            // Another name is not held up at all.
            await other.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(500);
            Assert.False(acquired.IsCompleted, "The second transaction took a lock the first still held.");

            await held.CommitAsync();
            await acquired.WaitAsync(TimeSpan.FromSeconds(30));
            await waiting.CommitAsync();
            await elsewhere.CommitAsync();
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_import_the_reference_data_once()
    {
        var database = await PostgresServer.CreateDatabaseAsync("twoimports");
        try
        {
            await using (var setup = NewContext(database))
            {
                await setup.Database.MigrateAsync();
            }

            await using var one = NewContext(database);
            await using var two = NewContext(database);
            await Task.WhenAll(
                OnetImport.ImportIfNeededAsync(one, OnetImport.DefaultFolder, NullLogger.Instance),
                OnetImport.ImportIfNeededAsync(two, OnetImport.DefaultFolder, NullLogger.Instance));

            await using var check = NewContext(database);
            Assert.Equal(923, await check.Occupations.CountAsync());
            Assert.Equal(1, await check.ReferenceData.CountAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private static PostgreSqlDbContext NewContext(string connectionString) =>
        new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(connectionString).Options);
}
