using Microsoft.EntityFrameworkCore;
using Planner.Model.Tests.Infrastructure;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The delete rules, counted with plain SQL afterwards. Where the rows are never loaded, only the
/// database's own ON DELETE rules can remove them: EF Core's client-side cascade sees nothing to do.
/// </summary>
public abstract class CascadeTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task Deleting_a_loaded_program_removes_its_blocks_days_sessions_and_goal_links()
    {
        var plan = await SavedPlanAsync();
        await using (var context = Database.CreateContext())
        {
            var program = await context.Programs
                .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
                .Include(p => p.GoalLinks)
                .AsSplitQuery()
                .SingleAsync(p => p.Id == plan.Program.Id);
            context.Programs.Remove(program);
            await context.SaveChangesAsync();
        }

        await AssertPlanGoneAsync(plan);
    }

    [Fact]
    public async Task Deleting_a_program_whose_rows_are_not_loaded_cascades_in_the_database()
    {
        var plan = await SavedPlanAsync();
        await using (var context = Database.CreateContext())
        {
            context.Programs.Remove(new TrainingProgram { Id = plan.Program.Id });
            Assert.Single(context.ChangeTracker.Entries()); // only the program itself: EF has nothing else to delete
            await context.SaveChangesAsync();
        }

        await AssertPlanGoneAsync(plan);
    }

    [Fact]
    public async Task Deleting_a_program_leaves_other_programs_alone()
    {
        var doomed = await SavedPlanAsync();
        var kept = new SamplePlan();
        await kept.SaveAsync(Database);

        await using (var context = Database.CreateContext())
        {
            await context.Programs.Where(p => p.Id == doomed.Program.Id).ExecuteDeleteAsync();
        }

        await using var check = Database.CreateContext();
        Assert.Equal(kept.Days.Count(), await check.CountAsync("program_days", "block_id", kept.Program.Blocks.Select(b => b.Id).ToArray()));
        Assert.Equal(0, await check.CountAsync("program_days", "block_id", doomed.Program.Blocks.Select(b => b.Id).ToArray()));
    }

    [Fact]
    public async Task Deleting_a_template_in_use_is_rejected_by_the_database()
    {
        var plan = await SavedPlanAsync();
        await using (var context = Database.CreateContext())
        {
            context.SessionTemplates.Remove(new SessionTemplate { Id = plan.EasyRun.Id });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.True(ConstraintKind.ForeignKey == Database.Violated(error), error.InnerException?.ToString());
        }

        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.CountAsync("session_templates", "id", plan.EasyRun.Id));
        Assert.Equal(plan.Sessions.Count(s => s.SessionTemplateId == plan.EasyRun.Id), await check.CountAsync("scheduled_sessions", "session_template_id", plan.EasyRun.Id));
    }

    [Fact]
    public async Task A_template_nobody_uses_can_be_deleted()
    {
        Database.SkipIfUnavailable();
        var id = "tpl-unused-" + Guid.NewGuid().ToString("N");
        await using (var context = Database.CreateContext())
        {
            context.SessionTemplates.Add(new SessionTemplate { Id = id, Name = "Unused" });
            await context.SaveChangesAsync();
        }

        await using (var context = Database.CreateContext())
        {
            context.SessionTemplates.Remove(new SessionTemplate { Id = id });
            await context.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.CountAsync("session_templates", "id", id));
    }

    [Fact]
    public async Task Deleting_a_goal_removes_only_its_links()
    {
        var plan = await SavedPlanAsync();
        await using (var context = Database.CreateContext())
        {
            context.Goals.Remove(new Goal { Id = plan.Goal.Id });
            await context.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.CountAsync("program_goals", "goal_id", plan.Goal.Id));
        Assert.Equal(0, await check.CountAsync("block_goals", "goal_id", plan.Goal.Id));
        Assert.Equal(1, await check.CountAsync("programs", "id", plan.Program.Id));
        Assert.Equal(2, await check.CountAsync("program_blocks", "program_id", plan.Program.Id));
        Assert.Equal(plan.Days.Count(), await check.CountAsync("program_days", "block_id", plan.Base.Id, plan.Peak.Id));
    }

    private async Task<SamplePlan> SavedPlanAsync()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);

        // The rows exist before the delete, so a zero afterwards means something.
        await using var check = Database.CreateContext();
        Assert.Equal(plan.Sessions.Count(), await check.CountAsync("scheduled_sessions", "day_id", plan.Days.Select(d => d.Id).ToArray()));
        return plan;
    }

    private async Task AssertPlanGoneAsync(SamplePlan plan)
    {
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.CountAsync("programs", "id", plan.Program.Id));
        Assert.Equal(0, await check.CountAsync("program_blocks", "program_id", plan.Program.Id));
        Assert.Equal(0, await check.CountAsync("program_days", "block_id", plan.Base.Id, plan.Peak.Id));
        Assert.Equal(0, await check.CountAsync("scheduled_sessions", "day_id", plan.Days.Select(d => d.Id).ToArray()));
        Assert.Equal(0, await check.CountAsync("program_goals", "program_id", plan.Program.Id));
        Assert.Equal(0, await check.CountAsync("block_goals", "block_id", plan.Base.Id, plan.Peak.Id));

        // Templates and goals are shared: they outlive the program.
        Assert.Equal(1, await check.CountAsync("session_templates", "id", plan.EasyRun.Id));
        Assert.Equal(1, await check.CountAsync("goals", "id", plan.Goal.Id));
    }
}

public sealed class SqliteCascadeTests(SqliteDatabase database)
    : CascadeTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresCascadeTests(PostgresDatabase database)
    : CascadeTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
