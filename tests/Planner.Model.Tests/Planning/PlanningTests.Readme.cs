using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    private AppDbContext CreateAppContext() =>
        new((DbContextOptions<AppDbContext>)Database.Configure(new DbContextOptionsBuilder<AppDbContext>()).Options);

    [Fact]
    public async Task The_readme_snippets_run_and_do_what_the_readme_says()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var db = CreateAppContext();
        var planner = ReadmeSnippets.CreatePlanner(db);

        var lines = await ReadmeSnippets.CalendarAsync(planner, seeded.ProgramId);
        Assert.Equal(7, lines.Count);
        Assert.Equal("2024-01-10 am Easy run 45' + pm Long run 2h", lines[2]);

        var (today, thisWeek) = await ReadmeSnippets.TodayAsync(planner, seeded.ProgramId);
        Assert.Equal(SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Pacific/Auckland"]).Date, today.From);
        Assert.Equal(7, Period.DaysBetween(thisWeek.From, thisWeek.To) + 1);

        var (blocks, programs) = await ReadmeSnippets.ByGoalAsync(planner, seeded.GoalId);
        Assert.Equal(seeded.BlockId, Assert.Single(blocks).Id);
        Assert.Equal(seeded.ProgramId, Assert.Single(programs).Id);

        var wednesday = await DayRowAsync(seeded, Wednesday);
        var (etag, conflict) = await ReadmeSnippets.UpdateDayAsync(planner, wednesday.Id, wednesday.ConcurrencyStamp);
        Assert.Null(conflict);
        Assert.Equal((await DayRowAsync(seeded, Wednesday)).ConcurrencyStamp, etag);
        await using (var other = CreateAppContext())
        {
            var (_, stale) = await ReadmeSnippets.UpdateDayAsync(ReadmeSnippets.CreatePlanner(other), wednesday.Id, wednesday.ConcurrencyStamp);
            Assert.Equal(etag, stale!.ConcurrencyStamp);
        }

        var monday = seeded.DayId(new LocalDate(2024, 1, 8));
        var moved = await ReadmeSnippets.SessionsAsync(planner, monday, seeded.LongTemplateId, new LocalDate(2024, 1, 9));
        Assert.Equal(new LocalDate(2024, 1, 9), moved.Date); // pm added, swapped to the front, the easy run removed, pm moved to Tuesday
        Assert.Equal("pm", Assert.Single(moved.Sessions).Slot);
        Assert.Equal("pm", Assert.Single((await DayRowAsync(seeded, new LocalDate(2024, 1, 9))).Sessions).Slot);
        Assert.Empty((await DayRowAsync(seeded, new LocalDate(2024, 1, 8))).Sessions);

        var session = (await planner.CalendarAsync(seeded.ProgramId, Wednesday, Wednesday)).Days[0].Sessions[0];
        var done = await ReadmeSnippets.CompleteAsync(planner, session);
        Assert.Equal(151, (int)done.Completion!.OtherFields["hr_avg"]!);

        var (byBlock, byWeek) = await ReadmeSnippets.ComplianceAsync(planner, seeded.ProgramId, DateTimeZone.Utc);
        Assert.Equal(1, byBlock.Sum(b => b.Compliance.Completed));
        Assert.Equal(1, byWeek.Sum(w => w.Compliance.Completed));

        var peak = await ReadmeSnippets.AddBlockAsync(planner, seeded.ProgramId, seeded.EasyTemplateId, seeded.LongTemplateId);
        Assert.Equal(28, (await planner.CalendarAsync(seeded.ProgramId, peak.StartDate, peak.EndDate)).Days.Count);

        var (week6, again) = await ReadmeSnippets.CopyAsync(planner, seeded.ProgramId);
        Assert.Equal(new LocalDate(2024, 2, 5), week6.From);
        Assert.Equal("Marathon 2025", again.Name);

        var (rescheduled, perBlock) = await ReadmeSnippets.RescheduleAsync(planner, seeded.ProgramId, seeded.BlockId, new Planner.Model.Scheduling.BlockSchedule(BlockStart, BlockEnd));
        // A rest pattern: every session with logged work stays, reported: the Wednesdays' noted long runs, the easy run
        // completed above on 2024-01-10, the "strides" session moved to 2024-01-09 and its copy in week 6 (2024-02-06).
        Assert.Equal(
            Wednesdays.Concat([new LocalDate(2024, 1, 9), new LocalDate(2024, 1, 10), new LocalDate(2024, 2, 6)]).Order(),
            rescheduled.Conflicts.Select(c => c.Date).Order());
        Assert.All(rescheduled.Conflicts, c => Assert.Equal(ConflictSubject.Session, c.Subject));
        Assert.Equal(2, perBlock.Count); // Base Builder and Peak

        var writer = new RowsJsonWriter();
        await ReadmeSnippets.CreatePlannerWithOptions(db, writer).UpdateDayAsync(wednesday.Id, DayEdits.Full(null, null, null), Expect.Any);
        Assert.Equal(1, writer.Calls);
    }

    [Fact]
    public async Task The_readme_snippets_of_a_host_without_weekly_schedule_run_and_do_what_the_readme_says()
    {
        Database.SkipIfUnavailable();
        await using var db = CreateAppContext();
        var planner = ReadmeSnippets.CreatePlanner(db);

        var (program, block) = await ReadmeSnippets.CreatePlanAsync(planner);
        Assert.Equal(("Base 1", "#4caf50"), (block.Name, block.Color));
        var goalId = (await db.Set<BlockGoal>().AsNoTracking().SingleAsync(l => l.BlockId == block.Id)).GoalId;
        Assert.Equal([program.Id], (await planner.ProgramsByGoalAsync(goalId, GoalScope.ProgramOrBlocks)).Select(p => p.Id)); // linked twice, listed once

        var bars = await ReadmeSnippets.ChartAsync(planner, program.Id);
        Assert.Equal(14, bars.Count);
        Assert.Equal(["2024-03-25 1", "2024-03-26 0", "2024-04-01 -"], new[] { bars[0], bars[1], bars[7] });

        Assert.Equal((200, (string?)null), await ReadmeSnippets.NotFoundAsync(planner, program.Id, new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 7)));
        Assert.Equal((404, $"Program 'nowhere-{program.Id}' was not found."), await ReadmeSnippets.NotFoundAsync(planner, "nowhere-" + program.Id, new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 7)));

        var monday = (await planner.CalendarAsync(program.Id, new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1))).Days.Single().Sessions.Single();
        await planner.CompleteSessionAsync(monday.Id, new SessionCompletion { Rpe = 5 }, Expect.Stamp(monday.ConcurrencyStamp));
        Assert.Equal(1, await ReadmeSnippets.DeleteAsync(planner, block.Id, program.Id)); // refused, then the whole program deleted
        Assert.False(await db.Set<TrainingProgram>().AnyAsync(p => p.Id == program.Id));

        var services = ReadmeSnippets.AddPlanner(new ServiceCollection(), "Host=unused", new RowsJsonWriter());
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(IsoDayOfWeek.Sunday, provider.GetRequiredService<IOptions<PlanningOptions>>().Value.WeekStart);
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }
}
