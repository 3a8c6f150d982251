using Microsoft.EntityFrameworkCore;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The schema as the database's own catalog reports it. The expectations are written out here on
/// purpose: a change of the mapping that changes the tables fails these tests until they are updated.
/// </summary>
public abstract class SchemaTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static readonly Dictionary<string, string[]> ExpectedColumns = new()
    {
        ["programs"] = ["id not null", "name not null", "start_date null", "end_date null", "goal_ids null", "weekly_schedule null"],
        ["program_blocks"] = ["id not null", "program_id not null", "legacy_id null", "position not null", "name not null", "start_date not null", "end_date not null", "color null"],
        ["program_days"] = ["id not null", "block_id not null", "date not null", "name null", "notes null", "readiness null", "concurrency_stamp not null"],
        ["scheduled_sessions"] = ["id not null", "day_id not null", "session_template_id not null", "position not null", "slot null", "notes null", "is_completed not null", "completion_data null", "concurrency_stamp not null"],
        ["session_templates"] = ["id not null", "name not null"],
        ["goals"] = ["id not null", "name not null"],
        ["program_goals"] = ["program_id not null", "goal_id not null"],
        ["block_goals"] = ["block_id not null", "goal_id not null"],
    };

    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task The_planner_tables_sit_beside_the_hosts_own()
    {
        var schema = await Database.ReadSchemaAsync();

        Assert.Equal(
            ExpectedColumns.Keys.Append("athletes").Order(),
            schema.Tables.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Each_table_has_exactly_the_expected_columns_and_nullability()
    {
        var schema = await Database.ReadSchemaAsync();

        foreach (var (table, columns) in ExpectedColumns)
        {
            Assert.Equal(columns.Order(), schema[table].Columns.Select(c => c.ToString()).Order());
        }
    }

    [Fact]
    public async Task Primary_keys_are_the_ids_and_the_link_pairs()
    {
        var schema = await Database.ReadSchemaAsync();

        foreach (var table in ExpectedColumns.Keys.Except(["program_goals", "block_goals"]))
        {
            Assert.Equal(["id"], schema[table].PrimaryKey);
        }

        Assert.Equal(["program_id", "goal_id"], schema["program_goals"].PrimaryKey);
        Assert.Equal(["block_id", "goal_id"], schema["block_goals"].PrimaryKey);
    }

    [Fact]
    public async Task Indexes_serve_the_date_window_and_goal_queries_and_enforce_uniqueness()
    {
        var schema = await Database.ReadSchemaAsync();

        Assert.Equal(["ix_program_blocks_program_id_start_date: (program_id, start_date)"], Indexes(schema, "program_blocks"));
        Assert.Equal(["ux_program_days_block_id_date: unique (block_id, date)"], Indexes(schema, "program_days"));
        Assert.Equal(
            ["ix_scheduled_sessions_session_template_id: (session_template_id)", "ux_scheduled_sessions_day_id_position: unique (day_id, position)"],
            Indexes(schema, "scheduled_sessions"));
        Assert.Equal(["ix_program_goals_goal_id: (goal_id)"], Indexes(schema, "program_goals"));
        Assert.Equal(["ix_block_goals_goal_id: (goal_id)"], Indexes(schema, "block_goals"));
        Assert.Empty(Indexes(schema, "programs"));
        Assert.Empty(Indexes(schema, "session_templates"));
        Assert.Empty(Indexes(schema, "goals"));
    }

    [Fact]
    public async Task Foreign_keys_cascade_down_the_plan_and_protect_templates()
    {
        var schema = await Database.ReadSchemaAsync();

        Assert.Empty(ForeignKeys(schema, "programs"));
        Assert.Empty(ForeignKeys(schema, "session_templates"));
        Assert.Empty(ForeignKeys(schema, "goals"));
        Assert.Equal(["(program_id) -> programs(id) on delete CASCADE"], ForeignKeys(schema, "program_blocks"));
        Assert.Equal(["(block_id) -> program_blocks(id) on delete CASCADE"], ForeignKeys(schema, "program_days"));
        Assert.Equal(
            ["(day_id) -> program_days(id) on delete CASCADE", "(session_template_id) -> session_templates(id) on delete RESTRICT"],
            ForeignKeys(schema, "scheduled_sessions"));
        Assert.Equal(
            ["(goal_id) -> goals(id) on delete CASCADE", "(program_id) -> programs(id) on delete CASCADE"],
            ForeignKeys(schema, "program_goals"));
        Assert.Equal(
            ["(block_id) -> program_blocks(id) on delete CASCADE", "(goal_id) -> goals(id) on delete CASCADE"],
            ForeignKeys(schema, "block_goals"));
    }

    [Fact]
    public async Task Check_constraints_guard_dates_readiness_and_positions()
    {
        var schema = await Database.ReadSchemaAsync();

        AssertCheck(schema, "program_blocks", "ck_program_blocks_dates", "end_date", "start_date");
        AssertCheck(schema, "program_days", "ck_program_days_readiness", "readiness", "1", "10");
        AssertCheck(schema, "scheduled_sessions", "ck_scheduled_sessions_position", "position", "0");
        foreach (var table in new[] { "programs", "session_templates", "goals", "program_goals", "block_goals" })
        {
            Assert.Empty(schema[table].Checks);
        }
    }

    private static string[] Indexes(DatabaseSchema schema, string table) =>
        schema[table].Indexes.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static string[] ForeignKeys(DatabaseSchema schema, string table) =>
        schema[table].ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static void AssertCheck(DatabaseSchema schema, string table, string name, params string[] mentions)
    {
        var check = Assert.Single(schema[table].Checks);
        Assert.Equal(name, check.Name);
        Assert.All(mentions, m => Assert.Contains(m, check.Expression, StringComparison.Ordinal));
    }
}

public sealed class SqliteSchemaTests(SqliteDatabase database)
    : SchemaTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresSchemaTests(PostgresDatabase database)
    : SchemaTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
