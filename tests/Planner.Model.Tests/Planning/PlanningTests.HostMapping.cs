using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Planner.Model.Configuration;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

/// <summary>A host that renames every table and keeps dates as ISO text: the API must not care.</summary>
public sealed class RenamedTablesContext(DbContextOptions<RenamedTablesContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyPlannerModel(o =>
    {
        o.DateMapping = PlannerDateMapping.IsoText;
        o.Tables.Programs = "alt_programs";
        o.Tables.Blocks = "alt_blocks";
        o.Tables.Days = "alt_days";
        o.Tables.Sessions = "alt_sessions";
        o.Tables.SessionTemplates = "alt_templates";
        o.Tables.Goals = "alt_goals";
        o.Tables.ProgramGoals = "alt_program_goals";
        o.Tables.BlockGoals = "alt_block_goals";
    });
}

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task A_host_with_renamed_tables_and_text_dates_gets_the_same_reads_and_writes()
    {
        Database.SkipIfUnavailable();
        var counter = new CommandCounter();
        RenamedTablesContext Create() =>
            new((DbContextOptions<RenamedTablesContext>)Database.Configure(new DbContextOptionsBuilder<RenamedTablesContext>()).AddInterceptors(counter).Options);

        var suffix = Guid.NewGuid().ToString("N");
        var programId = "alt-" + suffix;
        var blockId = "alt-blk-" + suffix;
        await using (var setup = Create())
        {
            // The fixture made the default tables; this host's tables are made here, beside them.
            await setup.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            setup.Set<SessionTemplate>().Add(new SessionTemplate { Id = "alt-tpl-" + suffix, Name = "Tempo" });
            var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
            {
                [IsoDayOfWeek.Tuesday] = [new PlannedSession("alt-tpl-" + suffix, "am"), new PlannedSession("alt-tpl-" + suffix, "pm")],
            });
            var block = new ProgramBlock { Id = blockId, ProgramId = programId, Name = "Only", StartDate = BlockStart, EndDate = BlockStart.PlusDays(27) };
            foreach (var day in ScheduleExpansion.Materialize(blockId, new BlockSchedule(block.StartDate, block.EndDate, pattern)))
            {
                block.Days.Add(day);
            }

            setup.Add(new TrainingProgram { Id = programId, Name = "Alt", Blocks = { block } });
            await setup.SaveChangesAsync();
        }

        await using var context = Create();
        var service = new PlanningService(context, ClockAt(new LocalDate(2024, 1, 10)));
        counter.Reset();

        var window = await service.CalendarAsync(programId, BlockStart.PlusDays(7), BlockStart.PlusDays(13));
        Assert.Equal(1, counter.Count);
        Assert.Contains("alt_days", counter.Commands[0]);
        Assert.Equal(7, window.Days.Count);
        var tuesday = window.Days.Single(d => d.Date == new LocalDate(2024, 1, 9));
        Assert.Equal(new[] { "am", "pm" }, tuesday.Sessions.Select(s => s.Slot));

        var reordered = await service.ReorderSessionsAsync(tuesday.Id, tuesday.Sessions.Select(s => s.Id).Reverse().ToList(), Expect.Stamp(tuesday.ConcurrencyStamp));
        Assert.Equal(new[] { "pm", "am" }, reordered.Sessions.Select(s => s.Slot));
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => service.UpdateDayAsync(tuesday.Id, DayEdits.Full("x", null, null), Expect.Stamp(tuesday.ConcurrencyStamp)));

        var weeks = await service.ComplianceByWeekAsync(programId, DateTimeZone.Utc);
        Assert.Equal(new[] { new Compliance(2, 0, 2), new Compliance(2, 0, 2), new Compliance(2, 0, 0), new Compliance(2, 0, 0) }, weeks.Select(w => w.Compliance));
    }
}
