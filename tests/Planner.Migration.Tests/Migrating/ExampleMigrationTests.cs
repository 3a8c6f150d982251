using System.Text.Json;
using System.Text.RegularExpressions;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// The example rows of <c>docs/examples</c> migrated into a real database with the real
/// converter: the counts their README states, and rows exactly as the converter gives them.
/// </summary>
public abstract partial class ExampleMigrationTests
{
    protected abstract Task<LegacyDatabase> NewDatabaseAsync();

    [Fact]
    public async Task The_examples_migrate_to_exactly_the_converters_rows()
    {
        var expected = LegacyExamples.Expectations();
        var rows = expected.Keys.Select(file => (File: file, Row: LegacyExamples.Row(file))).ToList();
        var conversions = rows.ToDictionary(r => r.Row.Id, r => new LegacyConverter().Convert(r.Row));

        await using var db = await NewDatabaseAsync();
        var legacyBefore = await db.DumpAsync(LegacyDatabase.LegacyTables);
        await db.InsertNamedAsync("session_templates", conversions.Values.SelectMany(c => c.Sessions.Select(s => s.SessionTemplateId)).Distinct());
        await db.InsertNamedAsync("goals", conversions.Values.SelectMany(c => c.ProgramGoalIds.Concat(c.BlockGoals.Select(g => g.GoalId))).Distinct());
        await db.InsertProgramsAsync(rows.Select(r => r.Row));
        var legacy = await db.DumpAsync(LegacyDatabase.LegacyTables);
        var migrator = new LegacyMigrator<PlannerDbContext>(db.CreateContext, new LegacyMigrationOptions { BatchSize = 2 });
        await migrator.CreateSchemaAsync();

        var report = await migrator.MigrateAsync();

        Assert.NotEqual(legacyBefore, legacy);
        Assert.Equal(legacy, await db.DumpAsync(LegacyDatabase.LegacyTables));
        await using var context = db.CreateContext();
        var tables = PlannerTables.For(context);
        foreach (var (file, row) in rows)
        {
            var (blocks, days, sessions, codes) = expected[file];
            var written = await ProgramRows.ReadAsync(context, row.Id, default);
            Assert.Equal((blocks, days, sessions), (written.Blocks.Count, written.Days.Count, written.Sessions.Count));
            Assert.Equal(ProgramRows.From(conversions[row.Id]).Images(tables), written.Images(tables), new RowImageComparer());
            var reported = report.Failures.Where(f => f.ProgramId == row.Id).SelectMany(f => f.Diagnostics)
                .Concat(report.Warnings.Where(w => w.ProgramId == row.Id).Select(w => w.Diagnostic))
                .Select(d => d.Code);
            Assert.Equal(codes.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        }

        Assert.True((await migrator.VerifyAsync()).IsClean);
        var rerun = await migrator.MigrateAsync();
        Assert.Equal(0, rerun.Migrated);
    }

    private sealed class RowImageComparer : IEqualityComparer<RowImage>
    {
        public bool Equals(RowImage? x, RowImage? y) =>
            x is not null && y is not null && x.Table == y.Table && x.Key == y.Key && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(RowImage obj) => HashCode.Combine(obj.Table, obj.Key);
    }
}

public sealed class SqliteExampleMigrationTests : ExampleMigrationTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await SqliteLegacyDatabase.CreateAsync();
}

public sealed class PostgresExampleMigrationTests : ExampleMigrationTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await PostgresLegacyDatabase.CreateAsync();
}
