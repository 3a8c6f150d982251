using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Planner.Migration.Migrating;
using Planner.Model;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// A database that says no to every program (locked, read-only) stops the run with its own error, the
/// CLI's exit 2; it does not fail each program in turn as if their rows were at fault.
/// </summary>
public sealed class DatabaseProblemTests
{
    private static LegacyMigrationOptions Options => new() { BatchSize = 2, Clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 12, 0)) };

    private static async Task<SqliteLegacyDatabase> HalfMigratedAsync()
    {
        var db = await SqliteLegacyDatabase.CreateAsync();
        await db.InsertNamedAsync("session_templates", TestPrograms.Templates);
        await db.InsertNamedAsync("goals", TestPrograms.Goals);
        var programs = TestPrograms.Many(8).ToList();
        await db.InsertProgramsAsync(programs.Take(4));
        var migrator = new LegacyMigrator<PlannerDbContext>(db.CreateContext, Options);
        await migrator.CreateSchemaAsync();
        Assert.Equal(4, (await migrator.MigrateAsync()).Migrated);
        await db.InsertProgramsAsync(programs.Skip(4));
        return db;
    }

    private static Func<PlannerDbContext> Contexts(string connectionString) =>
        () => new PlannerDbContext(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite(connectionString).Options);

    [Fact]
    public async Task A_read_only_database_stops_the_run_instead_of_failing_every_program()
    {
        await using var db = await HalfMigratedAsync();
        var readOnly = new SqliteConnectionStringBuilder(db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => new LegacyMigrator<PlannerDbContext>(Contexts(readOnly), Options).MigrateAsync());

        Assert.Equal(8, ((SqliteException)error).SqliteErrorCode); // SQLITE_READONLY
        Assert.Equal(4, await db.CountAsync("planner_migration_ledger"));
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_stops_the_run_instead_of_failing_every_program()
    {
        await using var db = await HalfMigratedAsync();
        var impatient = new SqliteConnectionStringBuilder(db.ConnectionString) { DefaultTimeout = 1 }.ToString();
        await using var other = new SqliteConnection(db.ConnectionString);
        await other.OpenAsync();
        await using var held = other.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, held

        var options = Options;
        options.SqliteBusyTimeout = TimeSpan.FromSeconds(1);
        var error = await Assert.ThrowsAnyAsync<DbException>(() => new LegacyMigrator<PlannerDbContext>(Contexts(impatient), options).MigrateAsync());

        Assert.Equal(5, ((SqliteException)error).SqliteErrorCode); // SQLITE_BUSY
        await held.RollbackAsync();
        Assert.Equal(4, await db.CountAsync("planner_migration_ledger"));
    }
}
