using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// Program ids ordered by a linguistic collation (PostgreSQL with ICU), where the database's order of
/// ids is not their ordinal order: every program must still be migrated, none skipped.
/// </summary>
public sealed class PostgresCollationTests
{
    [Fact]
    public async Task Programs_are_paged_and_rechecked_in_the_databases_own_order_of_ids()
    {
        await using var db = await PostgresLegacyDatabase.CreateAsync("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C.UTF-8'");
        await db.InsertNamedAsync("session_templates", TestPrograms.Templates);
        await db.InsertNamedAsync("goals", TestPrograms.Goals);

        // Ordinal order: p-B, p-D, p-a, p-c; the collation's: p-a, p-B, p-c, p-D.
        string[] ids = ["p-a", "p-B", "p-c", "p-D"];
        await db.InsertProgramsAsync(ids.Select((id, i) => TestPrograms.Program(i + 1) with { Id = id }));
        var migrator = new LegacyMigrator<PlannerDbContext>(db.CreateContext, new LegacyMigrationOptions { BatchSize = 2 });
        await migrator.CreateSchemaAsync();

        var report = await migrator.MigrateAsync();

        Assert.Equal((4, 0), (report.Migrated, report.Failed));
        Assert.Equal(4, await db.CountAsync("planner_migration_ledger"));
        Assert.Equal(4, await db.CountAsync("program_blocks"));
    }
}
