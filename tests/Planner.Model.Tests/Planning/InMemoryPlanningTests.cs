using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using NodaTime.Testing;
using Planner.Model.Planning;
using Planner.Model.Scheduling;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

/// <summary>
/// Every read and write of the planning API on a host's context over EF Core InMemory with its default
/// options, as a host's quick unit tests use it. InMemory has no transactions, unique indexes or checks:
/// these tests show that the API works there, not that the schema holds (the SQLite and PostgreSQL classes
/// check that). Each test has its own in-memory database with one program: a block over four weeks from
/// Monday 2024-01-01 (Monday easy; Wednesday easy am and long pm "hilly"; Saturday long; every other date a
/// rest day), linked to a goal. Today is Wednesday 2024-01-10, noon UTC.
/// </summary>
public sealed class InMemoryPlanningTests
{
    private const string ProgramId = "prog";
    private const string BlockId = "blk";
    private const string Easy = "tpl-easy";
    private const string Long = "tpl-long";
    private const string GoalId = "goal";

    private static readonly LocalDate Start = new(2024, 1, 1);
    private static readonly LocalDate End = new(2024, 1, 28);
    private static readonly LocalDate Wednesday = new(2024, 1, 10);
    private static readonly LocalDate Saturday = new(2024, 1, 13);

    private static readonly Dictionary<string, string> TemplateNames = new(StringComparer.Ordinal) { [Easy] = "Easy run 45'", [Long] = "Long run 2h" };

    private static readonly WeeklyPattern Pattern = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
    {
        [IsoDayOfWeek.Monday] = [new PlannedSession(Easy)],
        [IsoDayOfWeek.Wednesday] = [new PlannedSession(Easy, "am"), new PlannedSession(Long, "pm", "hilly")],
        [IsoDayOfWeek.Saturday] = [new PlannedSession(Long)],
    });

    private readonly string _databaseName = "planning-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_plan_is_created_linked_edited_and_deleted_through_the_api_with_dual_writes()
    {
        await SeedAsync();
        await using var context = NewContext();
        var writer = new RowsJsonWriter();
        var service = Service(context, new PlanningOptions { LegacyScheduleWriter = writer });

        var goal = await service.CreateGoalAsync("10k PB", "goal-10k");
        var program = await service.CreateProgramAsync("Autumn", [goal.Id], "prog-autumn");
        var block = await service.AddBlockAsync(program.Id, "Speed", new BlockSchedule(new LocalDate(2024, 9, 2), new LocalDate(2024, 9, 29), Pattern));
        Assert.Equal([GoalId, goal.Id], await service.LinkProgramGoalAsync(program.Id, GoalId));
        await service.LinkBlockGoalAsync(BlockId, goal.Id);
        var edited = await service.UpdateBlockAsync(block.Id, new BlockEdit { GoalIds = new[] { goal.Id } });
        Assert.Equal(("Speed", block.Color), (edited.Name, edited.Color));

        Assert.Equal([ProgramId, "prog-autumn"], (await service.ProgramsByGoalAsync(goal.Id, GoalScope.ProgramOrBlocks)).Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["prog-autumn"], (await service.ProgramsByGoalAsync(goal.Id, GoalScope.Program)).Select(p => p.Id));
        var stored = await context.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == program.Id);
        Assert.Equal("[\"goal\",\"goal-10k\"]", stored.LegacyGoalIds);
        Assert.NotNull(stored.LegacyWeeklySchedule);

        var window = await service.CalendarAsync(program.Id, new LocalDate(2024, 8, 31), new LocalDate(2024, 9, 2), CalendarGaps.Fill);
        Assert.Equal([true, true, false], window.Dates!.Select(d => d.IsGap));

        await Assert.ThrowsAsync<LoggedWorkException>(() => service.DeleteBlockAsync(block.Id, LoggedWorkPolicy.Refuse)); // "hilly" notes
        await service.DeleteProgramAsync(program.Id, LoggedWorkPolicy.Delete);
        Assert.False(await context.Set<ProgramDay>().AnyAsync(d => d.BlockId == block.Id));
        await Assert.ThrowsAsync<PlanNotFoundException>(() => service.CalendarAsync(program.Id, Start, End));
    }

    [Fact]
    public async Task Calendar_today_and_this_week_read_the_plan()
    {
        await SeedAsync();
        await using var context = NewContext();
        var service = Service(context);

        var calendar = await service.CalendarAsync(ProgramId, Start, End);
        Assert.Equal(Dates(Start, End).Select(d => PlanOn(d, Pattern)), calendar.Days.Select(Plan));
        Assert.All(calendar.Days, d => Assert.Equal(DeterministicIds.ForDay(BlockId, d.Date), d.Id));

        Assert.Equal(Wednesday, service.Today(DateTimeZone.Utc));
        Assert.Equal(Wednesday.PlusDays(1), service.Today(DateTimeZoneProviders.Tzdb["Pacific/Auckland"])); // 01:00 on Thursday there
        Assert.Equal(new LocalDate(2024, 1, 8), service.ThisWeekStart(DateTimeZone.Utc));

        var today = await service.TodayAsync(ProgramId, DateTimeZone.Utc);
        Assert.Equal([PlanOn(Wednesday, Pattern)], today.Days.Select(Plan));

        var week = await service.ThisWeekAsync(ProgramId, DateTimeZone.Utc);
        Assert.Equal((new LocalDate(2024, 1, 8), new LocalDate(2024, 1, 14)), (week.From, week.To));
        Assert.Equal(Dates(week.From, week.To).Select(d => PlanOn(d, Pattern)), week.Days.Select(Plan));
    }

    [Fact]
    public async Task Blocks_and_programs_are_listed_by_goal()
    {
        await SeedAsync();
        await using var context = NewContext();
        var service = Service(context);

        Assert.Equal([new BlockSummary(BlockId, ProgramId, 0, "Base", Start, End, "#4caf50")], await service.BlocksByGoalAsync(GoalId));
        Assert.Equal([new ProgramSummary(ProgramId, "Marathon", Start, End)], await service.ProgramsByGoalAsync(GoalId, GoalScope.Program));
        await Assert.ThrowsAsync<PlanNotFoundException>(() => service.BlocksByGoalAsync("goal-nowhere"));
        await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ProgramsByGoalAsync("goal-nowhere", GoalScope.Program));
    }

    [Fact]
    public async Task Compliance_counts_planned_completed_and_missed_sessions_by_block_and_week()
    {
        await SeedAsync();
        var done = DeterministicIds.ForSession(DeterministicIds.ForDay(BlockId, Start), 0);
        await using (var setup = NewContext())
        {
            await Service(setup).CompleteSessionAsync(done, new SessionCompletion { Rpe = 5 }, Expect.Any);
        }

        await using var context = NewContext();
        var service = Service(context);

        // The oracle: one date per planned session, from the pattern; the one completed is Monday's of week one.
        var sessionDates = Dates(Start, End).SelectMany(d => Pattern.SessionsOn(d, Start).Select(_ => d)).ToList();
        Compliance Expected(IEnumerable<LocalDate> dates, int completed) =>
            new(dates.Count(), completed, dates.Count(d => d < Wednesday) - completed);

        Assert.Equal(
            [new BlockCompliance(BlockId, "Base", Start, Expected(sessionDates, 1))],
            await service.ComplianceByBlockAsync(ProgramId, DateTimeZone.Utc));
        Assert.Equal(
            sessionDates.GroupBy(d => d.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))).Select(g => new WeekCompliance(g.Key, Expected(g, g.Key == Start ? 1 : 0))),
            await service.ComplianceByWeekAsync(ProgramId, DateTimeZone.Utc));
    }

    [Fact]
    public async Task Updating_a_day_writes_it_and_a_stale_stamp_is_refused()
    {
        await SeedAsync();
        var dayId = DeterministicIds.ForDay(BlockId, Wednesday);
        var before = await DayRowAsync(Wednesday);
        await using var context = NewContext();

        var day = await Service(context).UpdateDayAsync(dayId, DayEdits.Full("Hills", "windy", 4), Expect.Stamp(before.ConcurrencyStamp));

        var after = await DayRowAsync(Wednesday);
        Assert.Equal(("Hills", "windy", (int?)4), (after.Name, after.Notes, after.Readiness));
        Assert.NotEqual(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(after.ConcurrencyStamp, day.ConcurrencyStamp);
        await using var other = NewContext();
        var stale = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(other).UpdateDayAsync(dayId, DayEdits.Full("Flat", null, null), Expect.Stamp(before.ConcurrencyStamp)));
        Assert.Equal(after.ConcurrencyStamp, stale.CurrentDay!.ConcurrencyStamp);
        Assert.Equal("Hills", (await DayRowAsync(Wednesday)).Name);
    }

    [Fact]
    public async Task An_edit_saved_between_a_writes_read_and_its_save_is_a_conflict_with_what_is_current()
    {
        await SeedAsync();
        var dayId = DeterministicIds.ForDay(BlockId, Wednesday);
        var theirs = new EditBeforeSave(async () =>
        {
            await using var other = NewContext();
            await Service(other).UpdateDayAsync(dayId, DayEdits.Full("Theirs", null, null), Expect.Any);
        });
        await using var context = NewContext(theirs);

        // No stamp given: the service's own check passes, and the concurrency token catches the edit at the save.
        var conflict = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(context).UpdateDayAsync(dayId, DayEdits.Full("Mine", null, null), Expect.Any));

        Assert.True(theirs.Ran);
        Assert.Equal("Theirs", conflict.CurrentDay!.Name);
        Assert.Equal("Theirs", (await DayRowAsync(Wednesday)).Name);
    }

    [Fact]
    public async Task Sessions_are_added_reordered_and_removed_with_positions_kept_dense()
    {
        await SeedAsync();
        var dayId = DeterministicIds.ForDay(BlockId, Wednesday);
        var (am, pm) = (DeterministicIds.ForSession(dayId, 0), DeterministicIds.ForSession(dayId, 1));
        await using var context = NewContext();
        var service = Service(context);

        var added = await service.AddSessionAsync(dayId, Easy, Expect.Any, "noon", "strides", position: 1);
        var noon = added.Sessions[1].Id;
        Assert.Equal([am, noon, pm], added.Sessions.Select(s => s.Id));
        Assert.Equal([(am, 0), (noon, 1), (pm, 2)], await SessionRowsAsync(Wednesday));

        var reordered = await service.ReorderSessionsAsync(dayId, [pm, am, noon], Expect.Stamp(added.ConcurrencyStamp));
        Assert.Equal([pm, am, noon], reordered.Sessions.Select(s => s.Id));
        Assert.Equal([(pm, 0), (am, 1), (noon, 2)], await SessionRowsAsync(Wednesday));
        Assert.NotEqual(added.ConcurrencyStamp, reordered.ConcurrencyStamp);

        var removed = await service.RemoveSessionAsync(am, Expect.Stamp(reordered.Sessions.Single(s => s.Id == am).ConcurrencyStamp));
        Assert.Equal([pm, noon], removed.Sessions.Select(s => s.Id));
        Assert.Equal([(pm, 0), (noon, 1)], await SessionRowsAsync(Wednesday));

        await Assert.ThrowsAsync<PlanConcurrencyException>(() => service.AddSessionAsync(dayId, Long, Expect.Stamp(reordered.ConcurrencyStamp)));
        Assert.Equal([(pm, 0), (noon, 1)], await SessionRowsAsync(Wednesday));
    }

    [Fact]
    public async Task A_session_moves_to_another_date_after_its_sessions()
    {
        await SeedAsync();
        var wednesday = DeterministicIds.ForDay(BlockId, Wednesday);
        var (am, pm) = (DeterministicIds.ForSession(wednesday, 0), DeterministicIds.ForSession(wednesday, 1));
        var saturdayLong = DeterministicIds.ForSession(DeterministicIds.ForDay(BlockId, Saturday), 0);
        await using var context = NewContext();

        var target = await Service(context).MoveSessionAsync(pm, Saturday, Expect.Any);

        Assert.Equal(Saturday, target.Date);
        Assert.Equal([saturdayLong, pm], target.Sessions.Select(s => s.Id));
        Assert.Equal([(saturdayLong, 0), (pm, 1)], await SessionRowsAsync(Saturday));
        Assert.Equal([(am, 0)], await SessionRowsAsync(Wednesday));
    }

    [Fact]
    public async Task Completing_a_session_logs_it_and_removing_it_then_needs_its_stamp()
    {
        await SeedAsync();
        var dayId = DeterministicIds.ForDay(BlockId, Wednesday);
        var am = DeterministicIds.ForSession(dayId, 0);
        await using var context = NewContext();
        var service = Service(context);

        var seen = (await service.CalendarAsync(ProgramId, Wednesday, Wednesday)).Days.Single().Sessions.Single(s => s.Id == am).ConcurrencyStamp;
        var session = await service.CompleteSessionAsync(am, new SessionCompletion { Rpe = 7, DurationMinutes = 50 }, Expect.Stamp(seen));

        Assert.True(session.IsCompleted);
        Assert.Equal((7m, 50m), (session.Completion!.Rpe, session.Completion.DurationMinutes));
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => service.RemoveSessionAsync(am, Expect.Stamp(seen)));
        Assert.Contains((am, 0), await SessionRowsAsync(Wednesday));
        var day = await service.RemoveSessionAsync(am, Expect.Stamp(session.ConcurrencyStamp));
        Assert.DoesNotContain(am, day.Sessions.Select(s => s.Id));
        Assert.DoesNotContain(am, (await SessionRowsAsync(Wednesday)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_block_is_added_after_the_others_and_widens_the_program()
    {
        await SeedAsync();
        var (first, last) = (End.PlusDays(1), End.PlusDays(14));
        await using var context = NewContext();
        var service = Service(context);

        var block = await service.AddBlockAsync(ProgramId, "Taper", new BlockSchedule(first, last, Pattern), "#ff9800", [GoalId]);

        Assert.Equal((1, first, last), (block.Position, block.StartDate, block.EndDate));
        Assert.Equal(Dates(first, last).Select(d => PlanOn(d, Pattern)), (await service.CalendarAsync(ProgramId, first, last)).Days.Select(Plan));
        Assert.Equal([BlockId, block.Id], (await service.BlocksByGoalAsync(GoalId)).Select(b => b.Id));
        Assert.Equal((Start, last), await ProgramDatesAsync(ProgramId));
        await Assert.ThrowsAsync<BlockOverlapException>(() => service.AddBlockAsync(ProgramId, "Overlap", new BlockSchedule(last, last.PlusDays(3))));
    }

    [Fact]
    public async Task Rescheduling_applies_what_the_preview_showed_and_again_changes_nothing()
    {
        await SeedAsync();
        var moved = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Tuesday] = [new PlannedSession(Easy)],
            [IsoDayOfWeek.Wednesday] = Pattern[IsoDayOfWeek.Wednesday],
            [IsoDayOfWeek.Sunday] = [new PlannedSession(Long)],
        });
        var schedule = new BlockSchedule(Start, End.PlusDays(7), moved);
        await using var context = NewContext();
        var service = Service(context);

        var preview = await service.PreviewRescheduleAsync(BlockId, schedule);
        Assert.Equal(Dates(Start, End).Select(d => PlanOn(d, Pattern)), (await service.CalendarAsync(ProgramId, Start, End.PlusDays(7))).Days.Select(Plan));

        var applied = await service.RescheduleBlockAsync(BlockId, schedule);

        Assert.False(applied.IsEmpty);
        Assert.Equal(Counts(preview), Counts(applied));
        Assert.Equal(Dates(Start, End.PlusDays(7)).Select(d => PlanOn(d, moved)), (await service.CalendarAsync(ProgramId, Start, End.PlusDays(7))).Days.Select(Plan));
        await using var again = NewContext();
        Assert.True((await Service(again).RescheduleBlockAsync(BlockId, schedule)).IsEmpty);

        static (int, int, int, int, int, int) Counts(RescheduleChangeSet c) =>
            (c.AddedDays.Count, c.RemovedDays.Count, c.AddedSessions.Count, c.MovedSessions.Count, c.RemovedSessions.Count, c.Conflicts.Count);
    }

    [Fact]
    public async Task Shifting_a_block_then_the_program_moves_the_plan_and_the_dates()
    {
        await SeedAsync();
        await using var context = NewContext();
        var service = Service(context);

        var block = await service.ShiftBlockAsync(BlockId, 1);
        Assert.Equal((Start.PlusDays(1), End.PlusDays(1)), (block.Start, block.End));
        Assert.Equal(Dates(Start, End).Select(d => PlanOn(d, Pattern, shift: 1)), (await service.CalendarAsync(ProgramId, Start, End.PlusDays(1))).Days.Select(Plan));

        await using var next = NewContext();
        var program = await Service(next).ShiftProgramAsync(ProgramId, -3);
        Assert.Equal([(Start.PlusDays(-2), End.PlusDays(-2))], program.Select(c => (c.Start, c.End)));
        Assert.Equal(Dates(Start, End).Select(d => PlanOn(d, Pattern, shift: -2)), (await service.CalendarAsync(ProgramId, Start.PlusDays(-2), End)).Days.Select(Plan));
        // The block's shift widened the program's end by a day (never its start); the program's shift moves both by -3.
        Assert.Equal((Start.PlusDays(-3), End.PlusDays(-2)), await ProgramDatesAsync(ProgramId));
    }

    [Fact]
    public async Task Copying_a_week_writes_the_source_weeks_plan_onto_the_target_week()
    {
        await SeedAsync();
        var tuesday = Start.PlusDays(1);
        await using var context = NewContext();
        var service = Service(context);
        await service.AddSessionAsync(DeterministicIds.ForDay(BlockId, tuesday), Long, Expect.Any, "pm");
        var source = await service.CalendarAsync(ProgramId, Start, Start.PlusDays(6));

        var target = await service.CopyWeekAsync(ProgramId, Start, Start.PlusDays(14));

        Assert.Equal(source.Days.Select(d => Plan(d with { Date = d.Date.PlusDays(14) })), target.Days.Select(Plan));
        await using var check = NewContext();
        Assert.Equal(target.Days.Select(Plan), (await Service(check).CalendarAsync(ProgramId, Start.PlusDays(14), Start.PlusDays(20))).Days.Select(Plan));
    }

    [Fact]
    public async Task A_program_starts_from_another_shifted_to_its_new_date()
    {
        await SeedAsync();
        var newStart = new LocalDate(2025, 1, 6);
        var shift = Period.DaysBetween(Start, newStart);
        await using var context = NewContext();
        var service = Service(context);

        var program = await service.StartProgramFromAsync(ProgramId, "prog-2", "Again", newStart);

        Assert.Equal(new ProgramSummary("prog-2", "Again", newStart, End.PlusDays(shift)), program);
        Assert.Equal(
            Dates(Start, End).Select(d => PlanOn(d, Pattern, shift)),
            (await service.CalendarAsync("prog-2", newStart, End.PlusDays(shift))).Days.Select(Plan));
        Assert.Equal(["Again", "Marathon"], (await service.ProgramsByGoalAsync(GoalId, GoalScope.Program)).Select(p => p.Name));
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartProgramFromAsync(ProgramId, "prog-2", "Twice", newStart));
    }

    [Fact]
    public async Task Dual_writes_keep_the_legacy_column_equal_to_the_writers_output_after_every_write()
    {
        await SeedAsync();
        var writer = new RowsJsonWriter();
        var options = new PlanningOptions { LegacyScheduleWriter = writer };
        var dayId = DeterministicIds.ForDay(BlockId, Wednesday);
        var (am, pm) = (DeterministicIds.ForSession(dayId, 0), DeterministicIds.ForSession(dayId, 1));
        await using var context = NewContext();
        var service = Service(context, options);
        string? noon = null;

        var writes = new Func<Task>[]
        {
            () => service.UpdateDayAsync(dayId, DayEdits.Full("Hills", "windy", 4), Expect.Any),
            async () => noon = (await service.AddSessionAsync(dayId, Long, Expect.Any, "noon")).Sessions[^1].Id,
            () => service.CompleteSessionAsync(am, new SessionCompletion { Rpe = 7 }, Expect.Any),
            () => service.ReorderSessionsAsync(dayId, [noon!, pm, am], Expect.Any),
            () => service.MoveSessionAsync(pm, Wednesday.PlusDays(1), Expect.Any),
            () => service.RemoveSessionAsync(noon!, Expect.Any),
            () => service.CopyWeekAsync(ProgramId, Start.PlusDays(7), Start.PlusDays(21)), // the week of the edits above
            () => service.AddBlockAsync(ProgramId, "Taper", new BlockSchedule(End.PlusDays(1), End.PlusDays(7), Pattern)),
            () => service.RescheduleBlockAsync(BlockId, new BlockSchedule(Start, End.PlusDays(-7), Pattern)),
            () => service.ShiftBlockAsync(BlockId, -1),
            () => service.ShiftProgramAsync(ProgramId, 7),
        };
        foreach (var write in writes)
        {
            var before = await LegacyColumnAsync(ProgramId);
            await write();
            var after = await LegacyColumnAsync(ProgramId);
            Assert.NotEqual(before, after);
            Assert.Equal(await ExpectedLegacyJsonAsync(ProgramId), after);
        }

        Assert.Equal(writes.Length, writer.Calls);
        await using var other = NewContext();
        await Service(other, options).StartProgramFromAsync(ProgramId, "prog-2", "Again", new LocalDate(2025, 1, 6));
        Assert.Equal(await ExpectedLegacyJsonAsync("prog-2"), await LegacyColumnAsync("prog-2"));
    }

    /// <summary>What InMemory cannot check: it has no transaction, so a write whose dual write fails keeps its change (SQLite and PostgreSQL roll it back).</summary>
    [Fact]
    public async Task What_InMemory_cannot_check__a_failed_write_is_not_rolled_back()
    {
        await SeedAsync();
        await using var context = NewContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Service(context, new PlanningOptions { LegacyScheduleWriter = new FailingWriter() })
                .UpdateDayAsync(DeterministicIds.ForDay(BlockId, Wednesday), DayEdits.Full("Hills", null, null), Expect.Any));

        Assert.Equal("The reverse writer failed.", error.Message);
        Assert.Equal("Hills", (await DayRowAsync(Wednesday)).Name);
    }

    private HostContext NewContext(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<HostContext>().UseInMemoryDatabase(_databaseName);
        return new(interceptor is null ? options.Options : options.AddInterceptors(interceptor).Options);
    }

    private static PlanningService Service(HostContext context, PlanningOptions? options = null) =>
        new(context, new FakeClock(Wednesday.AtMidnight().PlusHours(12).InUtc().ToInstant()), options);

    private async Task SeedAsync()
    {
        await using var context = NewContext();
        context.AddRange(TemplateNames.Select(t => new SessionTemplate { Id = t.Key, Name = t.Value }));
        context.Add(new Goal { Id = GoalId, Name = "Sub-3:30 marathon" });
        var block = new ProgramBlock
        {
            Id = BlockId,
            ProgramId = ProgramId,
            Name = "Base",
            StartDate = Start,
            EndDate = End,
            Color = "#4caf50",
            GoalLinks = { new BlockGoal { BlockId = BlockId, GoalId = GoalId } },
        };
        foreach (var day in ScheduleExpansion.Materialize(BlockId, new BlockSchedule(Start, End, Pattern)))
        {
            block.Days.Add(day);
        }

        context.Add(new TrainingProgram
        {
            Id = ProgramId,
            Name = "Marathon",
            StartDate = Start,
            EndDate = End,
            Blocks = { block },
            GoalLinks = { new ProgramGoal { ProgramId = ProgramId, GoalId = GoalId } },
        });
        await context.SaveChangesAsync();
    }

    private static IEnumerable<LocalDate> Dates(LocalDate first, LocalDate last)
    {
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            yield return date;
        }
    }

    /// <summary>A day's plan as one line: its date and its sessions in order.</summary>
    private static string Plan(CalendarDay day) =>
        $"{day.Date:uuuu-MM-dd}: " + string.Join(", ", day.Sessions.Select(s => $"{s.Position} {s.TemplateName}/{s.Slot}/{s.Notes}"));

    /// <summary>The oracle: what the pattern plans on a date (of a block starting on <see cref="Start"/>), as <see cref="Plan(CalendarDay)"/> writes it, <paramref name="shift"/> days later.</summary>
    private static string PlanOn(LocalDate date, SchedulePattern pattern, int shift = 0) =>
        $"{date.PlusDays(shift):uuuu-MM-dd}: " + string.Join(", ", pattern.SessionsOn(date, Start).Select((p, i) => $"{i} {TemplateNames[p.TemplateId]}/{p.Slot}/{p.Notes}"));

    private async Task<ProgramDay> DayRowAsync(LocalDate date)
    {
        await using var context = NewContext();
        return await context.Set<ProgramDay>().AsNoTracking().SingleAsync(d => d.Date == date && d.Block!.ProgramId == ProgramId);
    }

    /// <summary>A date's sessions as rows, read back with plain EF Core: (id, position), by position.</summary>
    private async Task<List<(string Id, int Position)>> SessionRowsAsync(LocalDate date)
    {
        await using var context = NewContext();
        var rows = await context.Set<ScheduledSession>().AsNoTracking()
            .Where(s => s.Day!.Date == date && s.Day.Block!.ProgramId == ProgramId)
            .OrderBy(s => s.Position).Select(s => new { s.Id, s.Position })
            .ToListAsync();
        return rows.Select(r => (r.Id, r.Position)).ToList();
    }

    private async Task<(LocalDate?, LocalDate?)> ProgramDatesAsync(string programId)
    {
        await using var context = NewContext();
        var program = await context.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == programId);
        return (program.StartDate, program.EndDate);
    }

    private async Task<string?> LegacyColumnAsync(string programId)
    {
        await using var context = NewContext();
        return await context.Set<TrainingProgram>().Where(p => p.Id == programId).Select(p => p.LegacyWeeklySchedule).SingleAsync();
    }

    /// <summary>What the writer gives for the program's rows, loaded independently and put in plan order.</summary>
    private async Task<string?> ExpectedLegacyJsonAsync(string programId)
    {
        await using var context = NewContext();
        return await RowsJsonWriter.ExpectedAsync(context, programId);
    }
}

/// <summary>Runs an edit of someone else's once, just before the context's first save.</summary>
internal sealed class EditBeforeSave(Func<Task> edit) : SaveChangesInterceptor
{
    public bool Ran { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Ran)
        {
            Ran = true;
            await edit();
        }

        return result;
    }
}
