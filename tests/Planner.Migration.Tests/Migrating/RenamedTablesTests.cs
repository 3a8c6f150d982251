using Microsoft.EntityFrameworkCore;
using Planner.Migration.Migrating;
using Planner.Model;
using Planner.Testing.Databases;
using Planner.Testing.Legacy;

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

    [Fact]
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
        // TestPrograms.Many(5): one block and 91 days (13 weeks) a program, so 5 blocks and 455 days. Sessions: the even
        // programs (2, 4) have 4 a week (Monday, two on Wednesday, Saturday), 52 each; the odd ones (1, 3, 5) have
        // 2 a week (Tuesday, Sunday), 26 each: 104 + 78 = 182. Program goals for those whose index is not a multiple
        // of 3 (1, 2, 4, 5): 4; block goals for the even programs' blocks: 2.
        Assert.Equal(
            "plan_block_goals=2, plan_blocks=5, plan_days=455, plan_program_goals=4, plan_sessions=182",
            string.Join(", ", report.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")));
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

    [Fact]
    public async Task Phase_1_creates_the_planners_tables_in_its_schema_and_none_of_the_hosts()
    {
        await using var db = await PostgresLegacyDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE SCHEMA plan");
        foreach (var statement in LegacyDatabase.LegacyDdl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await db.ExecuteAsync(statement.Replace("CREATE TABLE ", "CREATE TABLE plan.", StringComparison.Ordinal));
        }

        foreach (var template in TestPrograms.Templates)
        {
            await db.ExecuteAsync("INSERT INTO plan.session_templates (id, name) VALUES (@id, 'x')", ("@id", template));
        }

        foreach (var goal in TestPrograms.Goals)
        {
            await db.ExecuteAsync("INSERT INTO plan.goals (id, name) VALUES (@id, 'x')", ("@id", goal));
        }

        foreach (var row in TestPrograms.Many(3))
        {
            await db.ExecuteAsync(
                "INSERT INTO plan.programs (id, name, start_date, end_date, goal_ids, weekly_schedule) VALUES (@id, @name, @start, @end, @goals, @weekly)",
                ("@id", row.Id), ("@name", row.Name), ("@start", row.StartDate), ("@end", row.EndDate), ("@goals", row.GoalIds), ("@weekly", row.WeeklySchedule));
        }

        SchemaHostContext Create() => new((DbContextOptions<SchemaHostContext>)db.Configure(new DbContextOptionsBuilder<SchemaHostContext>()).Options);
        var migrator = new LegacyMigrator<SchemaHostContext>(Create);

        var schema = await migrator.CreateSchemaAsync();
        var report = await migrator.MigrateAsync();

        Assert.Equal(
            ["block_goals", "plan_blocks", "planner_migration_ledger", "program_days", "program_goals", "scheduled_sessions"],
            schema.CreatedTables.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(schema.CreatedIndexes, i => i.Contains("athletes", StringComparison.Ordinal));
        Assert.Equal(0, await db.CountAsync("information_schema.schemata WHERE schema_name = 'crm'"));
        Assert.Equal(0, await db.CountAsync("information_schema.tables WHERE table_name = 'athletes'"));
        Assert.Equal(9, await db.CountAsync("information_schema.tables WHERE table_schema = 'plan'"));
        Assert.Equal(3, report.Migrated);
        Assert.True((await migrator.VerifyAsync()).IsClean);
    }
}

/// <summary>A host context with the planner in its own schema and a table of the host's in another.</summary>
public sealed class SchemaHostContext(DbContextOptions<SchemaHostContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Athlete>(athlete =>
        {
            athlete.ToTable("athletes", "crm");
            athlete.HasIndex(a => a.ProgramId);
        });
        modelBuilder.ApplyPlannerModel(o =>
        {
            o.Schema = "plan";
            o.Tables.Blocks = "plan_blocks";
        });
    }
}
