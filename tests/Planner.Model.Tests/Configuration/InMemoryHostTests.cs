using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// A host's own context on EF Core InMemory, as hosts often test: it checks the shapes (entities,
/// navigations, simple queries), and it cannot check anything the database enforces.
/// </summary>
public sealed class InMemoryHostTests(SqliteDatabase sqlite) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task A_host_context_carries_the_planner_entities_beside_its_own()
    {
        var plan = new SamplePlan();
        await using (var context = NewContext(out var name))
        {
            context.AddRange(plan.EasyRun, plan.LongRun, plan.Goal, plan.Program);
            context.Athletes.Add(new Athlete { Name = "Ada", ProgramId = plan.Program.Id });
            await context.SaveChangesAsync();

            await using var other = NewContext(name);
            var athlete = await other.Athletes.SingleAsync();
            Assert.Equal(plan.Program.Name, (await other.Set<TrainingProgram>().SingleAsync(p => p.Id == athlete.ProgramId)).Name);
        }
    }

    [Fact]
    public async Task Navigations_fix_up_on_load()
    {
        var plan = new SamplePlan();
        await using var context = NewContext(out var name);
        context.AddRange(plan.EasyRun, plan.LongRun, plan.Goal, plan.Program);
        await context.SaveChangesAsync();

        await using var other = NewContext(name);
        var sessions = await other.Set<ScheduledSession>().ToListAsync();
        var days = await other.Set<ProgramDay>().ToListAsync();

        // Loaded separately, the two sets are linked both ways by the change tracker.
        Assert.All(sessions, s => Assert.Same(days.Single(d => d.Id == s.DayId), s.Day));
        Assert.All(days, d => Assert.Equal(sessions.Where(s => s.DayId == d.Id).OrderBy(s => s.Id), d.Sessions.OrderBy(s => s.Id)));
        Assert.Equal(plan.Sessions.Count(), days.Sum(d => d.Sessions.Count));
    }

    [Fact]
    public async Task A_date_window_query_runs()
    {
        var plan = new SamplePlan();
        await using var context = NewContext(out _);
        context.AddRange(plan.EasyRun, plan.LongRun, plan.Goal, plan.Program);
        await context.SaveChangesAsync();
        var from = new LocalDate(2024, 1, 13);

        var dates = await context.Set<ProgramDay>().Where(d => d.Date >= from && d.Date < from.PlusDays(3)).OrderBy(d => d.Date).Select(d => d.Date).ToListAsync();

        Assert.Equal([from, from.PlusDays(1), from.PlusDays(2)], dates);
    }

    [Fact]
    public async Task What_InMemory_cannot_check__it_accepts_a_duplicate_day_and_readiness_11_that_SQLite_refuses()
    {
        var plan = new SamplePlan();
        await using (var memory = NewContext(out _))
        {
            memory.AddRange(plan.EasyRun, plan.LongRun, plan.Goal, plan.Program);
            await memory.SaveChangesAsync();
            memory.AddRange(DuplicateDay(plan), DayWithReadiness11(plan));
            Assert.Equal(2, await memory.SaveChangesAsync()); // accepted: InMemory knows no unique index nor check
        }

        plan = new SamplePlan(); // the first one's collections now hold the bad days
        await plan.SaveAsync(sqlite);
        await using (var real = sqlite.CreateContext())
        {
            real.Add(DuplicateDay(plan));
            Assert.Equal(ConstraintKind.Unique, sqlite.Violated(await Assert.ThrowsAsync<DbUpdateException>(() => real.SaveChangesAsync())));
        }

        await using (var real = sqlite.CreateContext())
        {
            real.Add(DayWithReadiness11(plan));
            Assert.Equal(ConstraintKind.Check, sqlite.Violated(await Assert.ThrowsAsync<DbUpdateException>(() => real.SaveChangesAsync())));
        }
    }

    private static ProgramDay DuplicateDay(SamplePlan plan) =>
        new() { Id = "dup-" + plan.Program.Id, BlockId = plan.Base.Id, Date = SamplePlan.BaseStart };

    private static ProgramDay DayWithReadiness11(SamplePlan plan) =>
        new() { Id = "r11-" + plan.Program.Id, BlockId = plan.Peak.Id, Date = SamplePlan.PeakEnd.PlusDays(1), Readiness = 11 };

    private static HostContext NewContext(out string name)
    {
        name = "host-" + Guid.NewGuid().ToString("N");
        return NewContext(name);
    }

    private static HostContext NewContext(string name) =>
        new(new DbContextOptionsBuilder<HostContext>().UseInMemoryDatabase(name).Options);
}
