using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The default mapping builds, and the planner's usual queries translate, without a single EF Core
/// warning (client evaluation, converters, keys...) on SQLite and on SQL Server; no server needed.
/// </summary>
public sealed class ModelWarningTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "sqlserver" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_default_mapping_and_its_usual_queries_log_no_warnings(string provider)
    {
        var warnings = new List<string>();
        var builder = new DbContextOptionsBuilder<PlannerDbContext>()
            // How many EF Core service providers the whole test run has built says nothing about the mapping.
            .LogTo((id, level) => level >= LogLevel.Warning && id != CoreEventId.ManyServiceProvidersCreatedWarning, e => warnings.Add($"{e.EventId.Name}: {e}"))
            .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning));
        var options = (provider == "sqlite" ? builder.UseSqlite("Data Source=:memory:") : builder.UseSqlServer("Server=none")).Options;
        using var context = new PlannerDbContext(options);
        var from = new LocalDate(2024, 1, 1);
        var to = from.PlusDays(6);

        var queries = new[]
        {
            context.Days.Where(d => d.Block!.ProgramId == "p" && d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToQueryString(),
            context.Blocks.Where(b => b.ProgramId == "p" && b.StartDate <= to && b.EndDate >= from).OrderBy(b => b.Position).ToQueryString(),
            context.Blocks.Where(b => b.GoalLinks.Any(l => l.GoalId == "g")).ToQueryString(),
            context.Sessions.Where(s => s.Day!.Date == from && s.IsCompleted).OrderBy(s => s.Position).ToQueryString(),
            context.Programs.Where(p => p.StartDate <= from).ToQueryString(),
            context.Database.GenerateCreateScript(),
        };

        Assert.All(queries, q => Assert.False(string.IsNullOrWhiteSpace(q)));
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_warning_capture_sees_a_warning_when_there_is_one()
    {
        // A query shape EF Core warns about (Skip without OrderBy), to show the capture works.
        var warnings = new List<string>();
        var options = new DbContextOptionsBuilder<PlannerDbContext>()
            .LogTo((_, level) => level >= LogLevel.Warning, e => warnings.Add(e.EventId.Name ?? string.Empty))
            .UseSqlite("Data Source=:memory:")
            .Options;
        using var context = new PlannerDbContext(options);

        _ = context.Blocks.Skip(1).Take(1).ToQueryString();

        // One for the Skip, one for the Take.
        Assert.Equal([CoreEventId.RowLimitingOperationWithoutOrderByWarning.Name!, CoreEventId.RowLimitingOperationWithoutOrderByWarning.Name!], warnings);
    }
}
