using Microsoft.EntityFrameworkCore;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Migration.Tests.Migrating;

/// <summary>A host context that renames the planner's new tables: the migrator takes every name from the EF model.</summary>
public sealed class RenamedTablesContext(DbContextOptions<RenamedTablesContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyPlannerModel(o =>
    {
        o.Tables.Blocks = "plan_blocks";
        o.Tables.Days = "plan_days";
        o.Tables.Sessions = "plan_sessions";
        o.Tables.ProgramGoals = "plan_program_goals";
        o.Tables.BlockGoals = "plan_block_goals";
    });
}

public abstract class RenamedTablesTests
{
    protected abstract Task<LegacyDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task A_host_that_renames_the_tables_gets_them_created_written_and_verified_under_its_names()
    {
        await using var db = await NewDatabaseAsync();
        await db.InsertNamedAsync("session_templates", TestPrograms.Templates);
        await db.InsertNamedAsync("goals", TestPrograms.Goals);
        await db.InsertProgramsAsync(TestPrograms.Many(5));
        RenamedTablesContext Create() => new((DbContextOptions<RenamedTablesContext>)db.Configure(new DbContextOptionsBuilder<RenamedTablesContext>()).Options);
        var migrator = new LegacyMigrator<RenamedTablesContext>(Create, new LegacyMigrationOptions { BatchSize = 2 });

        var schema = await migrator.CreateSchemaAsync();
        var report = await migrator.MigrateAsync();

        Assert.Equal(
            ["plan_block_goals", "plan_blocks", "plan_days", "plan_program_goals", "plan_sessions", "planner_migration_ledger"],
            schema.CreatedTables.Order(StringComparer.Ordinal));
        Assert.Equal(5, report.Migrated);
        Assert.Equal(await db.CountAsync("plan_days"), report.Rows["plan_days"]);
        Assert.True(report.Rows["plan_sessions"] > 0);
        Assert.Equal(report.Rows["plan_sessions"], await db.CountAsync("plan_sessions"));
        Assert.Equal(report.Rows["plan_block_goals"], await db.CountAsync("plan_block_goals"));
        Assert.True((await migrator.VerifyAsync()).IsClean);
        Assert.True((await migrator.CreateSchemaAsync()).IsEmpty);
    }
}

public sealed class SqliteRenamedTablesTests : RenamedTablesTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await SqliteLegacyDatabase.CreateAsync();
}

public sealed class PostgresRenamedTablesTests : RenamedTablesTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await PostgresLegacyDatabase.CreateAsync();
}
