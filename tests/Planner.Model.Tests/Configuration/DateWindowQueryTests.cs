using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Tests.Infrastructure;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// Date-window queries run in SQL under each date mapping: the results are right, and the commands
/// sent carry the comparisons and the ordering on the date columns (nothing is filtered or sorted on
/// the client).
/// </summary>
public abstract class DateWindowQueryTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    /// <summary>The type the database reports for <c>program_days.date</c> under this mapping.</summary>
    protected abstract string DateColumnType { get; }

    [Fact]
    public async Task A_programs_days_in_a_window_come_back_in_date_order()
    {
        var plan = await SavedPlanAsync();
        var from = new LocalDate(2024, 1, 10);
        var to = new LocalDate(2024, 1, 16); // crosses from Base into Peak
        var log = new SqlLog();

        await using var context = Database.CreateContext(log);
        var days = await context.Days
            .Where(d => d.Block!.ProgramId == plan.Program.Id && d.Date >= from && d.Date <= to)
            .OrderByDescending(d => d.Date)
            .ToListAsync();

        Assert.Equal(Dates(from, to).Reverse(), days.Select(d => d.Date));
        AssertFiltersOn(log.Last, "date");
        Assert.Matches(new Regex(@"ORDER BY\s+[^\n]*\bdate""?\s+DESC", RegexOptions.IgnoreCase), log.Last);
    }

    [Fact]
    public async Task Blocks_overlapping_a_window_are_found_in_sql()
    {
        var plan = await SavedPlanAsync();

        Assert.Equal([plan.Base.Id, plan.Peak.Id], await OverlappingAsync(plan, new LocalDate(2024, 1, 12), new LocalDate(2024, 1, 20)));
        Assert.Equal([plan.Base.Id], await OverlappingAsync(plan, new LocalDate(2023, 12, 25), new LocalDate(2024, 1, 1)));
        Assert.Equal([plan.Peak.Id], await OverlappingAsync(plan, SamplePlan.PeakEnd, SamplePlan.PeakEnd.PlusDays(30)));
        Assert.Empty(await OverlappingAsync(plan, SamplePlan.PeakEnd.PlusDays(1), SamplePlan.PeakEnd.PlusDays(30)));
    }

    [Fact]
    public async Task The_first_and_last_dates_of_a_program_are_computed_in_sql()
    {
        var plan = await SavedPlanAsync();
        var log = new SqlLog();

        await using var context = Database.CreateContext(log);
        var days = context.Days.Where(d => d.Block!.ProgramId == plan.Program.Id);
        var first = await days.MinAsync(d => d.Date);
        Assert.Contains("MIN(", log.Last, StringComparison.OrdinalIgnoreCase);
        var last = await days.MaxAsync(d => d.Date);
        Assert.Contains("MAX(", log.Last, StringComparison.OrdinalIgnoreCase);

        Assert.Equal((plan.Days.Min(d => d.Date), plan.Days.Max(d => d.Date)), (first, last));
        Assert.Equal((SamplePlan.BaseStart, SamplePlan.PeakEnd), (first, last));
    }

    [Fact]
    public async Task Days_in_an_open_window_are_counted_in_sql()
    {
        var plan = await SavedPlanAsync();
        var log = new SqlLog();

        await using var context = Database.CreateContext(log);
        var named = await context.Days
            .Where(d => d.Block!.ProgramId == plan.Program.Id && d.Date > SamplePlan.BaseStart && d.Date < SamplePlan.PeakEnd && d.Name != null)
            .CountAsync();

        Assert.Equal(plan.Days.Count(d => d.Date > SamplePlan.BaseStart && d.Date < SamplePlan.PeakEnd && d.Name != null), named);
        Assert.Equal(3, named); // the Sundays 7, 14 and 21 January; the 28th is the end, excluded
        AssertFiltersOn(log.Last, "date");
    }

    [Fact]
    public async Task Blocks_are_found_by_goal_in_sql()
    {
        var plan = await SavedPlanAsync();
        var log = new SqlLog();

        await using var context = Database.CreateContext(log);
        var blocks = await context.Blocks.Where(b => b.GoalLinks.Any(l => l.GoalId == plan.Goal.Id)).Select(b => b.Id).ToListAsync();

        Assert.Equal([plan.Base.Id], blocks);
        Assert.Contains("block_goals", log.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_column_has_the_mappings_type()
    {
        Database.SkipIfUnavailable();
        await using var context = Database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();

        var schema = await Database.ReadSchemaAsync(connection);

        Assert.Equal(DateColumnType, schema["program_days"].Columns.Single(c => c.Name == "date").Type);
        Assert.Equal(DateColumnType, schema["program_blocks"].Columns.Single(c => c.Name == "start_date").Type);
    }

    private static IEnumerable<LocalDate> Dates(LocalDate from, LocalDate to)
    {
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            yield return date;
        }
    }

    private static void AssertFiltersOn(string sql, string column)
    {
        var where = sql.IndexOf("WHERE", StringComparison.OrdinalIgnoreCase);
        Assert.True(where >= 0, "No WHERE clause in: " + sql);
        Assert.Matches(new Regex($@"\b{column}""?\s*(>=|>)", RegexOptions.IgnoreCase), sql[where..]);
        Assert.Matches(new Regex($@"\b{column}""?\s*(<=|<)", RegexOptions.IgnoreCase), sql[where..]);
    }

    private async Task<List<string>> OverlappingAsync(SamplePlan plan, LocalDate from, LocalDate to)
    {
        var log = new SqlLog();
        await using var context = Database.CreateContext(log);
        var blocks = await context.Blocks
            .Where(b => b.ProgramId == plan.Program.Id && b.StartDate <= to && b.EndDate >= from)
            .OrderBy(b => b.StartDate)
            .Select(b => b.Id)
            .ToListAsync();
        Assert.Matches(new Regex(@"WHERE[\s\S]*\bstart_date""?\s*<=[\s\S]*\bend_date""?\s*>=[\s\S]*ORDER BY\s+[^\n]*\bstart_date\b", RegexOptions.IgnoreCase), log.Last);
        return blocks;
    }

    private async Task<SamplePlan> SavedPlanAsync()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);
        return plan;
    }
}

public sealed class SqliteDateWindowQueryTests(SqliteDatabase database)
    : DateWindowQueryTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>
{
    protected override string DateColumnType => "TEXT";
}

public sealed class SqliteIsoTextDateWindowQueryTests(SqliteIsoTextDatabase database)
    : DateWindowQueryTests<SqliteIsoTextDatabase>(database), IClassFixture<SqliteIsoTextDatabase>
{
    protected override string DateColumnType => "TEXT";
}

public sealed class PostgresDateWindowQueryTests(PostgresDatabase database)
    : DateWindowQueryTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>
{
    protected override string DateColumnType => "date";
}

public sealed class PostgresIsoTextDateWindowQueryTests(PostgresIsoTextDatabase database)
    : DateWindowQueryTests<PostgresIsoTextDatabase>(database), IClassFixture<PostgresIsoTextDatabase>
{
    protected override string DateColumnType => "character varying";
}

public sealed class PostgresProviderNativeDateWindowQueryTests(PostgresNodaTimeDatabase database)
    : DateWindowQueryTests<PostgresNodaTimeDatabase>(database), IClassFixture<PostgresNodaTimeDatabase>
{
    protected override string DateColumnType => "date";
}
