using Microsoft.EntityFrameworkCore;
using Planner.Model.Tests.Infrastructure;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The options of <c>ApplyPlannerModel</c>: a schema (PostgreSQL honours it, SQLite has none) and
/// renamed tables, whose indexes and checks follow the new names.
/// </summary>
public abstract class MappingOptionsTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task Renamed_tables_are_created_under_their_new_names()
    {
        var schema = await Database.ReadSchemaAsync();

        Assert.Equal(
            ["block_goals", "goals", "plan_days", "plan_sessions", "program_blocks", "program_goals", "programs", "session_templates"],
            schema.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Indexes_checks_and_foreign_keys_follow_the_new_names()
    {
        var schema = await Database.ReadSchemaAsync();

        Assert.Contains("ux_plan_days_block_id_date: unique (block_id, date)", schema["plan_days"].Indexes.Select(i => i.ToString()));
        Assert.Contains("ux_plan_sessions_day_id_position: unique (day_id, position)", schema["plan_sessions"].Indexes.Select(i => i.ToString()));
        Assert.Equal("ck_plan_days_readiness", Assert.Single(schema["plan_days"].Checks).Name);
        Assert.Contains("(day_id) -> plan_days(id) on delete CASCADE", schema["plan_sessions"].ForeignKeys.Select(k => k.ToString()));
    }

    [Fact]
    public async Task A_plan_round_trips_through_the_renamed_tables_and_their_rules_hold()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);

        await using (var context = Database.CreateContext())
        {
            var program = await context.Programs.Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
                .AsSplitQuery()
                .SingleAsync(p => p.Id == plan.Program.Id);
            Assert.Equal(plan.Sessions.Count(), program.Blocks.SelectMany(b => b.Days).Sum(d => d.Sessions.Count));
            Assert.Contains("plan_days", context.Days.Where(d => d.BlockId == plan.Base.Id).ToQueryString(), StringComparison.Ordinal);
        }

        await using (var context = Database.CreateContext())
        {
            context.Days.Add(new ProgramDay { Id = "dup-" + plan.Program.Id, BlockId = plan.Base.Id, Date = SamplePlan.BaseStart });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.Equal(ConstraintKind.Unique, Database.Violated(error));
        }
    }

    [Fact]
    public void Each_context_type_keeps_its_own_options()
    {
        Database.SkipIfUnavailable();
        using var renamed = Database.CreateContext();
        using var host = Database.CreateHostContext();

        var renamedDays = renamed.Model.FindEntityType(typeof(ProgramDay))!;
        var hostDays = host.Model.FindEntityType(typeof(ProgramDay))!;
        Assert.Equal(("plan_days", RenamedPlannerContext.SchemaName), (renamedDays.GetTableName(), renamedDays.GetSchema()));
        Assert.Equal(("program_days", (string?)null), (hostDays.GetTableName(), hostDays.GetSchema()));
    }
}

public sealed class SqliteMappingOptionsTests(SqliteRenamedDatabase database)
    : MappingOptionsTests<SqliteRenamedDatabase>(database), IClassFixture<SqliteRenamedDatabase>
{
    [Fact]
    public void Sqlite_has_no_schemas_so_its_sql_leaves_the_schema_out()
    {
        using var context = Database.CreateContext();

        // The model keeps the option; the SQLite provider drops it from every command.
        Assert.Equal(RenamedPlannerContext.SchemaName, context.Model.FindEntityType(typeof(ProgramDay))!.GetSchema());
        var sql = context.Days.Where(d => d.Readiness > 5).ToQueryString();
        Assert.Contains("FROM \"plan_days\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"plan\".", sql, StringComparison.Ordinal);
    }
}

public sealed class PostgresMappingOptionsTests(PostgresRenamedDatabase database)
    : MappingOptionsTests<PostgresRenamedDatabase>(database), IClassFixture<PostgresRenamedDatabase>
{
    [Fact]
    public async Task The_public_schema_stays_empty()
    {
        Database.SkipIfUnavailable();
        await using var context = Database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();

        Assert.Empty((await PostgresCatalog.ReadAsync(connection, "public")).Tables);
    }
}
