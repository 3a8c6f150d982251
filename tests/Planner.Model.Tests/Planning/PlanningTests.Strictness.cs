using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

/// <summary>Issue 10: every path strict (not found, overlaps, span, ids kept on a shift, messages), partial edits.</summary>
public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task Every_read_of_an_unknown_program_is_not_found_with_one_wording_and_an_empty_window_of_a_real_one_is_empty()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var missing = "prog-missing-" + seeded.ProgramId;
        await using var context = CreateContext();
        var service = Service(context);
        var utc = DateTimeZone.Utc;

        var errors = new List<PlanNotFoundException>
        {
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.CalendarAsync(missing, BlockStart, BlockStart.PlusDays(6))),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.CalendarAsync(missing, BlockStart, BlockStart, CalendarGaps.Fill)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.TodayAsync(missing, utc)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ThisWeekAsync(missing, utc)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ComplianceByBlockAsync(missing, utc)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ComplianceByWeekAsync(missing, utc)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.CopyWeekAsync(missing, BlockStart, BlockStart.PlusDays(7))),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ShiftProgramAsync(missing, 7)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.StartProgramFromAsync(missing, "new-" + missing, "x", BlockStart)),
            await Assert.ThrowsAsync<PlanNotFoundException>(() => service.AddBlockAsync(missing, "x", new BlockSchedule(BlockStart, BlockEnd))),
        };

        Assert.All(errors, e => Assert.Equal((PlanEntity.Program, missing, $"Program '{missing}' was not found."), (e.Entity, e.Id, e.Message)));
        Assert.All(errors, e => Assert.IsAssignableFrom<KeyNotFoundException>(e));

        // The program exists: a window outside its blocks is empty, not an error.
        Assert.Empty((await service.CalendarAsync(seeded.ProgramId, BlockEnd.PlusDays(1), BlockEnd.PlusDays(7))).Days);
    }

    [Fact]
    public async Task Copying_a_week_of_an_unknown_program_writes_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();

        await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(context).CopyWeekAsync("prog-nowhere", BlockStart, BlockStart.PlusDays(7)));

        var week2 = await DayRowAsync(seeded, BlockStart.PlusDays(7));
        Assert.Equal(DeterministicIds.ForSession(week2.Id, 0), Assert.Single(week2.Sessions).Id);
    }

    [Fact]
    public async Task A_calendar_window_takes_at_most_366_dates_and_says_so_with_iso_dates()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();
        var service = Service(context);

        var year = await service.CalendarAsync(seeded.ProgramId, BlockStart, BlockStart.PlusDays(PlanningService.MaxCalendarDays - 1));
        Assert.Equal(91, year.Days.Count);
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.CalendarAsync(seeded.ProgramId, BlockStart, BlockStart.PlusDays(PlanningService.MaxCalendarDays)));
        Assert.Equal("to", error.ParamName);
        Assert.Contains("at most 366", error.Message);
        Assert.Contains("2024-01-01..2025-01-01", error.Message);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.CalendarAsync(seeded.ProgramId, new LocalDate(2010, 1, 1), new LocalDate(2025, 12, 31)));
    }

    [Fact]
    public async Task A_filled_window_lists_every_date_with_gaps_before_between_and_after_blocks_in_one_command()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using (var setup = CreateContext())
        {
            // A second block after a gap of a week: 2024-04-08..2024-04-14.
            await Service(setup).AddBlockAsync(seeded.ProgramId, "Build", new BlockSchedule(new LocalDate(2024, 4, 8), new LocalDate(2024, 4, 14)));
        }

        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var from = BlockEnd.PlusDays(-1);
        var to = new LocalDate(2024, 4, 20);

        var window = await Service(context).CalendarAsync(seeded.ProgramId, from, to, CalendarGaps.Fill);

        Assert.Equal(1, counter.Count);
        Assert.NotNull(window.Dates);
        Assert.Equal(Enumerable.Range(0, Period.DaysBetween(from, to) + 1).Select(from.PlusDays), window.Dates.Select(d => d.Date));
        var gaps = window.Dates.Where(d => d.IsGap).Select(d => d.Date).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => new LocalDate(2024, 4, 1).PlusDays(i)).Concat(Enumerable.Range(0, 6).Select(i => new LocalDate(2024, 4, 15).PlusDays(i))), gaps);
        Assert.Equal(window.Days, window.Dates.SelectMany(d => d.Days));
        Assert.Equal(BlockEnd, window.Dates[1].Days.Single().Date);

        var unfilled = await Service(context).CalendarAsync(seeded.ProgramId, from, to);
        Assert.Null(unfilled.Dates);
        Assert.Equal(window.Days.Select(d => d.Id), unfilled.Days.Select(d => d.Id));
    }

    [Fact]
    public async Task Shifting_a_block_or_a_program_moves_every_planned_session_with_its_day_keeping_its_id()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        async Task<Dictionary<string, LocalDate>> SessionDatesAsync()
        {
            await using var read = CreateContext();
            var window = await Service(read).CalendarAsync(seeded.ProgramId, BlockStart.PlusDays(-30), BlockEnd.PlusDays(30));
            return window.Days.SelectMany(d => d.Sessions.Select(s => (s.Id, d.Date))).ToDictionary(p => p.Id, p => p.Date);
        }

        var before = await SessionDatesAsync();
        Assert.Equal(13 * 4, before.Count);
        await using (var context = CreateContext())
        {
            var changes = await Service(context).ShiftBlockAsync(seeded.BlockId, 7);
            Assert.Empty(changes.AddedSessions);
            Assert.Empty(changes.RemovedSessions);
        }

        var shifted = await SessionDatesAsync();
        Assert.Equal(before.ToDictionary(p => p.Key, p => p.Value.PlusDays(7)), shifted);

        await using (var context = CreateContext())
        {
            await Service(context).ShiftProgramAsync(seeded.ProgramId, -10);
        }

        Assert.Equal(before.ToDictionary(p => p.Key, p => p.Value.PlusDays(-3)), await SessionDatesAsync());
    }

    [Fact]
    public async Task Shifting_or_rescheduling_a_block_onto_another_is_refused_like_adding_one_and_writes_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Tuesday] = [new PlannedSession(seeded.EasyTemplateId)] });
        BlockSummary build;
        await using (var setup = CreateContext())
        {
            build = await Service(setup).AddBlockAsync(seeded.ProgramId, "Build", new BlockSchedule(BlockEnd.PlusDays(1), BlockEnd.PlusDays(28), pattern));
        }

        await using var before = CreateContext();
        var planBefore = (await Service(before).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd.PlusDays(28))).Days.Select(d => (d.Id, d.Date, d.Sessions.Count)).ToList();

        var shift = await Assert.ThrowsAsync<BlockOverlapException>(() => Service(CreateContext()).ShiftBlockAsync(build.Id, -7));
        var reschedule = await Assert.ThrowsAsync<BlockOverlapException>(() => Service(CreateContext()).RescheduleBlockAsync(build.Id, new BlockSchedule(BlockEnd.PlusDays(-2), BlockEnd.PlusDays(20), pattern)));
        var back = await Assert.ThrowsAsync<BlockOverlapException>(() => Service(CreateContext()).ShiftBlockAsync(seeded.BlockId, 1));
        var add = await Assert.ThrowsAsync<BlockOverlapException>(() => Service(CreateContext()).AddBlockAsync(seeded.ProgramId, "Peak", new BlockSchedule(BlockEnd, BlockEnd.PlusDays(3))));

        Assert.Equal(("days", "schedule", "days", "schedule"), (shift.ParamName, reschedule.ParamName, back.ParamName, add.ParamName));
        Assert.Contains($"would overlap block '{seeded.BlockId}' ('Base Builder', 2024-01-01..2024-03-31)", shift.Message);
        Assert.Contains("2024-03-25..2024-04-21", shift.Message);
        Assert.Contains($"would overlap block '{seeded.BlockId}'", reschedule.Message);
        Assert.Contains($"would overlap block '{build.Id}' ('Build', 2024-04-01..2024-04-28)", back.Message);
        Assert.Contains($"would overlap block '{seeded.BlockId}'", add.Message);
        Assert.Equal(
            [(build.Id, seeded.BlockId), (build.Id, seeded.BlockId), (seeded.BlockId, build.Id), (null, seeded.BlockId)],
            new[] { shift, reschedule, back, add }.Select(e => (e.BlockId, e.OtherBlockId)));
        Assert.All(new[] { shift, reschedule, back, add }, e => Assert.Equal(seeded.ProgramId, e.ProgramId));
        await using var after = CreateContext();
        Assert.Equal(planBefore, (await Service(after).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd.PlusDays(28))).Days.Select(d => (d.Id, d.Date, d.Sessions.Count)));

        // Away from the neighbour, the same writes go ahead.
        await using var ok = CreateContext();
        Assert.Equal(BlockEnd.PlusDays(8), (await Service(ok).ShiftBlockAsync(build.Id, 7)).Start);
    }

    [Fact]
    public async Task A_program_whose_legacy_blocks_overlap_is_read_as_it_is_but_not_started_from()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using (var setup = CreateContext())
        {
            // Legacy data: a block over the last week of the seeded one, written past the API.
            var overlapping = new ProgramBlock { Id = "blk-legacy-" + seeded.BlockId, ProgramId = seeded.ProgramId, Position = 1, Name = "Legacy", StartDate = BlockEnd.PlusDays(-6), EndDate = BlockEnd };
            overlapping.Days.Add(new ProgramDay { Id = "day-legacy-" + seeded.BlockId, BlockId = overlapping.Id, Date = BlockEnd });
            setup.Add(overlapping);
            await setup.SaveChangesAsync();
        }

        await using var context = CreateContext();
        var window = await Service(context).CalendarAsync(seeded.ProgramId, BlockEnd, BlockEnd, CalendarGaps.Fill);
        Assert.Equal(2, window.Days.Count);
        Assert.Equal(2, window.Dates!.Single().Days.Count);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Service(CreateContext()).StartProgramFromAsync(seeded.ProgramId, "copy-" + seeded.ProgramId, "Copy", new LocalDate(2025, 1, 6)));
        Assert.Contains("overlapping blocks", error.Message);
        await using var check = CreateContext();
        Assert.False(await check.Set<TrainingProgram>().AnyAsync(p => p.Id == "copy-" + seeded.ProgramId));
    }

    [Fact]
    public async Task A_partial_day_edit_writes_the_fields_it_sets_and_leaves_the_others()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var dayId = seeded.DayId(Wednesday);
        await using var context = CreateContext();
        var service = Service(context);

        var full = await service.UpdateDayAsync(dayId, new DayEdit { Name = "Hills", Notes = "windy", Readiness = 6 }, Expect.Any);
        var named = await service.UpdateDayAsync(dayId, new DayEdit { Name = "Hill repeats" }, Expect.Stamp(full.ConcurrencyStamp));
        var cleared = await service.UpdateDayAsync(dayId, new DayEdit { Readiness = null }, Expect.Stamp(named.ConcurrencyStamp));
        var nothing = await service.UpdateDayAsync(dayId, new DayEdit(), Expect.Stamp(cleared.ConcurrencyStamp));

        Assert.Equal(("Hill repeats", "windy", (int?)6), (named.Name, named.Notes, named.Readiness));
        Assert.Equal(("Hill repeats", "windy", (int?)null), (cleared.Name, cleared.Notes, cleared.Readiness));
        Assert.Equal(cleared.ConcurrencyStamp, nothing.ConcurrencyStamp);
        var row = await DayRowAsync(seeded, Wednesday);
        Assert.Equal(("Hill repeats", "windy", (int?)null), (row.Name, row.Notes, row.Readiness));
        Assert.NotEqual(full.ConcurrencyStamp, named.ConcurrencyStamp);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.UpdateDayAsync(dayId, new DayEdit { Readiness = 11 }, Expect.Any));
    }

    [Fact]
    public async Task The_concurrency_check_is_said_explicitly_and_a_missing_one_is_refused()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();
        var service = Service(context);

        Assert.Throws<ArgumentException>(() => Expect.Stamp(""));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.UpdateDayAsync(seeded.DayId(Wednesday), new DayEdit { Name = "x" }, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.RemoveSessionAsync(DeterministicIds.ForSession(seeded.DayId(Wednesday), 0), null!));
        Assert.True(Expect.Any.IsAny);
        Assert.Equal("abc", Expect.Stamp("abc").ExpectedStamp);
        Assert.Null((await DayRowAsync(seeded, Wednesday)).Name);
    }

    [Fact]
    public async Task Messages_write_dates_as_iso_whatever_the_current_culture()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var am = DeterministicIds.ForSession(seeded.DayId(Wednesday), 0);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            await using var context = CreateContext();
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service(context).MoveSessionAsync(am, new LocalDate(2026, 1, 1), Expect.Any));
            Assert.Contains("2026-01-01", error.Message);
            Assert.DoesNotContain("janvier", error.Message);
            Assert.DoesNotContain("jeudi", error.Message);
            Assert.Equal("2026-01-01", error.ActualValue);

            var rpe = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service(CreateContext()).CompleteSessionAsync(am, new SessionCompletion { Rpe = 10.5m }, Expect.Any));
            Assert.Equal("10.5", rpe.ActualValue);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Read_models_give_the_parsed_completion()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var am = DeterministicIds.ForSession(seeded.DayId(Wednesday), 0);
        var completion = new SessionCompletion { Rpe = 7, DistanceKm = 10.2m };
        completion.OtherFields["hr_avg"] = 151;
        await using (var context = CreateContext())
        {
            await Service(context).CompleteSessionAsync(am, completion, Expect.Any);
        }

        await using var read = CreateContext();
        var session = (await Service(read).CalendarAsync(seeded.ProgramId, Wednesday, Wednesday)).Days.Single().Sessions.Single(s => s.Id == am);
        Assert.Equal((7m, 10.2m, (decimal?)null, 151), (session.Completion!.Rpe, session.Completion.DistanceKm, session.Completion.DurationMinutes, (int)session.Completion.OtherFields["hr_avg"]!));
        Assert.Null((await Service(read).CalendarAsync(seeded.ProgramId, Wednesday, Wednesday)).Days.Single().Sessions.Single(s => s.Id != am).Completion);
    }
}
