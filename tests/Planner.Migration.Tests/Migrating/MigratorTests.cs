using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;
using Planner.Model.Planning;
using Planner.Model.Scheduling;
using Planner.Testing.Databases;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Migrating;

/// <summary>Phase 1 and 2 on a real database; each test makes its own database holding only the legacy tables.</summary>
public abstract class MigratorTests
{
    private static readonly string[] AllTables = [.. LegacyDatabase.LegacyTables, .. LegacyDatabase.NewTables];

    protected abstract Task<LegacyDatabase> NewDatabaseAsync();

    [Fact]
    public async Task Phase_1_creates_the_new_tables_once_and_leaves_the_legacy_tables_alone()
    {
        await using var db = await SeededAsync(5);
        var legacyBefore = await db.DumpAsync(LegacyDatabase.LegacyTables);

        var first = await Migrator(db).CreateSchemaAsync();
        var second = await Migrator(db).CreateSchemaAsync();

        Assert.Equal(
            LegacyDatabase.NewTables.Order(StringComparer.Ordinal),
            first.CreatedTables.Order(StringComparer.Ordinal));
        Assert.True(second.IsEmpty, $"second run created {second}");
        Assert.Equal("tables: none; indexes: none", second.ToString());
        Assert.StartsWith("tables: " + string.Join(", ", first.CreatedTables) + "; indexes: ", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(legacyBefore, await db.DumpAsync(LegacyDatabase.LegacyTables));

        // The created schema holds the model's constraints: a day of an unknown block is refused.
        await Assert.ThrowsAnyAsync<Exception>(() => db.ExecuteAsync(
            "INSERT INTO program_days (id, block_id, date, concurrency_stamp) VALUES ('d', 'no-such-block', '2024-01-01', 'x')"));
    }

    [Fact]
    public async Task Phase_1_adds_an_index_that_went_missing()
    {
        await using var db = await SeededAsync(1);
        await Migrator(db).CreateSchemaAsync();
        await db.ExecuteAsync("DROP INDEX ix_scheduled_sessions_session_template_id");

        var changes = await Migrator(db).CreateSchemaAsync();

        Assert.Empty(changes.CreatedTables);
        Assert.Equal(["ix_scheduled_sessions_session_template_id"], changes.CreatedIndexes);
    }

    [Fact]
    public async Task Every_program_is_written_with_its_days_sessions_and_goal_links()
    {
        await using var db = await SeededAsync(12);
        var legacyBefore = await db.DumpAsync(LegacyDatabase.LegacyTables);
        var migrator = Migrator(db, batchSize: 5);
        await migrator.CreateSchemaAsync();

        var report = await migrator.MigrateAsync();

        Assert.Equal((12, 12, 0, 0), (report.Total, report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.Equal(legacyBefore, await db.DumpAsync(LegacyDatabase.LegacyTables));

        // An oracle independent of the expansion engine: count the weekdays by walking the calendar.
        long days = 0, sessions = 0, programGoals = 0, blockGoals = 0;
        foreach (var row in TestPrograms.Many(12))
        {
            var even = int.Parse(row.Id[2..]) % 2 == 0;
            for (var date = LocalDate.FromDateTime(DateTime.Parse(row.StartDate!)); date <= LocalDate.FromDateTime(DateTime.Parse(row.EndDate!)); date = date.PlusDays(1))
            {
                days++;
                sessions += even
                    ? date.DayOfWeek switch { IsoDayOfWeek.Monday or IsoDayOfWeek.Saturday => 1, IsoDayOfWeek.Wednesday => 2, _ => 0 }
                    : date.DayOfWeek is IsoDayOfWeek.Tuesday or IsoDayOfWeek.Sunday ? 1 : 0;
            }

            programGoals += row.GoalIds is null ? 0 : 1;
            blockGoals += even ? 1 : 0;
        }

        Assert.Equal(12, await db.CountAsync("program_blocks"));
        Assert.Equal(days, await db.CountAsync("program_days"));
        Assert.Equal(sessions, await db.CountAsync("scheduled_sessions"));
        Assert.Equal(programGoals, await db.CountAsync("program_goals"));
        Assert.Equal(blockGoals, await db.CountAsync("block_goals"));
        Assert.Equal(days, report.Rows["program_days"]);
        Assert.Equal(sessions, report.Rows["scheduled_sessions"]);
        Assert.Equal(12, await db.CountAsync("planner_migration_ledger"));

        // The even programs' block carries an unknown key: a warning with its path, and the program is in.
        Assert.Equal(6, report.Warnings.Count(w => w.Diagnostic.Code == DiagnosticCodes.UnknownField && w.Diagnostic.Path == "$.blocks[0].colour"));

        await using var context = db.CreateContext();
        var day = await context.Days.AsNoTracking().Include(d => d.Sessions).SingleAsync(d => d.Block!.ProgramId == "p-00002" && d.Date == new LocalDate(2024, 1, 3));
        Assert.Equal(["tpl-intervals", "tpl-core"], day.Sessions.OrderBy(s => s.Position).Select(s => s.SessionTemplateId));
        Assert.True((await migrator.VerifyAsync()).IsClean);
    }

    [Fact]
    public async Task A_batch_whose_ledger_rows_take_several_inserts_records_every_program_once()
    {
        // 230 programs in one batch: the ledger rows go in INSERTs of 100, 100 and 30.
        await using var db = await SeededAsync(230);
        var migrator = Migrator(db, batchSize: 250);
        await migrator.CreateSchemaAsync();

        var report = await migrator.MigrateAsync();

        Assert.Equal((230, 230, 0), (report.Total, report.Migrated, report.Failed));
        Assert.Equal(230, await db.CountAsync("planner_migration_ledger WHERE outcome = 'migrated'"));
        Assert.Equal(230, await db.CountAsync("(SELECT DISTINCT program_id FROM planner_migration_ledger) ids"));
        Assert.Equal(0, await db.CountAsync("programs p WHERE NOT EXISTS (SELECT 1 FROM planner_migration_ledger l WHERE l.program_id = p.id AND l.rows_hash IS NOT NULL)"));
        Assert.True((await migrator.VerifyAsync()).IsClean);
        Assert.Equal(0, (await Migrator(db, batchSize: 250).MigrateAsync()).Migrated);
    }

    [Fact]
    public async Task A_rerun_writes_nothing()
    {
        await using var db = await SeededAsync(8);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db, batchSize: 3).MigrateAsync();
        var before = await db.DumpAsync(AllTables);

        var report = await Migrator(db, batchSize: 3, clock: Instant.FromUtc(2030, 1, 1, 0, 0)).MigrateAsync();

        Assert.Equal((0, 8, 0), (report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.All(report.Rows.Values, count => Assert.Equal(0, count));
        Assert.Equal(before, await db.DumpAsync(AllTables));
    }

    [Theory]
    // Batches of 3: a crash just after the batch that reaches `after` programs leaves every batch up to it
    // committed (3; 7 is reached by the third, 9); a crash inside a batch's transaction leaves the batches
    // before it (0; 6), whose ledger rows are all there is.
    [InlineData(nameof(MigrationFaultPoint.BatchCommitted), 3, 3)]
    [InlineData(nameof(MigrationFaultPoint.BatchCommitted), 7, 9)]
    [InlineData(nameof(MigrationFaultPoint.RowsWritten), 0, 0)]
    [InlineData(nameof(MigrationFaultPoint.RowsWritten), 6, 6)]
    public async Task A_run_crashed_at_any_point_then_run_again_ends_with_the_rows_of_a_clean_run(string pointName, int after, int ledgerAfterCrash)
    {
        var point = Enum.Parse<MigrationFaultPoint>(pointName);
        await using var clean = await SeededAsync(10);
        await Migrator(clean).CreateSchemaAsync();
        await Migrator(clean, batchSize: 3).MigrateAsync();

        await using var db = await SeededAsync(10);
        await Migrator(db).CreateSchemaAsync();
        var crashing = Migrator(db, batchSize: 3);
        crashing.Fault = (at, done) =>
        {
            if (at == point && done >= after)
            {
                throw new SimulatedCrashException();
            }
        };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.MigrateAsync());
        Assert.Equal(ledgerAfterCrash, await db.CountAsync("planner_migration_ledger"));

        var rerun = await Migrator(db, batchSize: 3).MigrateAsync();

        Assert.Equal(10, rerun.Migrated + rerun.AlreadyMigrated);
        Assert.Equal(await clean.DumpAsync(AllTables), await db.DumpAsync(AllTables));
    }

    [Fact]
    public async Task A_schedule_edited_while_its_program_is_converted_is_migrated_from_the_new_text()
    {
        await using var db = await SeededAsync(6);
        await Migrator(db).CreateSchemaAsync();
        var migrator = Migrator(db, batchSize: 6);
        var edited = false;
        migrator.BeforeWrite = async ids =>
        {
            if (!edited)
            {
                edited = true;
                await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"friday\": \"tpl-core\"}' WHERE id = 'p-00003'");
            }
        };

        var report = await migrator.MigrateAsync();

        Assert.Equal(6, report.Migrated);
        await using var context = db.CreateContext();
        var templates = await context.Sessions.Where(s => s.Day!.Block!.ProgramId == "p-00003").Select(s => s.SessionTemplateId).Distinct().ToListAsync();
        Assert.Equal(["tpl-core"], templates);
        Assert.True((await migrator.VerifyAsync()).IsClean);
    }

    [Fact]
    public async Task A_schedule_that_keeps_changing_is_reported_and_not_written()
    {
        await using var db = await SeededAsync(4);
        await Migrator(db).CreateSchemaAsync();
        var migrator = Migrator(db, batchSize: 4);
        var edits = 0;
        migrator.BeforeWrite = ids => db.ExecuteAsync(
            "UPDATE programs SET weekly_schedule = @text WHERE id = 'p-00002'", ("@text", $"{{\"friday\": \"tpl-core\", \"colour\": \"{++edits}\"}}"));

        var report = await migrator.MigrateAsync();

        Assert.Equal(3, report.Migrated);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("p-00002", failure.ProgramId);
        Assert.Contains(failure.Diagnostics, d => d.Code == MigrationCodes.SourceChanged);
        Assert.Equal(0, await db.CountAsync("program_blocks WHERE program_id = 'p-00002'"));
    }

    [Fact]
    public async Task A_missing_template_or_goal_fails_that_program_only_with_the_path_of_the_id()
    {
        await using var db = await SeededAsync(6);
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"monday\": \"tpl-easy\", \"thursday\": [\"tpl-core\", \"tpl-ghost\"]}' WHERE id = 'p-00004'");
        await db.ExecuteAsync("UPDATE programs SET goal_ids = '[\"goal-a\", \"goal-ghost\"]' WHERE id = 'p-00005'");
        await Migrator(db).CreateSchemaAsync();

        var report = await Migrator(db, batchSize: 6).MigrateAsync();

        Assert.Equal((4, 2), (report.Migrated, report.Failed));
        var template = report.Failures.Single(f => f.ProgramId == "p-00004").Diagnostics.Single();
        Assert.Equal((DiagnosticCodes.UnknownTemplate, "$.thursday[1]"), (template.Code, template.Path));
        Assert.Contains("tpl-ghost", template.Message);
        var goal = report.Failures.Single(f => f.ProgramId == "p-00005").Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.UnknownGoal, "goal_ids[1]"), (goal.Code, goal.Path));
        Assert.Equal(0, await db.CountAsync("program_blocks WHERE program_id IN ('p-00004', 'p-00005')"));
        Assert.Equal(4, await db.CountAsync("program_blocks"));

        // Once the template exists, a rerun migrates the program it stopped.
        await db.InsertNamedAsync("session_templates", ["tpl-ghost"]);
        var rerun = await Migrator(db).MigrateAsync();
        Assert.Equal((1, 4, 1), (rerun.Migrated, rerun.AlreadyMigrated, rerun.Failed));
    }

    [Fact]
    public async Task An_unknown_template_written_with_a_lone_surrogate_escape_fails_that_program_only()
    {
        await using var db = await SeededAsync(3);
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"monday\": \"tpl-\\ud800x\"}' WHERE id = 'p-00001'");
        await Migrator(db).CreateSchemaAsync();

        var report = await Migrator(db, batchSize: 1).MigrateAsync();

        Assert.Equal((2, 1), (report.Migrated, report.Failed));
        var error = report.Failures.Single(f => f.ProgramId == "p-00001").Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.UnknownTemplate, "$.monday"), (error.Code, error.Path));
    }

    [Fact]
    public async Task Verify_lists_a_row_changed_behind_the_migrations_back()
    {
        await using var db = await SeededAsync(3);
        var migrator = Migrator(db);
        await migrator.CreateSchemaAsync();
        await migrator.MigrateAsync();
        Assert.True((await migrator.VerifyAsync()).IsClean);

        await using (var context = db.CreateContext())
        {
            var day = await context.Days.OrderBy(d => d.Id).FirstAsync(d => d.Block!.ProgramId == "p-00002");
            day.Notes = "edited by hand";
            await context.SaveChangesAsync();
        }

        var report = await migrator.VerifyAsync();

        Assert.Equal(3, report.ProgramsChecked);
        Assert.Contains(report.Differences, d => d is { ProgramId: "p-00002", Table: "program_days", Column: "notes", Expected: null, Actual: "edited by hand" });
        Assert.Contains(report.Differences, d => d is { Table: "program_days", Column: "concurrency_stamp" });
        Assert.All(report.Differences, d => Assert.Equal("p-00002", d.ProgramId));
    }

    [Fact]
    public async Task A_changed_schedule_is_migrated_again_only_while_its_rows_are_untouched()
    {
        await using var db = await SeededAsync(3);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db).MigrateAsync();
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"friday\": \"tpl-core\"}' WHERE id IN ('p-00001', 'p-00002')");
        await db.ExecuteAsync("UPDATE program_days SET notes = 'mine' WHERE block_id IN (SELECT id FROM program_blocks WHERE program_id = 'p-00002')");
        var editedRows = await db.DumpAsync("program_days");

        var report = await Migrator(db).MigrateAsync();

        Assert.Equal((1, 1, 1), (report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.Equal(MigrationCodes.RowsChanged, report.Failures.Single(f => f.ProgramId == "p-00002").Diagnostics.Single().Code);
        Assert.Equal(91, await db.CountAsync("program_days WHERE notes = 'mine'"));
        await using var context = db.CreateContext();
        Assert.Equal(["tpl-core"], await context.Sessions.Where(s => s.Day!.Block!.ProgramId == "p-00001").Select(s => s.SessionTemplateId).Distinct().ToListAsync());
    }

    [Fact]
    public async Task A_database_migrated_with_the_version_5_ids_of_converter_version_1_converges_on_a_rerun()
    {
        // What converter version 1 wrote: the same rows under its version-5 (SHA-1) ids, its version in the ledger.
        await using var db = await SeededAsync(4);
        await Migrator(db).CreateSchemaAsync();
        var old = await new LegacyMigrator<PlannerDbContext>(db.CreateContext, Options(100, false, null), null, VersionOneConversion).MigrateAsync();
        Assert.Equal(4, old.Migrated);
        await db.ExecuteAsync("UPDATE planner_migration_ledger SET converter_version = '1'");
        Assert.Equal(0, await db.CountAsync("program_days WHERE id LIKE '______________8%'"));

        // p-00002's rows were edited since: the rerun must not lose the edit.
        await db.ExecuteAsync("UPDATE program_days SET notes = 'mine' WHERE block_id IN (SELECT id FROM program_blocks WHERE program_id = 'p-00002')");
        const string EditedRows = "SELECT d.* FROM program_days d JOIN program_blocks b ON b.id = d.block_id WHERE b.program_id = 'p-00002'";
        var edited = await db.DumpQueriesAsync(EditedRows);

        var report = await Migrator(db).MigrateAsync();

        // Rows unchanged since: replaced by the rows of converter version 2. Edited: rows-changed, nothing touched.
        Assert.Equal((3, 0, 1), (report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.Equal(("p-00002", MigrationCodes.RowsChanged), (report.Failures.Single().ProgramId, report.Failures.Single().Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).Code));
        Assert.Equal(edited, await db.DumpQueriesAsync(EditedRows));

        // The others now hold exactly what a database never migrated with version 1 holds.
        await using var fresh = await SeededAsync(4);
        await Migrator(fresh).CreateSchemaAsync();
        await Migrator(fresh).MigrateAsync();
        string[] others =
        [
            "SELECT * FROM program_blocks WHERE program_id <> 'p-00002'",
            "SELECT d.* FROM program_days d JOIN program_blocks b ON b.id = d.block_id WHERE b.program_id <> 'p-00002'",
            "SELECT s.* FROM scheduled_sessions s JOIN program_days d ON d.id = s.day_id JOIN program_blocks b ON b.id = d.block_id WHERE b.program_id <> 'p-00002'",
            "SELECT g.* FROM block_goals g JOIN program_blocks b ON b.id = g.block_id WHERE b.program_id <> 'p-00002'",
            "SELECT * FROM program_goals",
            "SELECT program_id, source_hash, converter_version, outcome, rows_hash FROM planner_migration_ledger WHERE program_id <> 'p-00002'",
        ];
        Assert.Equal(await fresh.DumpQueriesAsync(others), await db.DumpQueriesAsync(others));
        Assert.Equal(3, await db.CountAsync("planner_migration_ledger WHERE converter_version = '2'"));

        // And it stays so: a further run writes nothing and fails the edited program again.
        var again = await Migrator(db).MigrateAsync();
        Assert.Equal((0, 3, 1), (again.Migrated, again.AlreadyMigrated, again.Failed));
    }

    [Fact]
    public async Task An_id_collision_fails_that_program_alone_with_a_diagnostic_naming_it()
    {
        // A collision of two blocks' prefixes (odds in docs/migration.md), forced: p-00003 converts to the rows of p-00001's block.
        await using var db = await SeededAsync(4);
        await Migrator(db).CreateSchemaAsync();
        var converter = new LegacyConverter();
        var migrator = new LegacyMigrator<PlannerDbContext>(db.CreateContext, Options(100, false, null), null, row =>
            row.Id == "p-00003" ? WithBlockId(converter.Convert(row), DeterministicIds.ForBlock("p-00001", DeterministicIds.PositionKey(0))) : converter.Convert(row));

        var report = await migrator.MigrateAsync();

        Assert.Equal((3, 1), (report.Migrated, report.Failed));
        var diagnostic = report.Failures.Single(f => f.ProgramId == "p-00003").Diagnostics.Single();
        Assert.Equal(MigrationCodes.IdCollision, diagnostic.Code);
        Assert.Contains("already taken", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.CountAsync("program_blocks WHERE program_id = 'p-00003'"));
    }

    /// <summary>The rows of a program whose one block's id is <paramref name="blockId"/>, its days' and sessions' ids derived from it.</summary>
    private static ProgramConversion WithBlockId(ProgramConversion conversion, string blockId)
    {
        var block = conversion.Blocks.Single();
        block.Id = blockId;
        foreach (var day in block.Days)
        {
            day.BlockId = blockId;
            day.Id = DeterministicIds.ForDay(blockId, day.Date);
            foreach (var session in day.Sessions)
            {
                session.DayId = day.Id;
                session.Id = DeterministicIds.ForSession(day.Id, session.Position);
            }
        }

        return conversion;
    }

    /// <summary>The rows of converter version 1: each id the version-5 UUID of its documented name.</summary>
    private static ProgramConversion VersionOneConversion(LegacyProgramRow row)
    {
        var conversion = new LegacyConverter().Convert(row);
        string V5(string name) => DeterministicIds.Version5(DeterministicIds.PlannerNamespace, name).ToString("D");
        foreach (var block in conversion.Blocks)
        {
            block.Id = V5("block\n" + row.Id + "\n" + (block.LegacyId ?? DeterministicIds.PositionKey(block.Position)));
            foreach (var link in block.GoalLinks)
            {
                link.BlockId = block.Id;
            }

            foreach (var day in block.Days)
            {
                day.BlockId = block.Id;
                day.Id = V5("day\n" + block.Id + "\n" + LocalDatePattern.Iso.Format(day.Date));
                foreach (var session in day.Sessions)
                {
                    session.DayId = day.Id;
                    session.Id = V5("session\n" + day.Id + "\n" + session.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return conversion;
    }

    [Fact]
    public async Task Two_migrators_at_once_end_with_the_rows_of_one_run()
    {
        await using var clean = await SeededAsync(30);
        await Migrator(clean).CreateSchemaAsync();
        await Migrator(clean, batchSize: 4).MigrateAsync();

        await using var db = await SeededAsync(30);
        var reports = await Task.WhenAll(
            Task.Run(async () => { await Migrator(db).CreateSchemaAsync(); return await Migrator(db, batchSize: 4).MigrateAsync(); }),
            Task.Run(async () => { await Migrator(db).CreateSchemaAsync(); return await Migrator(db, batchSize: 7).MigrateAsync(); }));

        Assert.All(reports, r => Assert.Empty(r.Failures));
        Assert.Equal(30, reports.Sum(r => r.Migrated));
        Assert.Equal(await clean.DumpAsync(AllTables), await db.DumpAsync(AllTables));
    }

    [Fact]
    public async Task A_dry_run_reports_like_a_real_run_and_writes_nothing()
    {
        await using var db = await SeededAsync(6);
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"monday\": ' WHERE id = 'p-00003'");
        var dry = await Migrator(db, dryRun: true).MigrateAsync();
        Assert.Equal(0, await db.CountAsync("programs WHERE 1 = 0"));
        Assert.DoesNotContain("program_blocks", await TablesAsync(db));

        await Migrator(db).CreateSchemaAsync();
        var before = await db.DumpAsync(AllTables);
        var dryAfterSchema = await Migrator(db, dryRun: true).MigrateAsync();
        Assert.Equal(before, await db.DumpAsync(AllTables));

        var real = await Migrator(db).MigrateAsync();
        foreach (var report in new[] { dry, dryAfterSchema })
        {
            Assert.True(report.DryRun);
            Assert.Equal((real.Migrated, real.Failed), (report.Migrated, report.Failed));
            Assert.Equal(real.Rows, report.Rows);
            Assert.Equal(DiagnosticCodes.InvalidJson, report.Failures.Single().Diagnostics.Single().Code);
        }
    }

    [Fact]
    public async Task Cancellation_ends_after_the_batch_in_flight_and_a_rerun_resumes()
    {
        await using var clean = await SeededAsync(9);
        await Migrator(clean).CreateSchemaAsync();
        await Migrator(clean, batchSize: 2).MigrateAsync();

        await using var db = await SeededAsync(9);
        await Migrator(db).CreateSchemaAsync();
        using var cancellation = new CancellationTokenSource();
        var first = await Migrator(db, batchSize: 2).MigrateAsync(new SynchronousProgress(p =>
        {
            if (p.Done >= 4)
            {
                cancellation.Cancel();
            }
        }), cancellation.Token);

        Assert.True(first.Cancelled);
        Assert.Equal(4, first.Migrated);
        Assert.Equal(4, await db.CountAsync("planner_migration_ledger"));

        var rerun = await Migrator(db, batchSize: 2).MigrateAsync();
        Assert.Equal((5, 4), (rerun.Migrated, rerun.AlreadyMigrated));
        Assert.Equal(await clean.DumpAsync(AllTables), await db.DumpAsync(AllTables));
    }

    [Fact]
    public async Task A_host_context_migrates_the_same_rows_as_the_planner_context()
    {
        await using var viaPlanner = await SeededAsync(4);
        await Migrator(viaPlanner).CreateSchemaAsync();
        await Migrator(viaPlanner).MigrateAsync();

        await using var viaHost = await SeededAsync(4);
        var host = new LegacyMigrator<HostContext>(
            viaHost.CreateHostContext, Options(100, false, null));
        var changes = await host.CreateSchemaAsync();
        await host.MigrateAsync();

        // Phase 1 makes the planner's tables and the ledger, never the host's own (its migrations will).
        Assert.Equal(
            LegacyDatabase.NewTables.Order(StringComparer.Ordinal),
            changes.CreatedTables.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("athletes", await TablesAsync(viaHost));
        Assert.DoesNotContain(changes.CreatedIndexes, i => i.Contains("athletes", StringComparison.Ordinal));
        Assert.Equal(await viaPlanner.DumpAsync(AllTables), await viaHost.DumpAsync(AllTables));

        // The host's own migration then creates its table without "table already exists", and the host's
        // context works on both: a rerun of the migration still writes nothing.
        await viaHost.ExecuteAsync("CREATE TABLE athletes (\"Id\" integer PRIMARY KEY, \"Name\" text NOT NULL, \"ProgramId\" text NULL)");
        await using (var context = viaHost.CreateHostContext())
        {
            context.Athletes.Add(new Athlete { Id = 1, Name = "Ana", ProgramId = "p-00001" });
            await context.SaveChangesAsync();
        }

        Assert.Equal((0, 4), ((await host.MigrateAsync()).Migrated, (await host.MigrateAsync()).AlreadyMigrated));
    }

    [Fact]
    public async Task A_host_context_that_retries_on_failure_migrates_through_its_strategy_and_a_failed_commit_is_retried()
    {
        await using var clean = await SeededAsync(6);
        await Migrator(clean).CreateSchemaAsync();
        await Migrator(clean, batchSize: 2).MigrateAsync();

        // EnableRetryOnFailure refuses transactions opened outside the strategy; here the schema's and the
        // first batch's commits fail once each, after their statements ran, as a dropped connection would.
        await using var db = await SeededAsync(6);
        var failures = new TransientFailures(failingCommits: 2);
        var migrator = new LegacyMigrator<HostContext>(
            () => new(failures.Apply((DbContextOptionsBuilder<HostContext>)db.Configure(
                new DbContextOptionsBuilder<HostContext>())).Options),
            Options(2, false, null));
        await migrator.CreateSchemaAsync();
        var report = await migrator.MigrateAsync();

        Assert.Equal((6, 0, 0), (report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.Equal(2 + 1 + 3, failures.Commits); // schema twice, first batch twice, then one per batch
        Assert.Equal(await clean.DumpAsync(AllTables), await db.DumpAsync(AllTables));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Programs_with_rows_the_migration_did_not_write_are_left_alone(bool dualWrites)
    {
        await using var db = await SeededAsync(6);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db, batchSize: 4).MigrateAsync();

        // After go-live: the planning API starts programs from migrated ones (p-00002 has a program goal and a
        // block goal, p-00003 none), with the legacy column rewritten or not, and host code writes one itself.
        var planning = new PlanningOptions { LegacyScheduleWriter = dualWrites ? LegacyDualWriter.Instance : null };
        await using (var context = db.CreateContext())
        {
            await new PlanningService(context, new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0)), planning)
                .StartProgramFromAsync("p-00002", "p-00002-again", "Again with goals", new LocalDate(2025, 1, 6));
        }

        await using (var context = db.CreateContext())
        {
            await new PlanningService(context, new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0)), planning)
                .StartProgramFromAsync("p-00003", "p-00003-again", "Again without goals", new LocalDate(2025, 1, 6));
        }

        await using (var context = db.CreateContext())
        {
            context.Add(HostProgram("host-1"));
            await context.SaveChangesAsync();
        }

        Assert.Equal(dualWrites ? 2 : 0, await db.CountAsync("programs WHERE id LIKE '%-again' AND weekly_schedule IS NOT NULL"));
        Assert.Equal(dualWrites ? 1 : 0, await db.CountAsync("programs WHERE id = 'p-00002-again' AND goal_ids IS NOT NULL")); // legacy columns only with dual writes
        var before = await db.DumpAsync(AllTables);
        var leftAlone = new[] { "host-1", "p-00002-again", "p-00003-again" };

        var dry = await Migrator(db, batchSize: 4, dryRun: true).MigrateAsync();
        var report = await Migrator(db, batchSize: 4).MigrateAsync();

        Assert.Equal(before, await db.DumpAsync(AllTables));
        foreach (var run in new[] { dry, report })
        {
            Assert.Equal((9, 0, 6, 0, 3), (run.Total, run.Migrated, run.AlreadyMigrated, run.Failed, run.LeftAlone));
            Assert.Equal(9, run.Progress.Done);
            Assert.All(run.Rows.Values, count => Assert.Equal(0, count));
            Assert.All(run.Warnings, w => Assert.Equal((DiagnosticSeverity.Warning, MigrationCodes.RowsExist, "$"), (w.Diagnostic.Severity, w.Diagnostic.Code, w.Diagnostic.Path)));
            Assert.Equal(leftAlone, run.Warnings.Select(w => w.ProgramId).Order(StringComparer.Ordinal));
        }

        var verification = await Migrator(db).VerifyAsync();
        Assert.True(verification.IsClean, string.Join("\n", verification.Differences));
        Assert.Equal((6, 3), (verification.ProgramsChecked, verification.ProgramsLeftAlone));
    }

    [Fact]
    public async Task Programs_edited_through_the_planning_API_with_dual_writes_are_left_alone_until_their_text_is_edited_by_hand()
    {
        await using var db = await SeededAsync(6);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db, batchSize: 4).MigrateAsync();
        var ledgerBefore = await db.DumpAsync("planner_migration_ledger");

        // After go-live, with dual writes on: a day edited (p-00002), a session added (p-00003, shape A), a block
        // shifted (p-00004), a block with two goals added (p-00006). Each rewrites weekly_schedule from the rows.
        var planning = new PlanningOptions { LegacyScheduleWriter = LegacyDualWriter.Instance };
        PlanningService Planning(PlannerDbContext context) => new(context, new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0)), planning);
        await using (var context = db.CreateContext())
        {
            var day = await context.Days.AsNoTracking().SingleAsync(d => d.Block!.ProgramId == "p-00002" && d.Date == new LocalDate(2024, 1, 8));
            await Planning(context).UpdateDayAsync(day.Id, new DayEdit { Name = "Hills", Notes = "edited through the API", Readiness = 7 }, Expect.Any);
        }

        await using (var context = db.CreateContext())
        {
            var day = await context.Days.AsNoTracking().SingleAsync(d => d.Block!.ProgramId == "p-00003" && d.Date == new LocalDate(2024, 1, 10));
            await Planning(context).AddSessionAsync(day.Id, "tpl-core", Expect.Any, slot: "pm");
        }

        await using (var context = db.CreateContext())
        {
            var block = await context.Blocks.AsNoTracking().SingleAsync(b => b.ProgramId == "p-00004");
            await Planning(context).ShiftBlockAsync(block.Id, 2);
        }

        await using (var context = db.CreateContext())
        {
            await Planning(context).AddBlockAsync("p-00006", "Taper", new BlockSchedule(new LocalDate(2024, 5, 6), new LocalDate(2024, 5, 12)), goalIds: ["goal-b", "goal-a"]);
        }

        string[] edited = ["p-00002", "p-00003", "p-00004", "p-00006"];
        Assert.Equal(4, await db.CountAsync("programs WHERE id IN ('p-00002', 'p-00003', 'p-00004', 'p-00006') AND weekly_schedule LIKE '{\"version\":2,%'"));
        var before = await db.DumpAsync(AllTables);

        var dry = await Migrator(db, batchSize: 4, dryRun: true).MigrateAsync();
        var rerun = await Migrator(db, batchSize: 4).MigrateAsync();

        Assert.Equal(before, await db.DumpAsync(AllTables));
        Assert.Equal(ledgerBefore, await db.DumpAsync("planner_migration_ledger"));
        foreach (var run in new[] { dry, rerun })
        {
            Assert.Empty(run.Failures);
            Assert.Equal((6, 0, 2, 4), (run.Total, run.Migrated, run.AlreadyMigrated, run.LeftAlone));
            Assert.Equal(6, run.Progress.Done);
            Assert.All(run.Warnings, w => Assert.Equal((DiagnosticSeverity.Warning, MigrationCodes.DualWritten, "$"), (w.Diagnostic.Severity, w.Diagnostic.Code, w.Diagnostic.Path)));
            Assert.Equal(edited, run.Warnings.Select(w => w.ProgramId).Order(StringComparer.Ordinal));
        }

        var verification = await Migrator(db).VerifyAsync();
        Assert.True(verification.IsClean, string.Join("\n", verification.Differences));
        Assert.Equal((2, 4), (verification.ProgramsChecked, verification.ProgramsLeftAlone));

        // An old reader writes the column of p-00003 its own way, and someone edits p-00004's goal_ids by hand: the
        // text no longer says what the rows say, a real conflict. Those two fail, and nothing is touched.
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"tuesday\": \"tpl-easy\", \"sunday\": [\"tpl-long\", \"tpl-core\"]}' WHERE id = 'p-00003'");
        await db.ExecuteAsync("UPDATE programs SET goal_ids = '[\"goal-a\", \"goal-b\"]' WHERE id = 'p-00004'");
        var tablesBefore = await db.DumpAsync(LegacyDatabase.NewTables);

        var conflict = await Migrator(db, batchSize: 4).MigrateAsync();

        Assert.Equal(tablesBefore, await db.DumpAsync(LegacyDatabase.NewTables));
        Assert.Equal((0, 2, 2), (conflict.Migrated, conflict.AlreadyMigrated, conflict.LeftAlone));
        Assert.Equal(["p-00003", "p-00004"], conflict.Failures.Select(f => f.ProgramId).Order(StringComparer.Ordinal));
        Assert.All(conflict.Failures, f => Assert.Equal(MigrationCodes.RowsChanged, f.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).Code));
        Assert.Equal(["p-00002", "p-00006"], conflict.Warnings.Where(w => w.Diagnostic.Code == MigrationCodes.DualWritten).Select(w => w.ProgramId).Order(StringComparer.Ordinal));
        var afterConflict = await Migrator(db).VerifyAsync();
        Assert.Equal((4, 2), (afterConflict.ProgramsChecked, afterConflict.ProgramsLeftAlone));
        Assert.Equal(["p-00003", "p-00004"], afterConflict.Differences.Select(d => d.ProgramId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rows_a_host_writes_between_the_first_look_and_the_write_transaction_are_left_alone()
    {
        await using var db = await SeededAsync(6);
        await Migrator(db).CreateSchemaAsync();
        var migrator = Migrator(db, batchSize: 6);
        migrator.BeforeWrite = async ids =>
        {
            if (await db.CountAsync("program_blocks WHERE program_id = 'p-00004'") == 0)
            {
                // p-00004 is not migrated yet: the host gives it a block of its own after the batch's first look.
                await using var context = db.CreateContext();
                context.Add(HostBlock("p-00004", "host-block"));
                await context.SaveChangesAsync();
            }
        };

        var report = await migrator.MigrateAsync();

        Assert.Equal((5, 0, 1), (report.Migrated, report.Failed, report.LeftAlone));
        Assert.Equal(("p-00004", MigrationCodes.RowsExist), (report.Warnings.Single(w => w.Diagnostic.Code == MigrationCodes.RowsExist).ProgramId, MigrationCodes.RowsExist));
        Assert.Equal(1, await db.CountAsync("program_blocks WHERE program_id = 'p-00004' AND id = 'host-block'"));
        Assert.Equal(1, await db.CountAsync("program_blocks WHERE program_id = 'p-00004'"));
        Assert.Equal(0, await db.CountAsync("program_goals WHERE program_id = 'p-00004'"));
        Assert.Equal(0, await db.CountAsync("planner_migration_ledger WHERE program_id = 'p-00004'"));
        Assert.Equal(5, await db.CountAsync("planner_migration_ledger"));
        Assert.True((await migrator.VerifyAsync()).IsClean);
    }

    [Fact]
    public async Task The_report_holds_the_counts_rows_failures_and_warnings_of_the_run()
    {
        // The JSON the tool writes from it (the planner migrate --report contract) is the CLI's: Planner.Cli.Tests.
        await using var db = await SeededAsync(4);
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '[1, 2' WHERE id = 'p-00002'");
        await Migrator(db).CreateSchemaAsync();

        var report = await Migrator(db).MigrateAsync();

        Assert.Equal((4, 3, 0, 1), (report.Total, report.Migrated, report.AlreadyMigrated, report.Failed));
        Assert.Equal(await db.CountAsync("program_days"), report.Rows["program_days"]);
        Assert.Equal(await db.CountAsync("scheduled_sessions"), report.Rows["scheduled_sessions"]);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("p-00002", failure.ProgramId);
        var diagnostic = Assert.Single(failure.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, "invalid-json", "$"), (diagnostic.Severity, diagnostic.Code, diagnostic.Path));
        Assert.Equal(["p-00004"], report.Warnings.Select(w => w.ProgramId)); // p-00002 failed
        Assert.All(report.Warnings, w => Assert.Equal((DiagnosticSeverity.Warning, "unknown-field", "$.blocks[0].colour"),
            (w.Diagnostic.Severity, w.Diagnostic.Code, w.Diagnostic.Path)));
    }

    /// <summary>A program as host code writes it straight into the new tables: a block with a day and a session, no legacy text.</summary>
    private static TrainingProgram HostProgram(string id)
    {
        var program = new TrainingProgram { Id = id, Name = "Written by the host", StartDate = new LocalDate(2025, 3, 3), EndDate = new LocalDate(2025, 3, 9) };
        program.Blocks.Add(HostBlock(id, id + "-block"));
        return program;
    }

    protected static ProgramBlock HostBlock(string programId, string blockId)
    {
        var block = new ProgramBlock
        {
            Id = blockId, ProgramId = programId, Name = "Host block", StartDate = new LocalDate(2025, 3, 3), EndDate = new LocalDate(2025, 3, 9),
        };
        var day = new ProgramDay { Id = blockId + "-day", BlockId = blockId, Date = new LocalDate(2025, 3, 4) };
        day.Sessions.Add(new ScheduledSession { Id = blockId + "-session", DayId = day.Id, SessionTemplateId = "tpl-easy" });
        block.Days.Add(day);
        return block;
    }

    protected static LegacyMigrator<PlannerDbContext> Migrator(LegacyDatabase db, int batchSize = 100, bool dryRun = false, Instant? clock = null) =>
        new(db.CreateContext, Options(batchSize, dryRun, clock));

    private static LegacyMigrationOptions Options(int batchSize, bool dryRun, Instant? clock) => new()
    {
        BatchSize = batchSize,
        DryRun = dryRun,
        Clock = new FixedClock(clock ?? Instant.FromUtc(2026, 11, 26, 12, 0)),
    };

    protected async Task<LegacyDatabase> SeededAsync(int programs)
    {
        var db = await NewDatabaseAsync();
        await db.InsertNamedAsync("session_templates", TestPrograms.Templates);
        await db.InsertNamedAsync("goals", TestPrograms.Goals);
        await db.InsertProgramsAsync(TestPrograms.Many(programs));
        return db;
    }

    private static async Task<string> TablesAsync(LegacyDatabase db)
    {
        await using var context = db.CreateContext();
        await context.Database.OpenConnectionAsync();
        var tables = await PlannerSchema.ExistingTablesAsync(PlannerTables.For(context), context.Database.GetDbConnection(), null, default);
        return string.Join(",", tables);
    }

    private sealed class SimulatedCrashException : Exception;

    protected sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, too late to cancel from).</summary>
    private sealed class SynchronousProgress(Action<MigrationProgress> report) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value) => report(value);
    }
}

public sealed class SqliteMigratorTests : MigratorTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await SqliteLegacyDatabase.CreateAsync();
}

public sealed class PostgresMigratorTests : MigratorTests
{
    protected override async Task<LegacyDatabase> NewDatabaseAsync() => await PostgresLegacyDatabase.CreateAsync();

    [Fact]
    public async Task A_block_a_host_is_inserting_holds_the_batch_until_it_commits_then_its_program_is_left_alone()
    {
        await using var db = await SeededAsync(4);
        await Migrator(db).CreateSchemaAsync();

        // The host's transaction inserts a block for p-00002 (not migrated yet) and has not committed: the batch's
        // first look cannot see it. The write transaction's FOR UPDATE waits for it (the insert holds a key-share
        // lock on the program), then the check inside the transaction sees the block.
        await using var host = (Npgsql.NpgsqlConnection)db.OpenConnection();
        await using var hostTransaction = await host.BeginTransactionAsync();
        await using (var insert = new Npgsql.NpgsqlCommand(
            "INSERT INTO program_blocks (id, program_id, position, name, start_date, end_date) VALUES ('host-block', 'p-00002', 0, 'Host block', '2025-03-03', '2025-03-09')",
            host, hostTransaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var migration = Migrator(db, batchSize: 4).MigrateAsync();

        // The migrator waits on the host (or finished without waiting: then it wrote p-00002 and the asserts below
        // fail). Committing early would pass too, caught by an earlier check.
        await UntilWaitingOnALockAsync(db, migration);
        await hostTransaction.CommitAsync();
        var report = await migration;

        Assert.Equal((3, 0, 1), (report.Migrated, report.Failed, report.LeftAlone));
        Assert.Equal("p-00002", report.Warnings.Single(w => w.Diagnostic.Code == MigrationCodes.RowsExist).ProgramId);
        Assert.Equal(1, await db.CountAsync("program_blocks WHERE program_id = 'p-00002'"));
        Assert.Equal(0, await db.CountAsync("planner_migration_ledger WHERE program_id = 'p-00002'"));
    }

    [Fact]
    public async Task A_day_edit_a_host_has_not_committed_holds_a_remigration_which_then_sees_it_and_touches_nothing()
    {
        await using var db = await SeededAsync(3);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db).MigrateAsync();
        var ledgerBefore = await db.DumpAsync("planner_migration_ledger");
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"friday\": \"tpl-core\"}' WHERE id = 'p-00001'");
        var dayId = await FirstDayAsync(db, "p-00001");

        // p-00001's text changed and its rows are still the migration's, so a rerun means to delete and rewrite them;
        // meanwhile the host (dual writes off) updates one of its days and has not committed yet.
        await using var host = (Npgsql.NpgsqlConnection)db.OpenConnection();
        await using var hostTransaction = await host.BeginTransactionAsync();
        await using (var update = new Npgsql.NpgsqlCommand("UPDATE program_days SET notes = 'host edit', concurrency_stamp = 'host-stamp' WHERE id = @id", host, hostTransaction))
        {
            update.Parameters.AddWithValue("id", dayId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var migration = Migrator(db).MigrateAsync();
        await UntilWaitingOnALockAsync(db, migration);
        Assert.False(migration.IsCompleted);
        await hostTransaction.CommitAsync();
        var report = await migration;

        // The lock made the migrator wait, then read the rows again: the host's edit is there, so rows-changed.
        Assert.Equal((0, 2, 1), (report.Migrated, report.AlreadyMigrated, report.Failed));
        var failure = Assert.Single(report.Failures);
        Assert.Equal(("p-00001", MigrationCodes.RowsChanged), (failure.ProgramId, failure.Diagnostics.Single().Code));
        Assert.Equal(1, await db.CountAsync($"program_days WHERE id = '{dayId}' AND notes = 'host edit' AND concurrency_stamp = 'host-stamp'"));
        Assert.Equal(0, await db.CountAsync("scheduled_sessions WHERE session_template_id = 'tpl-core' AND day_id IN (SELECT d.id FROM program_days d JOIN program_blocks b ON b.id = d.block_id WHERE b.program_id = 'p-00001')"));
        Assert.Equal(ledgerBefore, await db.DumpAsync("planner_migration_ledger"));
    }

    [Fact]
    public async Task A_day_edit_started_while_a_remigration_holds_the_rows_waits_and_then_fails_as_a_concurrency_conflict()
    {
        await using var db = await SeededAsync(3);
        await Migrator(db).CreateSchemaAsync();
        await Migrator(db).MigrateAsync();
        await db.ExecuteAsync("UPDATE programs SET weekly_schedule = '{\"friday\": \"tpl-core\"}' WHERE id = 'p-00001'");
        var dayId = await FirstDayAsync(db, "p-00001");

        // Once the migrator has checked p-00001's rows (and holds them), the host (dual writes off) edits a day of it.
        var migrator = Migrator(db);
        Task<CalendarDay>? edit = null;
        var editWaited = false;
        migrator.Fault = (point, _) =>
        {
            if (point != MigrationFaultPoint.RowsChecked || edit is not null)
            {
                return;
            }

            edit = Task.Run(async () =>
            {
                await using var context = db.CreateContext();
                return await new PlanningService(context, new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0)), new PlanningOptions())
                    .UpdateDayAsync(dayId, new DayEdit { Name = null, Notes = "host edit", Readiness = null }, Expect.Any);
            });
            UntilWaitingOnALockAsync(db, edit).GetAwaiter().GetResult();
            editWaited = !edit.IsCompleted;
        };

        var report = await migrator.MigrateAsync();

        // The edit waited for the migrator's commit, then found its day gone: a conflict the host sees, not an edit
        // deleted unseen (without the lock it would have committed at once, and the rewrite deleted it).
        Assert.True(editWaited, "the host's edit did not wait for the migrator");
        Assert.Equal((1, 2, 0), (report.Migrated, report.AlreadyMigrated, report.Failed));
        await Assert.ThrowsAsync<PlanConcurrencyException>(() => edit!);
        // The day is there again, as the new text's conversion wrote it (its id is derived from the program and date).
        Assert.Equal(0, await db.CountAsync("program_days WHERE notes = 'host edit'"));
        Assert.Equal(1, await db.CountAsync($"program_days WHERE id = '{dayId}' AND notes IS NULL"));
        Assert.True((await migrator.VerifyAsync()).IsClean);
    }

    private static async Task<string> FirstDayAsync(LegacyDatabase db, string programId)
    {
        await using var context = db.CreateContext();
        return await context.Days.Where(d => d.Block!.ProgramId == programId).OrderBy(d => d.Date).Select(d => d.Id).FirstAsync();
    }

    /// <summary>
    /// Polls the server's lock table until some session of the test's database waits for a lock, or
    /// <paramref name="task"/> ended without one waiting (the caller's asserts then fail).
    /// </summary>
    private static async Task UntilWaitingOnALockAsync(LegacyDatabase db, Task task)
    {
        await using var observer = (Npgsql.NpgsqlConnection)db.OpenConnection();
        await using var waiting = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())", observer);
        while (!task.IsCompleted && (long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            await Task.Delay(10);
        }
    }
}
