using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

/// <summary>
/// A stand-in for the converter's reverse writer: a canonical JSON of the rows it is given, so any row
/// the dual write missed or read stale shows as a difference.
/// </summary>
public sealed class RowsJsonWriter : ILegacyScheduleWriter
{
    /// <summary>What this writer gives for a program's rows, loaded on <paramref name="context"/> apart from any write, in plan order.</summary>
    public static async Task<string?> ExpectedAsync(DbContext context, string programId)
    {
        var program = await context.Set<TrainingProgram>().AsNoTracking()
            .Include(p => p.GoalLinks)
            .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions).ThenInclude(s => s.SessionTemplate)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == programId);
        program.Blocks = program.Blocks.OrderBy(b => b.Position).ToList();
        foreach (var block in program.Blocks)
        {
            block.Days = block.Days.OrderBy(d => d.Date).ToList();
            foreach (var day in block.Days)
            {
                day.Sessions = day.Sessions.OrderBy(s => s.Position).ToList();
            }
        }

        return new RowsJsonWriter().Write(program);
    }

    public int Calls { get; private set; }

    public string? Write(TrainingProgram program)
    {
        Calls++;
        return JsonSerializer.Serialize(new
        {
            program.Id,
            goals = program.GoalLinks.Select(l => l.GoalId).Order(StringComparer.Ordinal),
            blocks = program.Blocks.Select(b => new
            {
                b.Id,
                b.Name,
                start = b.StartDate.ToString("uuuu-MM-dd", null),
                days = b.Days.Select(d => new
                {
                    date = d.Date.ToString("uuuu-MM-dd", null),
                    d.Name,
                    d.Notes,
                    d.Readiness,
                    sessions = d.Sessions.Select(s => new { s.Id, s.SessionTemplateId, template = s.SessionTemplate?.Name, s.Slot, s.IsCompleted, s.CompletionData }),
                }),
            }),
        });
    }
}

/// <summary>A writer that fails, to show the change and the column roll back together.</summary>
public sealed class FailingWriter : ILegacyScheduleWriter
{
    public string? Write(TrainingProgram program) => throw new InvalidOperationException("The reverse writer failed.");
}

public abstract partial class PlanningTests<TDatabase>
{
    /// <summary>What the writer gives for the program's rows, loaded independently and in plan order.</summary>
    private async Task<string?> ExpectedLegacyJsonAsync(string programId)
    {
        await using var context = CreateContext();
        return await RowsJsonWriter.ExpectedAsync(context, programId);
    }

    private async Task<string?> LegacyColumnAsync(string programId)
    {
        await using var context = CreateContext();
        return await context.Set<TrainingProgram>().Where(p => p.Id == programId).Select(p => p.LegacyWeeklySchedule).SingleAsync();
    }

    [Fact]
    public async Task Dual_writes_keep_the_legacy_column_equal_to_the_writers_output_for_the_rows()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var writer = new RowsJsonWriter();
        var options = new PlanningOptions { LegacyScheduleWriter = writer };
        var day = await DayRowAsync(seeded, Wednesday);
        await using var context = CreateContext();
        var service = Service(context, options: options);

        var writes = new Func<Task>[]
        {
            () => service.UpdateDayAsync(day.Id, DayEdits.Full("Hills", "windy", 4), Expect.Any),
            () => service.AddSessionAsync(day.Id, seeded.LongTemplateId, Expect.Any, "noon"),
            () => service.CompleteSessionAsync(day.Sessions.Single(s => s.Position == 0).Id, new SessionCompletion { Rpe = 7 }, Expect.Any),
            () => service.ReorderSessionsAsync(day.Id, day.Sessions.OrderBy(s => s.Position).Select(s => s.Id).Reverse().Append(context.Set<ScheduledSession>().Local.Single(s => s.Slot == "noon").Id).ToList(), Expect.Any),
            () => service.MoveSessionAsync(day.Sessions.Single(s => s.Slot == "pm").Id, Wednesday.PlusDays(1), Expect.Any),
            () => service.CopyWeekAsync(seeded.ProgramId, BlockStart.PlusDays(7), BlockStart.PlusDays(21)),
            () => service.AddBlockAsync(seeded.ProgramId, "Taper", new BlockSchedule(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 14))),
        };
        foreach (var write in writes)
        {
            var before = await LegacyColumnAsync(seeded.ProgramId);
            await write();
            var after = await LegacyColumnAsync(seeded.ProgramId);
            Assert.NotEqual(before, after);
            Assert.Equal(await ExpectedLegacyJsonAsync(seeded.ProgramId), after);
        }

        Assert.Equal(writes.Length, writer.Calls);

        var newId = "prog-dual-" + Guid.NewGuid().ToString("N");
        await Service(CreateContext(), options: options).StartProgramFromAsync(seeded.ProgramId, newId, "Again", new LocalDate(2025, 1, 6));
        Assert.Equal(await ExpectedLegacyJsonAsync(newId), await LegacyColumnAsync(newId));
        await using var check = CreateContext();
        Assert.Equal($"[\"{seeded.GoalId}\"]", (await check.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == newId)).LegacyGoalIds);
    }

    [Fact]
    public async Task Dual_writes_of_different_days_from_two_contexts_keep_both_edits_in_the_column()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var options = new PlanningOptions { LegacyScheduleWriter = new RowsJsonWriter() };
        await using var first = CreateContext();
        await using var second = CreateContext();

        await Task.WhenAll(
            Service(first, options: options).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Wed", null, null), Expect.Any),
            Service(second, options: options).UpdateDayAsync(seeded.DayId(Wednesday.PlusDays(1)), DayEdits.Full("Thu", null, null), Expect.Any));

        var column = await LegacyColumnAsync(seeded.ProgramId);
        Assert.Equal(await ExpectedLegacyJsonAsync(seeded.ProgramId), column);
        Assert.Contains("\"Wed\"", column);
        Assert.Contains("\"Thu\"", column);
    }

    [Fact]
    public async Task Without_a_writer_the_column_is_untouched_and_a_failing_writer_rolls_the_change_back()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var dayId = seeded.DayId(Wednesday);

        await using (var context = CreateContext())
        {
            await Service(context).UpdateDayAsync(dayId, DayEdits.Full("Plain", null, null), Expect.Any);
        }

        Assert.Null(await LegacyColumnAsync(seeded.ProgramId));

        await using (var context = CreateContext())
        {
            var failing = Service(context, options: new PlanningOptions { LegacyScheduleWriter = new FailingWriter() });
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.UpdateDayAsync(dayId, DayEdits.Full("Lost", null, null), Expect.Any));
        }

        Assert.Equal("Plain", (await DayRowAsync(seeded, Wednesday)).Name);
        Assert.Null(await LegacyColumnAsync(seeded.ProgramId));
    }
}
