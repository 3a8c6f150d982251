using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task A_block_added_from_a_pattern_has_the_expansions_days_and_widens_the_program()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var start = new LocalDate(2024, 4, 1);
        var end = new LocalDate(2024, 4, 27);
        var pattern = new CyclePattern([
            [new PlannedSession(seeded.EasyTemplateId, "am"), new PlannedSession(seeded.EasyTemplateId, "pm")],
            [],
            [new PlannedSession(seeded.LongTemplateId)],
        ]);
        var schedule = new BlockSchedule(start, end, pattern, [new DayOverride(new LocalDate(2024, 4, 2), DayOverrideKind.Annotate) { Name = "Travel" }]);
        await using var context = CreateContext();
        var service = Service(context);

        var block = await service.AddBlockAsync(seeded.ProgramId, "Peak", schedule, "#f44336", [seeded.GoalId]);

        Assert.Equal(1, block.Position);
        var window = await service.CalendarAsync(seeded.ProgramId, start, end);
        var expected = ScheduleExpansion.Expand(schedule).ToList();
        Assert.Equal(expected.Select(d => d.Date), window.Days.Select(d => d.Date));
        Assert.Equal(
            expected.Select(d => string.Join(",", d.Sessions.Select(s => s.TemplateId + "/" + s.Slot))),
            window.Days.Select(d => string.Join(",", d.Sessions.Select(s => s.TemplateId + "/" + s.Slot))));
        Assert.Equal("Travel", window.Days[1].Name);
        Assert.Contains(await service.BlocksByGoalAsync(seeded.GoalId), b => b.Id == block.Id);
        await using var check = CreateContext();
        Assert.Equal(end, (await check.Set<TrainingProgram>().SingleAsync(p => p.Id == seeded.ProgramId)).EndDate);

        var overlapping = new BlockSchedule(new LocalDate(2024, 3, 25), new LocalDate(2024, 4, 5));
        var error = await Assert.ThrowsAsync<BlockOverlapException>(() => Service(CreateContext()).AddBlockAsync(seeded.ProgramId, "Clash", overlapping));
        Assert.Contains("Base Builder", error.Message);

    }

    [Fact]
    public async Task Adding_a_block_with_unknown_templates_or_goals_is_refused_naming_them_and_writes_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var start = new LocalDate(2024, 4, 1);
        var pattern = new CyclePattern([[new PlannedSession(seeded.EasyTemplateId), new PlannedSession("tpl-nowhere")], []]);
        var schedule = new BlockSchedule(start, start.PlusDays(13), pattern,
            [new DayOverride(start.PlusDays(3), DayOverrideKind.Replace, [new PlannedSession("tpl-override-only")])]);

        var error = await Assert.ThrowsAsync<UnknownReferenceException>(
            () => Service(CreateContext()).AddBlockAsync(seeded.ProgramId, "Peak", schedule, goalIds: [seeded.GoalId, "goal-nowhere"]));

        Assert.Equal(["tpl-nowhere", "tpl-override-only"], error.TemplateIds);
        Assert.Equal(["goal-nowhere"], error.GoalIds);
        Assert.Contains("tpl-nowhere", error.Message);
        Assert.Contains("goal-nowhere", error.Message);
        Assert.Contains(seeded.ProgramId, error.Message);
        await using var check = CreateContext();
        Assert.Equal(1, await check.Set<ProgramBlock>().CountAsync(b => b.ProgramId == seeded.ProgramId));

        var known = await Service(CreateContext()).AddBlockAsync(seeded.ProgramId, "Peak", new BlockSchedule(start, start.PlusDays(13), new CyclePattern([[new PlannedSession(seeded.LongTemplateId)]])), goalIds: [seeded.GoalId]);
        Assert.Equal(1, known.Position);
    }

    [Fact]
    public async Task Copying_a_week_replaces_the_targets_plan_but_keeps_its_logged_sessions()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var source = new LocalDate(2024, 1, 1);
        var target = new LocalDate(2024, 2, 5);

        // The source week gets an extra session and a name on Tuesday; the target's Monday session is logged.
        await using (var setup = CreateContext())
        {
            var setupService = Service(setup);
            await setupService.AddSessionAsync(seeded.DayId(source.PlusDays(1)), seeded.LongTemplateId, Expect.Any, "pm");
            await setupService.UpdateDayAsync(seeded.DayId(source.PlusDays(1)), DayEdits.Full("Double", "tired", 3), Expect.Any);
            var logged = (await DayRowAsync(seeded, target)).Sessions.Single();
            await setupService.CompleteSessionAsync(logged.Id, new SessionCompletion { Rpe = 6 }, Expect.Any);
            await setupService.AddSessionAsync(seeded.DayId(target.PlusDays(4)), seeded.EasyTemplateId, Expect.Any, "extra");
        }

        var loggedId = (await DayRowAsync(seeded, target)).Sessions.Single().Id;
        await using var context = CreateContext();
        var week = await Service(context).CopyWeekAsync(seeded.ProgramId, source, target);

        var sourceWeek = await Service(context).CalendarAsync(seeded.ProgramId, source, source.PlusDays(6));
        var monday = week.Days[0];
        Assert.Equal(new[] { loggedId, null }, monday.Sessions.Select(s => s.IsCompleted ? s.Id : null));
        Assert.Equal(new[] { 0, 1 }, monday.Sessions.Select(s => s.Position));
        for (var i = 1; i < 7; i++)
        {
            Assert.Equal(sourceWeek.Days[i].Sessions.Select(s => (s.TemplateId, s.Slot, s.Notes, false)), week.Days[i].Sessions.Select(s => (s.TemplateId, s.Slot, s.Notes, s.IsCompleted)));
            Assert.Equal(sourceWeek.Days[i].Name, week.Days[i].Name);
            Assert.Null(week.Days[i].Readiness);
        }

        Assert.Equal("Double", week.Days[1].Name);
        Assert.Null(week.Days[1].Notes);
        await Assert.ThrowsAsync<ArgumentException>(() => Service(context).CopyWeekAsync(seeded.ProgramId, source, source.PlusDays(3)));

        // Onto a week that runs past the block: refused when the source's Saturday finds no block, all rolled back.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service(CreateContext()).CopyWeekAsync(seeded.ProgramId, source, new LocalDate(2024, 3, 28)));
        Assert.Empty((await DayRowAsync(seeded, new LocalDate(2024, 3, 28))).Sessions);
    }

    [Fact]
    public async Task Copying_a_week_never_deletes_logged_work_and_copying_again_adds_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var source = new LocalDate(2024, 1, 1);
        var target = new LocalDate(2024, 2, 5);

        // The target's Monday session has the athlete's notes, its Saturday session completion data;
        // neither is marked complete.
        await using (var setup = CreateContext())
        {
            var monday = await setup.Set<ScheduledSession>().SingleAsync(s => s.DayId == seeded.DayId(target));
            monday.Notes = "legs heavy, cut short";
            var saturday = await setup.Set<ScheduledSession>().SingleAsync(s => s.DayId == seeded.DayId(target.PlusDays(5)));
            saturday.SetCompletion(new SessionCompletion { Rpe = 7 });
            await setup.SaveChangesAsync();
        }

        var before = await TargetWeekAsync();
        var logged = before.Where(s => LoggedWork.IsLogged(s.Session)).Select(s => s.Session).ToList();
        Assert.Equal(2, logged.Count(s => !s.IsCompleted && (s.Notes is "legs heavy, cut short" || s.CompletionData is not null)));

        await using (var context = CreateContext())
        {
            await Service(context).CopyWeekAsync(seeded.ProgramId, source, target);
        }

        var after = await TargetWeekAsync();
        foreach (var session in logged)
        {
            var kept = Assert.Single(after, s => s.Session.Id == session.Id);
            Assert.Equal((session.DayId, session.Notes, session.CompletionData, session.IsCompleted), (kept.Session.DayId, kept.Session.Notes, kept.Session.CompletionData, kept.Session.IsCompleted));
        }

        // The pattern's noted session (Wednesday's long run, "hilly") is the plan copied, not logged work: copying again changes nothing.
        await using (var again = CreateContext())
        {
            await Service(again).CopyWeekAsync(seeded.ProgramId, source, target);
        }

        Assert.Equal(after.Select(s => (s.Session.Id, s.Session.Position)), (await TargetWeekAsync()).Select(s => (s.Session.Id, s.Session.Position)));

        async Task<List<(LocalDate Date, ScheduledSession Session)>> TargetWeekAsync()
        {
            await using var read = CreateContext();
            var end = target.PlusDays(6);
            var days = await read.Set<ProgramDay>().AsNoTracking().Include(d => d.Sessions)
                .Where(d => d.Block!.ProgramId == seeded.ProgramId && d.Date >= target && d.Date <= end).ToListAsync();
            return days.OrderBy(d => d.Date).SelectMany(d => d.Sessions.OrderBy(s => s.Position).Select(s => (d.Date, s))).ToList();
        }
    }

    [Fact]
    public async Task Copying_a_week_keeps_the_name_of_a_target_day_with_words_of_its_own()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var source = new LocalDate(2024, 1, 1);
        var target = new LocalDate(2024, 2, 5);

        // Source Tuesday is named; target Monday and Tuesday carry the athlete's own words, target Thursday only
        // a readiness (no name), target Friday nothing.
        await using (var setup = CreateContext())
        {
            var service = Service(setup);
            await service.UpdateDayAsync(seeded.DayId(source.PlusDays(1)), DayEdits.Full("Intervals", null, null), Expect.Any);
            await service.UpdateDayAsync(seeded.DayId(source.PlusDays(3)), DayEdits.Full("Tempo", null, null), Expect.Any);
            await service.UpdateDayAsync(seeded.DayId(source.PlusDays(4)), DayEdits.Full("Recovery", null, null), Expect.Any);
            await service.UpdateDayAsync(seeded.DayId(target), DayEdits.Full("Race day", "went out too fast", 4), Expect.Any);
            await service.UpdateDayAsync(seeded.DayId(target.PlusDays(1)), DayEdits.Full("Sick", null, null), Expect.Any);
            await service.UpdateDayAsync(seeded.DayId(target.PlusDays(3)), DayEdits.Full(null, null, 6), Expect.Any);
        }

        await using (var context = CreateContext())
        {
            await Service(context).CopyWeekAsync(seeded.ProgramId, source, target);
        }

        var monday = await DayRowAsync(seeded, target);
        Assert.Equal(("Race day", "went out too fast", (int?)4), (monday.Name, monday.Notes, monday.Readiness));
        Assert.Equal("Sick", (await DayRowAsync(seeded, target.PlusDays(1))).Name);
        var thursday = await DayRowAsync(seeded, target.PlusDays(3));
        Assert.Equal((null, (int?)6), (thursday.Name, thursday.Readiness));
        Assert.Equal("Recovery", (await DayRowAsync(seeded, target.PlusDays(4))).Name);
    }

    [Fact]
    public async Task A_new_program_from_a_template_shifts_the_plan_with_ids_from_the_new_id_and_no_logged_data()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using (var setup = CreateContext())
        {
            var setupService = Service(setup);
            var first = (await DayRowAsync(seeded, BlockStart)).Sessions.Single();
            await setupService.CompleteSessionAsync(first.Id, new SessionCompletion { Rpe = 8, DurationMinutes = 50 }, Expect.Any);
            await setupService.UpdateDayAsync(seeded.DayId(BlockStart), DayEdits.Full("Opener", "felt great", 9), Expect.Any);
            await setup.Set<TrainingProgram>().Where(p => p.Id == seeded.ProgramId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LegacyGoalIds, "[\"goal-of-the-legacy-column\"]"));
        }

        var newId = "prog-again-" + Guid.NewGuid().ToString("N");
        var start = new LocalDate(2025, 1, 6); // a Monday, like the template's
        await using var context = CreateContext();
        var program = await Service(context).StartProgramFromAsync(seeded.ProgramId, newId, "Marathon 2025", start);

        Assert.Equal((start, (LocalDate?)start.PlusDays(90)), (program.StartDate!.Value, program.EndDate));
        await using var check = CreateContext();
        var copy = await check.Set<TrainingProgram>().AsNoTracking()
            .Include(p => p.GoalLinks)
            .Include(p => p.Blocks).ThenInclude(b => b.GoalLinks)
            .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == newId);
        var block = Assert.Single(copy.Blocks);
        var blockId = DeterministicIds.ForBlock(newId, DeterministicIds.PositionKey(0));
        Assert.Equal(blockId, block.Id);
        Assert.Equal(seeded.GoalId, Assert.Single(copy.GoalLinks).GoalId);
        Assert.Equal(seeded.GoalId, Assert.Single(block.GoalLinks).GoalId);
        Assert.Null(copy.LegacyGoalIds); // dual writes off: neither legacy column is written
        Assert.Null(copy.LegacyWeeklySchedule);
        Assert.Equal(91, block.Days.Count);
        Assert.All(block.Days, d => Assert.Equal(DeterministicIds.ForDay(blockId, d.Date), d.Id));
        Assert.All(block.Days.SelectMany(d => d.Sessions), s => Assert.Equal(DeterministicIds.ForSession(s.DayId, s.Position), s.Id));

        var opener = block.Days.Single(d => d.Date == start);
        Assert.Equal(("Opener", (string?)null, (int?)null), (opener.Name, opener.Notes, opener.Readiness));
        Assert.All(block.Days.SelectMany(d => d.Sessions), s => Assert.False(s.IsCompleted || s.CompletionData is not null));

        // The same plan on the same weekdays: the template's sessions per date, shifted.
        var template = await Service(check).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);
        var copied = await Service(check).CalendarAsync(newId, start, start.PlusDays(90));
        Assert.Equal(
            template.Days.Select(d => (Period.DaysBetween(BlockStart, d.Date), string.Join(",", d.Sessions.Select(s => s.TemplateId + s.Slot)))),
            copied.Days.Select(d => (Period.DaysBetween(start, d.Date), string.Join(",", d.Sessions.Select(s => s.TemplateId + s.Slot)))));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service(CreateContext()).StartProgramFromAsync(seeded.ProgramId, newId, "Again", start));
    }
}
