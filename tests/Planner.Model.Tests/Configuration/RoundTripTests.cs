using Microsoft.EntityFrameworkCore;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>Every entity written and read back through a fresh context, on each real database.</summary>
public abstract class RoundTripTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task A_program_keeps_its_dates_and_legacy_columns()
    {
        var plan = await SavedPlanAsync();

        await using var context = Database.CreateContext();
        var program = await context.Programs.SingleAsync(p => p.Id == plan.Program.Id);
        Assert.Equal(
            (plan.Program.Name, plan.Program.StartDate, plan.Program.EndDate, plan.Program.LegacyGoalIds, plan.Program.LegacyWeeklySchedule),
            (program.Name, program.StartDate, program.EndDate, program.LegacyGoalIds, program.LegacyWeeklySchedule));
    }

    [Fact]
    public async Task A_program_without_dates_or_legacy_columns_reads_back_as_nulls()
    {
        Database.SkipIfUnavailable();
        var id = "prog-" + Guid.NewGuid().ToString("N");
        await using (var context = Database.CreateContext())
        {
            context.Programs.Add(new TrainingProgram { Id = id, Name = "Undated" });
            await context.SaveChangesAsync();
        }

        await using (var context = Database.CreateContext())
        {
            var program = await context.Programs.SingleAsync(p => p.Id == id);
            Assert.Equal(("Undated", null, null, null, null), (program.Name, program.StartDate, program.EndDate, program.LegacyGoalIds, program.LegacyWeeklySchedule));
        }
    }

    [Fact]
    public async Task Blocks_keep_legacy_id_position_dates_and_colour()
    {
        var plan = await SavedPlanAsync();

        await using var context = Database.CreateContext();
        var blocks = await context.Blocks.Where(b => b.ProgramId == plan.Program.Id).OrderBy(b => b.Position).ToListAsync();
        Assert.Equal(
            plan.Program.Blocks.Select(b => (b.Id, b.LegacyId, b.Position, b.Name, b.StartDate, b.EndDate, b.Color)),
            blocks.Select(b => (b.Id, b.LegacyId, b.Position, b.Name, b.StartDate, b.EndDate, b.Color)));
    }

    [Fact]
    public async Task Days_keep_date_name_notes_readiness_and_their_stamp()
    {
        var plan = new SamplePlan();
        var day = plan.Day(SamplePlan.BaseStart.PlusDays(6));
        day.Notes = "Windy. Cut short.";
        day.Readiness = 6;
        await plan.SaveAsync(Database);

        await using var context = Database.CreateContext();
        var days = await context.Days.Where(d => d.Block!.ProgramId == plan.Program.Id).OrderBy(d => d.Date).ToListAsync();
        Assert.Equal(
            plan.Days.OrderBy(d => d.Date).Select(d => (d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness, d.ConcurrencyStamp)),
            days.Select(d => (d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness, d.ConcurrencyStamp)));
    }

    [Fact]
    public async Task Sessions_keep_position_slot_notes_and_completion_data()
    {
        var plan = new SamplePlan();
        plan.Sessions.First().Notes = "Strides at the end";
        await plan.SaveAsync(Database);

        await using var context = Database.CreateContext();
        var sessions = await context.Sessions.Where(s => s.Day!.Block!.ProgramId == plan.Program.Id).ToListAsync();
        Assert.Equal(
            plan.Sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (s.Id, s.DayId, s.SessionTemplateId, s.Position, s.Slot, s.Notes, s.IsCompleted, s.CompletionData, s.ConcurrencyStamp)),
            sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (s.Id, s.DayId, s.SessionTemplateId, s.Position, s.Slot, s.Notes, s.IsCompleted, s.CompletionData, s.ConcurrencyStamp)));

        var completion = sessions.First(s => s.IsCompleted).GetCompletion()!;
        Assert.Equal((7m, 95m, 18.2m), (completion.Rpe!.Value, completion.DurationMinutes!.Value, completion.DistanceKm!.Value));
        Assert.Equal("141", completion.OtherFields["hr_avg"]!.ToJsonString());
    }

    [Fact]
    public async Task Templates_goals_and_both_kinds_of_goal_link_read_back()
    {
        var plan = await SavedPlanAsync();

        await using var context = Database.CreateContext();
        Assert.Equal(plan.EasyRun.Name, (await context.SessionTemplates.SingleAsync(t => t.Id == plan.EasyRun.Id)).Name);
        Assert.Equal(plan.LongRun.Name, (await context.SessionTemplates.SingleAsync(t => t.Id == plan.LongRun.Id)).Name);
        var goal = await context.Goals
            .Include(g => g.ProgramLinks).ThenInclude(l => l.Program)
            .Include(g => g.BlockLinks).ThenInclude(l => l.Block)
            .AsSplitQuery()
            .SingleAsync(g => g.Id == plan.Goal.Id);
        Assert.Equal(plan.Goal.Name, goal.Name);
        Assert.Equal([plan.Program.Id], goal.ProgramLinks.Select(l => l.Program!.Id));
        Assert.Equal([plan.Base.Id], goal.BlockLinks.Select(l => l.Block!.Id));
    }

    [Fact]
    public async Task The_whole_graph_loads_through_the_navigations()
    {
        var plan = await SavedPlanAsync();

        await using var context = Database.CreateContext();
        var program = await context.Programs
            .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions).ThenInclude(s => s.SessionTemplate)
            .Include(p => p.GoalLinks)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == plan.Program.Id);
        Assert.Equal(plan.Program.Blocks.Count, program.Blocks.Count);
        Assert.Equal(plan.Days.Count(), program.Blocks.Sum(b => b.Days.Count));
        Assert.Equal(plan.Sessions.Count(), program.Blocks.SelectMany(b => b.Days).Sum(d => d.Sessions.Count));
        Assert.All(program.Blocks.SelectMany(b => b.Days).SelectMany(d => d.Sessions), s => Assert.NotNull(s.SessionTemplate));
        Assert.Equal([plan.Goal.Id], program.GoalLinks.Select(l => l.GoalId));
    }

    private async Task<SamplePlan> SavedPlanAsync()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);
        return plan;
    }
}

public sealed class SqliteRoundTripTests(SqliteDatabase database)
    : RoundTripTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresRoundTripTests(PostgresDatabase database)
    : RoundTripTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
