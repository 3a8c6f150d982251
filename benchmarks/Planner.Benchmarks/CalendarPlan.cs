using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// The plan the calendar benchmarks read (direct, raw SQL and over HTTP): one program of a year in four
/// 13-week blocks, 7 sessions a week with two AM/PM days, three templates.
/// </summary>
internal static class CalendarPlan
{
    public static void Seed(DbContext context, string programId, LocalDate start)
    {
        context.Set<SessionTemplate>().AddRange(
            new SessionTemplate { Id = "easy", Name = "Easy run 45'" },
            new SessionTemplate { Id = "long", Name = "Long run 2h" },
            new SessionTemplate { Id = "intervals", Name = "6 x 800 m" });
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Monday] = [new PlannedSession("easy")],
            [IsoDayOfWeek.Tuesday] = [new PlannedSession("intervals", "am"), new PlannedSession("easy", "pm")],
            [IsoDayOfWeek.Thursday] = [new PlannedSession("easy", "am", "strides"), new PlannedSession("easy", "pm")],
            [IsoDayOfWeek.Friday] = [new PlannedSession("easy")],
            [IsoDayOfWeek.Saturday] = [new PlannedSession("long")],
        });
        var program = new TrainingProgram { Id = programId, Name = "A year", StartDate = start, EndDate = start.PlusDays(364) };
        for (var i = 0; i < 4; i++)
        {
            var blockId = DeterministicIds.ForBlock(programId, DeterministicIds.PositionKey(i));
            var blockStart = start.PlusWeeks(13 * i);
            var block = new ProgramBlock { Id = blockId, ProgramId = programId, Position = i, Name = $"Block {i + 1}", StartDate = blockStart, EndDate = i == 3 ? start.PlusDays(364) : blockStart.PlusDays(90) };
            foreach (var day in ScheduleExpansion.Materialize(blockId, new BlockSchedule(block.StartDate, block.EndDate, pattern)))
            {
                block.Days.Add(day);
            }

            program.Blocks.Add(block);
        }

        context.Add(program);
        context.SaveChanges();
    }
}
