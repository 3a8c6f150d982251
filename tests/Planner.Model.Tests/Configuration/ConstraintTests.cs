using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// Each rule the database enforces, tried with a bad row written through a fresh context (or plain
/// SQL): the database must refuse it, for the reason expected, and take the good rows beside it.
/// </summary>
public abstract class ConstraintTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task A_block_ending_before_it_starts_is_refused()
    {
        var plan = await SavedPlanAsync();
        var start = new LocalDate(2024, 3, 1);

        await AssertRefusedAsync(ConstraintKind.Check, NewBlock(plan, start, start.PlusDays(-1)));
        await AssertAcceptedAsync(NewBlock(plan, start, start)); // one day long is fine
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public async Task Readiness_outside_1_to_10_is_refused(int readiness)
    {
        var plan = await SavedPlanAsync();

        await AssertRefusedAsync(ConstraintKind.Check, NewDay(plan.Peak, SamplePlan.PeakEnd.PlusDays(1), readiness));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(null)]
    public async Task Readiness_from_1_to_10_or_none_is_accepted(int? readiness)
    {
        var plan = await SavedPlanAsync();

        await AssertAcceptedAsync(NewDay(plan.Peak, SamplePlan.PeakEnd.PlusDays(1), readiness));
    }

    [Fact]
    public async Task Readiness_written_with_plain_sql_is_refused_too()
    {
        var plan = await SavedPlanAsync();
        var day = plan.Day(SamplePlan.BaseStart);

        await using var context = Database.CreateContext();
        await Assert.ThrowsAnyAsync<DbException>(
            () => context.Database.ExecuteSqlRawAsync("UPDATE program_days SET readiness = 11 WHERE id = {0}", day.Id));
        Assert.Null((await context.Days.SingleAsync(d => d.Id == day.Id)).Readiness);
    }

    [Fact]
    public async Task A_second_day_for_the_same_date_of_a_block_is_refused()
    {
        var plan = await SavedPlanAsync();

        await AssertRefusedAsync(ConstraintKind.Unique, NewDay(plan.Base, SamplePlan.BaseStart, null));

        // The same date in another block is another day (overlapping blocks each get their own days).
        await AssertAcceptedAsync(NewDay(plan.Peak, SamplePlan.BaseStart, null));
    }

    [Fact]
    public async Task A_second_session_at_the_same_position_of_a_day_is_refused()
    {
        var plan = await SavedPlanAsync();
        var day = plan.Day(SamplePlan.BaseStart);

        await AssertRefusedAsync(ConstraintKind.Unique, NewSession(day.Id, plan.LongRun.Id, position: 0));
        await AssertAcceptedAsync(NewSession(day.Id, plan.LongRun.Id, position: 1));
    }

    [Fact]
    public async Task A_negative_session_position_is_refused()
    {
        var plan = await SavedPlanAsync();

        await AssertRefusedAsync(ConstraintKind.Check, NewSession(plan.Day(SamplePlan.BaseStart).Id, plan.LongRun.Id, position: -1));
    }

    [Fact]
    public async Task Rows_pointing_at_nothing_are_refused()
    {
        var plan = await SavedPlanAsync();
        const string Missing = "missing";

        await AssertRefusedAsync(ConstraintKind.ForeignKey, new ProgramBlock { Id = NewId(), ProgramId = Missing, Name = "x", StartDate = SamplePlan.BaseStart, EndDate = SamplePlan.BaseStart });
        await AssertRefusedAsync(ConstraintKind.ForeignKey, NewDay(new ProgramBlock { Id = Missing }, SamplePlan.BaseStart, null));
        await AssertRefusedAsync(ConstraintKind.ForeignKey, NewSession(Missing, plan.EasyRun.Id, position: 0));
        await AssertRefusedAsync(ConstraintKind.ForeignKey, NewSession(plan.Day(SamplePlan.BaseStart).Id, Missing, position: 5));
        await AssertRefusedAsync(ConstraintKind.ForeignKey, new ProgramGoal { ProgramId = plan.Program.Id, GoalId = Missing });
        await AssertRefusedAsync(ConstraintKind.ForeignKey, new ProgramGoal { ProgramId = Missing, GoalId = plan.Goal.Id });
        await AssertRefusedAsync(ConstraintKind.ForeignKey, new BlockGoal { BlockId = plan.Peak.Id, GoalId = Missing });
        await AssertRefusedAsync(ConstraintKind.ForeignKey, new BlockGoal { BlockId = Missing, GoalId = plan.Goal.Id });
    }

    [Fact]
    public async Task A_goal_is_linked_to_a_block_at_most_once()
    {
        var plan = await SavedPlanAsync();

        await AssertRefusedAsync(ConstraintKind.Unique, new BlockGoal { BlockId = plan.Base.Id, GoalId = plan.Goal.Id });
        await AssertAcceptedAsync(new BlockGoal { BlockId = plan.Peak.Id, GoalId = plan.Goal.Id });
    }

    private static string NewId() => "id-" + Guid.NewGuid().ToString("N");

    private static ProgramBlock NewBlock(SamplePlan plan, LocalDate start, LocalDate end) =>
        new() { Id = NewId(), ProgramId = plan.Program.Id, Position = 2, Name = "Taper", StartDate = start, EndDate = end };

    private static ProgramDay NewDay(ProgramBlock block, LocalDate date, int? readiness) =>
        new() { Id = NewId(), BlockId = block.Id, Date = date, Readiness = readiness };

    private static ScheduledSession NewSession(string dayId, string templateId, int position) =>
        new() { Id = NewId(), DayId = dayId, SessionTemplateId = templateId, Position = position };

    private async Task<SamplePlan> SavedPlanAsync()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);
        return plan;
    }

    private async Task AssertRefusedAsync(ConstraintKind expected, object row)
    {
        await using var context = Database.CreateContext();
        context.Add(row);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(expected == Database.Violated(error), $"Expected a {expected} violation for {row.GetType().Name}, got: {error.InnerException?.Message}");
    }

    private async Task AssertAcceptedAsync(object row)
    {
        await using var context = Database.CreateContext();
        context.Add(row);
        await context.SaveChangesAsync();
    }
}

public sealed class SqliteConstraintTests(SqliteDatabase database)
    : ConstraintTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresConstraintTests(PostgresDatabase database)
    : ConstraintTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
