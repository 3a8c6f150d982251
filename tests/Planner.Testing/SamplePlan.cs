using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;
using Planner.Testing.Databases;

namespace Planner.Testing;

/// <summary>
/// A small plan with ids unique to one test, so the tests of a class share one database without
/// meeting: a program of two blocks of two weeks each (Base from 2024-01-01, Peak from 2024-01-15),
/// a day for every date, an easy AM session every day and a long PM session, completed, on Sundays;
/// one goal linked to the program and to the Base block.
/// </summary>
public sealed class SamplePlan
{
    public static readonly LocalDate BaseStart = new(2024, 1, 1);
    public static readonly LocalDate PeakStart = new(2024, 1, 15);
    public static readonly LocalDate PeakEnd = new(2024, 1, 28);

    public SamplePlan()
    {
        var suffix = Guid.NewGuid().ToString("N");
        EasyRun = new SessionTemplate { Id = "tpl-easy-" + suffix, Name = "EasyRun run 45'" };
        LongRun = new SessionTemplate { Id = "tpl-long-" + suffix, Name = "LongRun run" };
        Goal = new Goal { Id = "goal-" + suffix, Name = "Sub-3:30 marathon" };
        Program = new TrainingProgram
        {
            Id = "prog-" + suffix,
            Name = "Marathon 2024",
            StartDate = BaseStart,
            EndDate = PeakEnd,
            LegacyGoalIds = $"[\"{Goal.Id}\"]",
            LegacyWeeklySchedule = $"{{\"monday\": \"{EasyRun.Id}\"}}",
        };
        Base = AddBlock(0, "blk-base", "Base Builder", BaseStart, PeakStart.PlusDays(-1), "#4caf50");
        Peak = AddBlock(1, null, "Peak", PeakStart, PeakEnd, null);
        Program.GoalLinks.Add(new ProgramGoal { Goal = Goal });
        Base.GoalLinks.Add(new BlockGoal { Goal = Goal });
    }

    public TrainingProgram Program { get; }

    public ProgramBlock Base { get; }

    public ProgramBlock Peak { get; }

    public SessionTemplate EasyRun { get; }

    public SessionTemplate LongRun { get; }

    public Goal Goal { get; }

    public IEnumerable<ProgramDay> Days => Program.Blocks.SelectMany(b => b.Days);

    public IEnumerable<ScheduledSession> Sessions => Days.SelectMany(d => d.Sessions);

    public ProgramDay Day(LocalDate date) => Days.Single(d => d.Date == date);

    /// <summary>Writes the whole plan with a fresh context; skips the test when the database is not available.</summary>
    public async Task SaveAsync(TestDatabase database)
    {
        database.SkipIfUnavailable();
        await using var context = database.CreateContext();
        context.AddRange(EasyRun, LongRun, Goal, Program);
        await context.SaveChangesAsync();
    }

    private ProgramBlock AddBlock(int position, string? legacyId, string name, LocalDate start, LocalDate end, string? color)
    {
        var block = new ProgramBlock
        {
            Id = DeterministicIds.ForBlock(Program.Id, legacyId ?? DeterministicIds.PositionKey(position)),
            LegacyId = legacyId,
            Position = position,
            Name = name,
            StartDate = start,
            EndDate = end,
            Color = color,
        };
        for (var date = start; date <= end; date = date.PlusDays(1))
        {
            var day = new ProgramDay { Id = DeterministicIds.ForDay(block.Id, date), Date = date };
            day.Sessions.Add(new ScheduledSession { Id = DeterministicIds.ForSession(day.Id, 0), SessionTemplateId = EasyRun.Id, Position = 0, Slot = "am" });
            if (date.DayOfWeek == IsoDayOfWeek.Sunday)
            {
                day.Name = "LongRun Run Day";
                day.Sessions.Add(new ScheduledSession
                {
                    Id = DeterministicIds.ForSession(day.Id, 1),
                    SessionTemplateId = LongRun.Id,
                    Position = 1,
                    Slot = "pm",
                    IsCompleted = true,
                    CompletionData = "{\"rpe\":7,\"duration_min\":95,\"distance_km\":18.2,\"hr_avg\":141}",
                });
            }

            block.Days.Add(day);
        }

        Program.Blocks.Add(block);
        return block;
    }
}
