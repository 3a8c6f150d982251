using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task Rescheduling_onto_unknown_templates_is_refused_naming_them_and_writes_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var schedule = new BlockSchedule(BlockStart, BlockEnd, new CyclePattern([[new PlannedSession("tpl-nowhere")], [new PlannedSession(seeded.EasyTemplateId)]]));
        await using var before = CreateContext();
        var planBefore = await Service(before).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);

        var error = await Assert.ThrowsAsync<UnknownReferenceException>(() => Service(CreateContext()).RescheduleBlockAsync(seeded.BlockId, schedule));

        Assert.Equal(["tpl-nowhere"], error.TemplateIds);
        Assert.Empty(error.GoalIds);
        Assert.Contains(seeded.BlockId, error.Message);
        await using var check = CreateContext();
        var planAfter = await Service(check).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);
        Assert.Equal(planBefore.Days.SelectMany(d => d.Sessions).Select(s => (s.Id, s.TemplateId)), planAfter.Days.SelectMany(d => d.Sessions).Select(s => (s.Id, s.TemplateId)));
    }

    [Fact]
    public async Task Rescheduling_or_shifting_a_block_past_the_programs_dates_widens_them_and_never_narrows_them()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Monday] = [new PlannedSession(seeded.EasyTemplateId)] });
        async Task<(LocalDate?, LocalDate?)> ProgramDatesAsync()
        {
            await using var check = CreateContext();
            var program = await check.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == seeded.ProgramId);
            return (program.StartDate, program.EndDate);
        }

        var before = await ProgramDatesAsync();
        await using (var context = CreateContext())
        {
            await Service(context).RescheduleBlockAsync(seeded.BlockId, new BlockSchedule(BlockStart, BlockEnd.PlusDays(14), pattern));
        }

        Assert.Equal((before.Item1, BlockEnd.PlusDays(14)), await ProgramDatesAsync());

        await using (var context = CreateContext())
        {
            await Service(context).ShiftBlockAsync(seeded.BlockId, -3);
        }

        Assert.Equal((BlockStart.PlusDays(-3), BlockEnd.PlusDays(14)), await ProgramDatesAsync());
    }

    [Fact]
    public async Task A_block_shifted_while_another_write_of_the_program_is_open_waits_for_it_and_never_narrows_the_dates()
    {
        Database.SkipIfUnavailable();
        Assert.SkipWhen(Database is not PostgresDatabase, "SQLite lets one writer in at a time (BEGIN IMMEDIATE): the two writes cannot interleave there.");
        var seeded = await SeedAsync();

        // Another write of the program, open: it has moved the program's end two months later.
        await using var holder = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var update = new Npgsql.NpgsqlCommand("UPDATE programs SET end_date = '2024-05-30' WHERE id = @id", holder, held))
        {
            update.Parameters.AddWithValue("id", seeded.ProgramId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var shift = Task.Run(async () =>
        {
            await using var context = CreateContext();
            await Service(context).ShiftBlockAsync(seeded.BlockId, 7);
        });
        await using (var observer = new Npgsql.NpgsqlConnection(Database.ConnectionString))
        {
            // Until the shift waits on the open write (or ended without waiting: the assert below then fails).
            await observer.OpenAsync();
            await using var waiting = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())", observer);
            while (!shift.IsCompleted && (long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                await Task.Delay(10);
            }
        }

        await held.CommitAsync();
        await shift;

        await using var check = CreateContext();
        var program = await check.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == seeded.ProgramId);
        Assert.Equal(new LocalDate(2024, 5, 30), program.EndDate); // the block's new end (7 April) lies inside it
    }

    [Fact]
    public async Task Shifting_a_program_moves_its_plan_keeps_logged_work_and_dual_writes()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var logged = (await DayRowAsync(seeded, Wednesday)).Sessions.Single(s => s.Position == 0);
        var options = new PlanningOptions { LegacyScheduleWriter = new RowsJsonWriter() };
        await using (var setup = CreateContext())
        {
            await Service(setup).CompleteSessionAsync(logged.Id, new SessionCompletion { Rpe = 6 }, Expect.Any);
        }

        await using var before = CreateContext();
        var planBefore = await Service(before).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);

        await using var context = CreateContext();
        var changes = await Service(context, options: options).ShiftProgramAsync(seeded.ProgramId, 7);

        Assert.Single(changes);
        await using var check = CreateContext();
        var after = Service(check);
        var planAfter = await after.CalendarAsync(seeded.ProgramId, BlockStart.PlusDays(7), BlockEnd.PlusDays(7));

        // Every planned session is a week later, noted ones too (the seed's "hilly" sessions, notes of the
        // plan); work done (the completed session) stays on the date it was done.
        static bool Logged(CalendarSession s) => s.IsCompleted || s.Completion is not null;
        string Plan(CalendarDay d) => string.Join(",", d.Sessions.Where(s => !Logged(s)).Select(s => s.TemplateId + s.Slot + s.Notes));
        Assert.Equal(
            planBefore.Days.Select(d => (d.Date.PlusDays(7), Plan(d))).Where(x => x.Item2.Length > 0),
            planAfter.Days.Select(d => (d.Date, Plan(d))).Where(x => x.Item2.Length > 0));
        var stayed = (await after.CalendarAsync(seeded.ProgramId, Wednesday, Wednesday)).Days.SelectMany(d => d.Sessions).Single(s => s.Id == logged.Id);
        Assert.True(stayed.IsCompleted);
        Assert.Equal(
            planBefore.Days.SelectMany(d => d.Sessions.Where(Logged).Select(s => (d.Date, s.Id))).Order(),
            (await after.CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd.PlusDays(7))).Days.SelectMany(d => d.Sessions.Where(Logged).Select(s => (d.Date, s.Id))).Order());
        Assert.Equal(BlockStart.PlusDays(7), (await check.Set<TrainingProgram>().SingleAsync(p => p.Id == seeded.ProgramId)).StartDate);
        Assert.Equal(await ExpectedLegacyJsonAsync(seeded.ProgramId), await LegacyColumnAsync(seeded.ProgramId));
    }

    [Fact]
    public async Task Rescheduling_moves_the_plan_when_the_hosts_context_does_not_track_queries()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var monday = DeterministicIds.ForDay(seeded.BlockId, BlockStart);

        await using (var context = CreateContext(tracking: QueryTrackingBehavior.NoTracking))
        {
            await Service(context).ShiftBlockAsync(seeded.BlockId, 1);
        }

        await using (var context = CreateContext(tracking: QueryTrackingBehavior.NoTracking))
        {
            await Service(context).ShiftProgramAsync(seeded.ProgramId, 1);
        }

        await using (var shifted = CreateContext())
        {
            Assert.Equal(BlockStart.PlusDays(1), (await shifted.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == seeded.ProgramId)).StartDate);
        }

        await using (var context = CreateContext(tracking: QueryTrackingBehavior.NoTracking))
        {
            var schedule = new BlockSchedule(BlockStart, BlockStart.PlusDays(13), new CyclePattern([[new PlannedSession(seeded.EasyTemplateId)]]));
            await Service(context).RescheduleBlockAsync(seeded.BlockId, schedule);
        }

        await using var check = CreateContext();
        var block = await check.Set<ProgramBlock>().AsNoTracking().Include(b => b.Days).ThenInclude(d => d.Sessions).SingleAsync(b => b.Id == seeded.BlockId);
        Assert.Equal((BlockStart, BlockStart.PlusDays(13)), (block.StartDate, block.EndDate));
        Assert.Equal(BlockStart, (await check.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == seeded.ProgramId)).StartDate); // widened to the block
        Assert.Equal(14, block.Days.Count(d => d.Sessions.Any(s => s.SessionTemplateId == seeded.EasyTemplateId)));
    }

    [Fact]
    public async Task A_preview_is_the_change_set_a_reschedule_then_applies_and_writes_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var schedule = new BlockSchedule(BlockStart, BlockStart.PlusDays(20), new CyclePattern([[new PlannedSession(seeded.EasyTemplateId)], []]));
        await using var before = CreateContext();
        var planBefore = await Service(before).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);

        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var preview = await Service(context).PreviewRescheduleAsync(seeded.BlockId, schedule);
        Assert.Equal(1, counter.Count); // the block with its days and sessions, in one query

        await using var unchanged = CreateContext();
        var planAfterPreview = await Service(unchanged).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);
        Assert.Equal(Sessions(planBefore), Sessions(planAfterPreview));
        // The new plan (an easy run every other day from 2024-01-01 to 01-21) has the Mondays' easy runs of its days 0
        // and 14; the other 37 planned sessions go, none logged. The Wednesdays' noted long runs stay, reported.
        Assert.Equal(37, preview.RemovedSessions.Count);
        Assert.DoesNotContain(preview.RemovedSessions, r => r.IsLogged);
        Assert.Equal(Wednesdays, preview.Conflicts.Select(c => c.Date));
        Assert.All(preview.Conflicts, c => Assert.Equal(ConflictSubject.Session, c.Subject));

        await using var apply = CreateContext();
        var applied = await Service(apply).RescheduleBlockAsync(seeded.BlockId, schedule);
        Assert.Equal(preview.AddedSessions, applied.AddedSessions);
        Assert.Equal(preview.MovedSessions, applied.MovedSessions);
        Assert.Equal(preview.RemovedSessions, applied.RemovedSessions);
        Assert.Equal(preview.RemovedDays, applied.RemovedDays);
        Assert.Equal(preview.Conflicts, applied.Conflicts);

        static List<(LocalDate, string, string)> Sessions(CalendarWindow window) =>
            window.Days.SelectMany(d => d.Sessions.Select(s => (d.Date, s.Id, s.ConcurrencyStamp))).ToList();
    }

    [Fact]
    public async Task Rescheduling_a_block_goes_through_the_engine_and_shifting_a_block_too()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Sunday] = [new PlannedSession(seeded.LongTemplateId, "am")],
        });
        var schedule = new BlockSchedule(BlockStart, BlockStart.PlusDays(27), pattern);
        await using var context = CreateContext();
        var service = Service(context);

        var changes = await service.RescheduleBlockAsync(seeded.BlockId, schedule);

        Assert.Equal(BlockStart.PlusDays(27), changes.End);
        var window = await service.CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd);

        // The new plan on its dates; the only other sessions are the logged ones the engine kept and reported.
        var sundays = ScheduleExpansion.Expand(schedule).Where(d => d.Sessions.Count > 0).Select(d => d.Date).ToList();
        Assert.Equal(sundays, window.Days.Where(d => d.Sessions.Any(s => s.Notes is null)).Select(d => d.Date));
        Assert.All(window.Days.Where(d => sundays.Contains(d.Date)), d => Assert.Equal((seeded.LongTemplateId, "am"), (d.Sessions[0].TemplateId, d.Sessions[0].Slot)));
        var kept = window.Days.Where(d => !sundays.Contains(d.Date)).SelectMany(d => d.Sessions).ToList();
        Assert.Equal(Wednesdays, kept.Select(s => window.Days.Single(d => d.Sessions.Contains(s)).Date)); // the noted long runs
        Assert.All(kept, s => Assert.Contains(changes.Conflicts, c => c.Id == s.Id));

        await service.ShiftBlockAsync(seeded.BlockId, -1);
        var shifted = await service.CalendarAsync(seeded.ProgramId, BlockStart.PlusDays(-1), BlockEnd);
        Assert.All(shifted.Days.Where(d => d.Sessions.Any(s => s.Notes is null)), d => Assert.Equal(IsoDayOfWeek.Saturday, d.Date.DayOfWeek));
        Assert.Equal("Block 'no-such-block' was not found.", (await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ShiftBlockAsync("no-such-block", 1))).Message);
    }
}
