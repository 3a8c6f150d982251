using Microsoft.EntityFrameworkCore;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The SQL Server DDL of the default mapping, generated without a server and checked for what a SQL
/// Server would refuse: unbounded or oversized keys, and multiple cascade paths.
/// </summary>
public sealed class SqlServerScriptTests
{
    private const int ClusteredKeyLimit = 900;
    private const int NonClusteredKeyLimit = 1700;

    private static readonly Lazy<string> Script = new(() =>
    {
        using var context = new PlannerDbContext(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlServer("Server=none").Options);
        return context.Database.GenerateCreateScript();
    });

    private static SqlServerScript Parsed => SqlServerScript.Parse(Script.Value);

    private static (string Principal, string Dependent)[] ModelCascades()
    {
        using var context = new PlannerDbContext(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlServer("Server=none").Options);
        return context.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(k => k.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(k => (k.PrincipalEntityType.GetTableName()!, k.DeclaringEntityType.GetTableName()!))
            .ToArray();
    }

    [Fact]
    public void The_script_creates_every_table_and_index()
    {
        Assert.Equal(
            ["block_goals", "goals", "program_blocks", "program_days", "program_goals", "programs", "scheduled_sessions", "session_templates"],
            Parsed.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(6, Parsed.Indexes.Count);
        Assert.Contains("CREATE UNIQUE INDEX [ux_program_days_block_id_date] ON [program_days] ([block_id], [date]);", Script.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_foreign_key_and_index_column_is_bounded()
    {
        var keyColumns = Parsed.Tables.SelectMany(t => t.PrimaryKey.Concat(t.ForeignKeys.SelectMany(k => k.Columns)).Select(c => (Table: t.Name, Column: c)))
            .Concat(Parsed.Indexes.SelectMany(i => i.Columns.Select(c => (i.Table, Column: c))))
            .Distinct()
            .ToList();

        Assert.NotEmpty(keyColumns);
        Assert.All(keyColumns, k =>
        {
            var type = Parsed[k.Table].ColumnTypes[k.Column];
            Assert.True(SqlServerScript.KeyBytes(type) is not null, $"{k.Table}.{k.Column} is {type}: it cannot be an index key");
        });
    }

    [Fact]
    public void Primary_keys_fit_a_clustered_index()
    {
        Assert.All(Parsed.Tables, t => Assert.InRange(KeyBytes(t.Name, t.PrimaryKey), 1, ClusteredKeyLimit));
    }

    [Fact]
    public void Indexes_fit_a_nonclustered_index()
    {
        Assert.All(Parsed.Indexes, i => Assert.InRange(KeyBytes(i.Table, i.Columns), 1, NonClusteredKeyLimit));
    }

    [Fact]
    public void The_new_tables_store_dates_as_date_and_the_legacy_table_keeps_its_text()
    {
        Assert.Equal("date", Parsed["program_days"].ColumnTypes["date"]);
        Assert.Equal("date", Parsed["program_blocks"].ColumnTypes["start_date"]);
        Assert.Equal("date", Parsed["program_blocks"].ColumnTypes["end_date"]);
        Assert.Equal("nvarchar(max)", Parsed["programs"].ColumnTypes["start_date"]);
    }

    [Fact]
    public void The_cascades_give_no_table_two_paths_from_one_root()
    {
        var cascades = Parsed.Tables
            .SelectMany(t => t.ForeignKeys.Where(k => k.OnDelete is "CASCADE" or "SET NULL" or "SET DEFAULT").Select(k => (k.PrincipalTable, t.Name)))
            .ToList();

        Assert.Equal(7, cascades.Count); // programs, blocks, days down the plan; programs, blocks and goals into the links
        Assert.Empty(CascadePaths.Problems(cascades));

        // The model says the same as the script, so the check holds for what EF Core would cascade too.
        Assert.Equal(cascades.Order(), ModelCascades().Order());
        Assert.Empty(CascadePaths.Problems(ModelCascades()));
        Assert.Contains(Parsed["scheduled_sessions"].ForeignKeys, k => k is { PrincipalTable: "session_templates", OnDelete: "NO ACTION" });
    }

    [Fact]
    public void The_cascade_check_finds_a_diamond_and_a_cycle()
    {
        // programs -> blocks -> days and programs -> weeks -> days: two paths, as SQL Server would refuse.
        Assert.Single(CascadePaths.Problems([("programs", "blocks"), ("programs", "weeks"), ("blocks", "days"), ("weeks", "days")]));
        Assert.Contains(CascadePaths.Problems([("a", "b"), ("b", "a")]), p => p.StartsWith("cycle", StringComparison.Ordinal));
        Assert.Empty(CascadePaths.Problems([("goals", "links"), ("programs", "links")])); // two roots are fine
    }

    [Fact]
    public void The_key_size_check_knows_unbounded_text_cannot_be_a_key()
    {
        Assert.Null(SqlServerScript.KeyBytes("nvarchar(max)"));
        Assert.Equal(256, SqlServerScript.KeyBytes("nvarchar(128)"));
        Assert.Equal(3, SqlServerScript.KeyBytes("date"));
    }

    private static int KeyBytes(string table, IEnumerable<string> columns) =>
        columns.Sum(c => SqlServerScript.KeyBytes(Parsed[table].ColumnTypes[c]) ?? int.MaxValue / 4);
}
