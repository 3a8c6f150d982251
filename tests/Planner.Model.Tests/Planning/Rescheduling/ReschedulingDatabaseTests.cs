using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Planning.Rescheduling;
using Planner.Model.Scheduling;
using Planner.Model.Tests.Infrastructure;
using Planner.Model.Tests.Scheduling;

namespace Planner.Model.Tests.Planning.Rescheduling;

/// <summary>
/// Rescheduling through a host's own context on each real database: the rows written are the change
/// set's, the unique indexes hold however rows move, and a second run changes nothing.
/// </summary>
public abstract class ReschedulingDatabaseTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static readonly string[] Templates = ["tpl-0", "tpl-1", "tpl-2", "tpl-3", "tpl-4", "tpl-x", "tpl-y", "tpl-z", "tpl-w"];

    protected TDatabase Database { get; } = database;

    [SkippableFact]
    public async Task Random_reschedules_write_the_planned_rows_and_a_second_run_changes_nothing()
    {
        Database.SkipIfUnavailable();
        var cases = Gen.Select(ReschedulingGenerators.Any, ReschedulingGenerators.Options(allowDelete: true), Gen.Bool).Array[12].Single();
        foreach (var (scenario, options, shift) in cases)
        {
            var blockId = await SeedAsync(scenario);
            var expected = StoredBlock.Create(scenario, blockId);
            var planned = shift ? BlockRescheduling.PlanShift(expected, scenario.Shift, options) : BlockRescheduling.Plan(expected, scenario.After.Build(), options);
            RescheduleApplication.Apply(expected, planned);

            await using (var context = Database.CreateHostContext())
            {
                var applied = shift
                    ? await context.ShiftBlockAsync(blockId, scenario.Shift, options)
                    : await context.RescheduleBlockAsync(blockId, scenario.After.Build(), options);
                Assert.Equal(Describe(planned), Describe(applied));
            }

            var stored = await LoadAsync(blockId);
            Assert.Equal(StoredBlock.Snapshot(expected), StoredBlock.Snapshot(stored));
            StoredBlock.AssertWellFormed(stored);

            if (!shift)
            {
                await using var context = Database.CreateHostContext();
                var again = await context.RescheduleBlockAsync(blockId, scenario.After.Build(), options);
                Assert.True(again.IsEmpty, scenario.ToString());
                Assert.Equal(StoredBlock.Snapshot(expected), StoredBlock.Snapshot(await LoadAsync(blockId)));
            }
        }
    }

    [SkippableFact]
    public async Task Sessions_that_swap_places_within_a_day_respect_the_unique_position_index()
    {
        Database.SkipIfUnavailable();
        var d = new LocalDate(2024, 5, 6);
        var blockId = await SeedAsync(Scenario(d, d.PlusDays(1), [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-x"), new("tpl-y"), new("tpl-z")])]));
        var swapped = new BlockSchedule(d, d.PlusDays(1), null, [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-z"), new("tpl-y"), new("tpl-x")])]);
        var ids = (await LoadAsync(blockId)).Days.Single(x => x.Date == d).Sessions.ToDictionary(s => s.SessionTemplateId, s => s.Id);

        await using (var context = Database.CreateHostContext())
        {
            var changes = await context.RescheduleBlockAsync(blockId, swapped);
            Assert.Empty(changes.AddedSessions);
            Assert.Empty(changes.RemovedSessions);
        }

        var day = (await LoadAsync(blockId)).Days.Single(x => x.Date == d);
        Assert.Equal(new[] { ids["tpl-z"], ids["tpl-y"], ids["tpl-x"] }, day.Sessions.OrderBy(s => s.Position).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task A_kept_logged_session_and_new_planned_sessions_share_a_day_without_colliding()
    {
        Database.SkipIfUnavailable();
        var d = new LocalDate(2024, 3, 4);
        var scenario = Scenario(d, d, [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-x"), new("tpl-y")])], new WorkLog([1], [], []));
        var blockId = await SeedAsync(scenario);
        var dayId = DeterministicIds.ForDay(blockId, d);

        await using (var context = Database.CreateHostContext())
        {
            var changes = await context.RescheduleBlockAsync(blockId, new BlockSchedule(d, d, null, [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-z"), new("tpl-w")])]));
            Assert.Equal(DeterministicIds.ForSession(dayId, 1), Assert.Single(changes.Conflicts).Id);
        }

        var sessions = (await LoadAsync(blockId)).Days.Single().Sessions.OrderBy(s => s.Position).ToList();
        Assert.Equal(new[] { (0, "tpl-z", false), (1, "tpl-y", true), (2, "tpl-w", false) }, sessions.Select(s => (s.Position, s.SessionTemplateId, s.IsCompleted)));

        // tpl-z's natural id was tpl-x's, deleted in the same change: it gets the next one.
        Assert.Equal(DeterministicIds.ForSession(dayId, 0, 1), sessions[0].Id);
    }

    [SkippableFact]
    public async Task Shifting_a_block_moves_planned_work_keeps_logged_work_and_shifting_back_restores_it()
    {
        Database.SkipIfUnavailable();
        var start = new LocalDate(2023, 12, 27);
        var daily = new PatternSpec("cycle", [], [[new("tpl-0", "am"), new("tpl-1", "pm")], [new("tpl-2")], []]);
        var scenario = new ReschedulingScenario(new ScheduleSpec(start, start.PlusDays(13), daily, []), new WorkLog([0, 3], [5], [2, 4]), null!, 0);
        var blockId = await SeedAsync(scenario);
        var before = await LoadAsync(blockId);
        // The session noted by the athlete but not done moves with the plan; completed ones stay.
        var planned = StoredBlock.PlannedSessions(before, shift: true);
        var logged = Staying(before);
        Assert.Contains(planned, p => p.EndsWith(" felt 5", StringComparison.Ordinal));

        await using (var context = Database.CreateHostContext())
        {
            var changes = await context.ShiftBlockAsync(blockId, 5);
            Assert.Equal(logged.Count, changes.Conflicts.Count(c => c.Subject == ConflictSubject.Session));
            Assert.All(changes.Conflicts.Where(c => c.Subject == ConflictSubject.Session), c => Assert.Equal(c.Date.PlusDays(5), c.SuggestedDate));
        }

        var shifted = await LoadAsync(blockId);
        Assert.Equal((start.PlusDays(5), start.PlusDays(18)), (shifted.StartDate, shifted.EndDate));
        Assert.Equal(planned.Select(p => Shift(p, 5)), StoredBlock.PlannedSessions(shifted, shift: true).Select(WithoutPosition));
        Assert.Equal(logged, Staying(shifted));
        StoredBlock.AssertWellFormed(shifted);

        await using (var context = Database.CreateHostContext())
        {
            await context.ShiftBlockAsync(blockId, -5);
        }

        var back = await LoadAsync(blockId);
        Assert.Equal(planned, StoredBlock.PlannedSessions(back, shift: true));
        Assert.Equal((start, start.PlusDays(13)), (back.StartDate, back.EndDate));

        static List<(string Id, LocalDate Date, int Position)> Staying(ProgramBlock block) =>
            block.Days.SelectMany(d => d.Sessions.Where(s => LoggedWork.StaysInShift(s, d, block)).Select(s => (s.Id, d.Date, s.Position))).OrderBy(x => x.Id).ToList();

        // "date position template slot": positions on the new dates may differ (logged work holds places there).
        static string WithoutPosition(string planned) => planned[..10] + planned[planned.IndexOf(' ', 11)..];

        static string Shift(string planned, int days) =>
            WithoutPosition(NodaTime.Text.LocalDatePattern.Iso.Parse(planned[..10]).Value.PlusDays(days).ToString("uuuu-MM-dd", null) + planned[10..]);
    }

    [SkippableFact]
    public async Task Shifting_a_program_moves_every_block_and_the_program_dates_with_logged_work_on_request()
    {
        Database.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N");
        var programId = "prog-" + suffix;
        var start = new LocalDate(2024, 2, 26);
        var first = Scenario(start, start.PlusDays(6), [], new WorkLog([2], [], []), new PatternSpec("cycle", [], [[new("tpl-0")]]));
        var second = Scenario(start.PlusDays(7), start.PlusDays(13), [], new WorkLog([], [], []), new PatternSpec("cycle", [], [[new("tpl-1")], []]));
        var firstId = await SeedAsync(first, programId, "blk-a-" + suffix, 0);
        var secondId = await SeedAsync(second, programId, "blk-b-" + suffix, 1);
        var loggedId = (await LoadAsync(firstId)).Days.Single(d => d.Date == start.PlusDays(2)).Sessions.Single().Id;

        IReadOnlyList<RescheduleChangeSet> changes;
        await using (var context = Database.CreateHostContext())
        {
            changes = await context.ShiftProgramAsync(programId, 7, new RescheduleOptions { Resolutions = new Dictionary<string, ConflictResolution> { [loggedId] = ConflictResolution.Move } });
        }

        Assert.Equal(new[] { firstId, secondId }, changes.Select(c => c.BlockId));
        await using (var context = Database.CreateContext())
        {
            var program = await context.Programs.AsNoTracking().SingleAsync(p => p.Id == programId);
            Assert.Equal((start.PlusDays(7), start.PlusDays(20)), (program.StartDate!.Value, program.EndDate!.Value));
        }

        var a = await LoadAsync(firstId);
        var b = await LoadAsync(secondId);
        Assert.Equal((start.PlusDays(7), start.PlusDays(13)), (a.StartDate, a.EndDate));
        Assert.Equal((start.PlusDays(14), start.PlusDays(20)), (b.StartDate, b.EndDate));
        Assert.Equal(start.PlusDays(9), a.Days.Single(d => d.Sessions.Any(s => s.Id == loggedId)).Date);
        Assert.Equal(7, a.Days.Count(d => d.Sessions.Any(s => s.SessionTemplateId == "tpl-0")));
        Assert.Equal(new[] { 14, 16, 18, 20 }, b.Days.Where(d => d.Sessions.Count > 0).Select(d => Period.DaysBetween(start, d.Date)).Order());
        StoredBlock.AssertWellFormed(a);
        StoredBlock.AssertWellFormed(b);
    }

    [SkippableFact]
    public async Task Inside_the_caller_s_transaction_a_rollback_undoes_the_reschedule()
    {
        Database.SkipIfUnavailable();
        var start = new LocalDate(2024, 1, 1);
        var blockId = await SeedAsync(Scenario(start, start.PlusDays(9), [], new WorkLog([], [], []), new PatternSpec("cycle", [], [[new("tpl-0")]])));
        var before = StoredBlock.Snapshot(await LoadAsync(blockId));

        await using (var context = Database.CreateHostContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var changes = await context.ShiftBlockAsync(blockId, 3);
            Assert.False(changes.IsEmpty);
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, StoredBlock.Snapshot(await LoadAsync(blockId)));
    }

    [SkippableFact]
    public async Task A_row_edited_by_someone_else_meanwhile_fails_the_save_and_nothing_is_written()
    {
        Database.SkipIfUnavailable();
        Skip.If(Database.Provider == "sqlite", "SQLite lets one writer at a time: nobody can edit a row inside the reschedule's transaction.");
        var start = new LocalDate(2024, 1, 1);
        var blockId = await SeedAsync(Scenario(start, start.PlusDays(9), [], new WorkLog([], [], []), new PatternSpec("cycle", [], [[new("tpl-0")], []])));
        var editedId = (await LoadAsync(blockId)).Days.Single(d => d.Date == start.PlusDays(4)).Sessions.Single().Id;

        // Someone else edits a session after the reschedule loaded it and before it saves; the shift
        // by one day moves that session (rows a change leaves alone are not checked: edits to them stay).
        var edit = new EditBeforeFirstSave(async () =>
        {
            await using var other = Database.CreateContext();
            var session = await other.Sessions.SingleAsync(s => s.Id == editedId);
            session.Slot = "pm";
            await other.SaveChangesAsync();
        });
        var before = StoredBlock.Snapshot(await LoadAsync(blockId));

        await using (var context = new HostContext((DbContextOptions<HostContext>)Database.Configure(new DbContextOptionsBuilder<HostContext>()).AddInterceptors(edit).Options))
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.ShiftBlockAsync(blockId, 1));
        }

        // Nothing of the reschedule was written; the other edit was.
        var after = await LoadAsync(blockId);
        Assert.Equal(before.Where(line => !line.Contains(editedId, StringComparison.Ordinal)), StoredBlock.Snapshot(after).Where(line => !line.Contains(editedId, StringComparison.Ordinal)));
        var edited = after.Days.SelectMany(d => d.Sessions).Single(s => s.Id == editedId);
        Assert.Equal(("pm", start.PlusDays(4), 0), (edited.Slot, after.Days.Single(d => d.Id == edited.DayId).Date, edited.Position));
    }

    [SkippableFact]
    public async Task An_unknown_block_or_program_is_named_in_the_error()
    {
        Database.SkipIfUnavailable();
        await using var context = Database.CreateHostContext();
        var block = await Assert.ThrowsAsync<PlanNotFoundException>(() => context.ShiftBlockAsync("blk-nowhere", 1));
        Assert.Contains("blk-nowhere", block.Message);
        var program = await Assert.ThrowsAsync<PlanNotFoundException>(() => context.ShiftProgramAsync("prog-nowhere", 1));
        Assert.Contains("prog-nowhere", program.Message);
    }

    private static ReschedulingScenario Scenario(LocalDate start, LocalDate end, DayOverride[] overrides, WorkLog? logging = null, PatternSpec? pattern = null) =>
        new(new ScheduleSpec(start, end, pattern ?? new PatternSpec("none", [], []), overrides), logging ?? new WorkLog([], [], []), null!, 0);

    /// <summary>Stores a scenario's block (its own program unless one is given), materialised and logged.</summary>
    private async Task<string> SeedAsync(ReschedulingScenario scenario, string? programId = null, string? blockId = null, int position = 0)
    {
        var suffix = Guid.NewGuid().ToString("N");
        programId ??= "prog-" + suffix;
        blockId ??= "blk-" + suffix;
        var block = StoredBlock.Create(scenario, blockId);
        block.ProgramId = programId;
        block.Position = position;

        await using var context = Database.CreateContext();
        foreach (var template in Templates)
        {
            if (!await context.SessionTemplates.AnyAsync(t => t.Id == template))
            {
                context.SessionTemplates.Add(new SessionTemplate { Id = template, Name = template });
            }
        }

        var program = await context.Programs.SingleOrDefaultAsync(p => p.Id == programId);
        if (program is null)
        {
            program = new TrainingProgram { Id = programId, Name = "Test " + suffix, StartDate = block.StartDate, EndDate = block.EndDate };
            context.Programs.Add(program);
        }
        else
        {
            program.EndDate = block.EndDate;
        }

        context.Blocks.Add(block);
        await context.SaveChangesAsync();
        return blockId;
    }

    private async Task<ProgramBlock> LoadAsync(string blockId)
    {
        await using var context = Database.CreateContext();
        return await context.Blocks.AsNoTracking().Include(b => b.Days).ThenInclude(d => d.Sessions).SingleAsync(b => b.Id == blockId);
    }

    private static string Describe(RescheduleChangeSet c) =>
        string.Join("\n", new object[] { c.Start, c.End }.Concat(c.AddedDays).Concat(c.AnnotatedDays).Concat(c.RemovedDays).Concat(c.AddedSessions).Concat(c.MovedSessions).Concat(c.RemovedSessions).Concat(c.Conflicts));
}

/// <summary>Runs an action once, just before the context's first save.</summary>
internal sealed class EditBeforeFirstSave(Func<Task> edit) : SaveChangesInterceptor
{
    private bool _done;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_done)
        {
            _done = true;
            await edit();
        }

        return result;
    }
}

public sealed class SqliteReschedulingDatabaseTests(SqliteDatabase database)
    : ReschedulingDatabaseTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresReschedulingDatabaseTests(PostgresDatabase database)
    : ReschedulingDatabaseTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
