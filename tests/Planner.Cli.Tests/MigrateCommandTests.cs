using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Migration.Migrating;
using Planner.Model.Planning;

namespace Planner.Cli.Tests;

/// <summary><c>planner migrate</c> and <c>verify</c> on a real SQLite file, end to end in this process.</summary>
public sealed class MigrateCommandTests
{
    [SkippableFact]
    public async Task Migrate_reports_exits_1_for_failures_reruns_to_nothing_and_verify_catches_a_tampered_row()
    {
        await using var db = await CliDatabase.SqliteAsync();
        await db.SeedAsync(120);
        var report = Path.Combine(Path.GetTempPath(), $"planner-report-{Guid.NewGuid():N}.json");
        try
        {
            var dry = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--dry-run", "--report", report);
            using var dryReport = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Assert.Equal(0, await db.CountAsync("sqlite_master WHERE name = 'program_days'"));

            var first = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--batch-size", "7", "--report", report);
            using var firstReport = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var programs = firstReport.RootElement.GetProperty("programs");
            var failed = programs.GetProperty("failed").GetInt64();

            Assert.Equal(1, first.Exit); // the corpus holds broken programs: they fail, the others are in
            Assert.Equal(dry.Exit, first.Exit);
            // The generator breaks the programs where floor(i * ErrorShare) steps up (an even spread, not a draw), and
            // DemoCorpus's ErrorShare is 0.05: floor(120 * 0.05) = 6 broken programs, each failing, all others in.
            Assert.Equal(6, failed);
            Assert.Equal(120, programs.GetProperty("total").GetInt64());
            Assert.Equal(programs.GetProperty("migrated").GetInt64(), dryReport.RootElement.GetProperty("programs").GetProperty("migrated").GetInt64());
            Assert.Equal(firstReport.RootElement.GetProperty("rows").GetRawText(), dryReport.RootElement.GetProperty("rows").GetRawText());
            Assert.Equal(failed, firstReport.RootElement.GetProperty("failures").GetArrayLength());
            Assert.All(firstReport.RootElement.GetProperty("failures").EnumerateArray(), f =>
                Assert.Contains(f.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error" && d.GetProperty("path").GetString()!.Length > 0));
            Assert.Equal(120, programs.GetProperty("migrated").GetInt64() + failed);

            var before = await db.DumpAsync();
            var rerun = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--report", report);
            using var rerunReport = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            Assert.Equal(before, await db.DumpAsync());
            Assert.Equal(programs.GetProperty("migrated").GetInt64(), rerunReport.RootElement.GetProperty("programs").GetProperty("already_migrated").GetInt64());
            Assert.Equal(1, rerun.Exit);

            var clean = PlannerRun.InProcess("verify", "--database", db.ConnectionString);
            Assert.Equal(0, clean.Exit);

            await using (var connection = db.OpenConnection())
            {
                await using var tamper = connection.CreateCommand();
                tamper.CommandText = "UPDATE scheduled_sessions SET slot = 'midnight' WHERE id = (SELECT MIN(id) FROM scheduled_sessions)";
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            }

            var dirty = PlannerRun.InProcess("verify", "--database", db.ConnectionString);
            Assert.Equal(1, dirty.Exit);
            Assert.Contains("scheduled_sessions", dirty.Out);
            Assert.Contains("slot: expected", dirty.Out);
            Assert.Contains("actual 'midnight'", dirty.Out);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_rerun_after_go_live_leaves_the_planning_APIs_programs_alone_and_exits_0(string provider)
    {
        await using var db = await CliDatabase.CreateAsync(provider);
        await db.SeedAsync(40);
        var report = Path.Combine(Path.GetTempPath(), $"planner-report-{Guid.NewGuid():N}.json");
        try
        {
            var first = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider, "--report", report);
            string[] failed;
            using (var firstReport = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
            {
                failed = firstReport.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("program_id").GetString()!).ToArray();
            }

            // The operator deals with the broken programs (here: deletes them), then the host goes live and
            // starts a program from a migrated one with goals through the planning API (no dual writes).
            Assert.Equal(failed.Length > 0 ? 1 : 0, first.Exit);
            await using (var connection = db.OpenConnection())
            {
                foreach (var id in failed)
                {
                    await using var delete = connection.CreateCommand();
                    delete.CommandText = "DELETE FROM programs WHERE id = @id";
                    var parameter = delete.CreateParameter();
                    parameter.ParameterName = "@id";
                    parameter.Value = id;
                    delete.Parameters.Add(parameter);
                    await delete.ExecuteNonQueryAsync();
                }
            }

            var createContext = DatabaseConnection.Open(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true), db.ConnectionString);
            string template;
            await using (var context = createContext())
            {
                template = await context.Set<Planner.Model.ProgramGoal>().Where(g => context.Blocks.Any(b => b.ProgramId == g.ProgramId)).OrderBy(g => g.ProgramId).Select(g => g.ProgramId).FirstAsync();
                await new PlanningService(context, new FixedClock()).StartProgramFromAsync(template, "api-copy", "Copy", new LocalDate(2027, 1, 4));
            }

            var before = await db.DumpAsync();
            var rerun = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider, "--report", report);

            Assert.Equal(before, await db.DumpAsync());
            Assert.True(rerun.Exit == 0, rerun.Out + rerun.Error);
            Assert.Contains("left alone 1", rerun.Out);
            Assert.Contains("api-copy", rerun.Out);
            using (var rerunReport = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
            {
                var programs = rerunReport.RootElement.GetProperty("programs");
                Assert.Equal(
                    (40 - failed.Length + 1, 0, 40 - failed.Length, 0, 1),
                    (programs.GetProperty("total").GetInt32(), programs.GetProperty("migrated").GetInt32(), programs.GetProperty("already_migrated").GetInt32(),
                        programs.GetProperty("failed").GetInt32(), programs.GetProperty("left_alone").GetInt32()));
                var warning = rerunReport.RootElement.GetProperty("warnings").EnumerateArray().Single();
                Assert.Equal(("api-copy", "warning", MigrationCodes.RowsExist), (warning.GetProperty("program_id").GetString(), warning.GetProperty("severity").GetString(), warning.GetProperty("code").GetString()));
            }

            var verify = PlannerRun.InProcess("verify", "--database", db.ConnectionString, "--provider", provider);
            Assert.True(verify.Exit == 0, verify.Out + verify.Error);
            Assert.Contains("1 programs not checked", verify.Out);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_rerun_after_edits_with_dual_writes_exits_0_and_one_after_a_hand_edit_of_the_text_exits_1(string provider)
    {
        await using var db = await CliDatabase.CreateAsync(provider);
        await db.SeedAsync(10);
        var report = Path.Combine(Path.GetTempPath(), $"planner-report-{Guid.NewGuid():N}.json");
        try
        {
            var first = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider);
            var createContext = DatabaseConnection.Open(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true), db.ConnectionString);
            string programId;
            await using (var context = createContext())
            {
                // A migrated program's day, edited through the planning API with dual writes on after go-live.
                var day = await context.Days.AsNoTracking().Where(d => d.Block!.ProgramId == context.Blocks.Min(b => b.ProgramId)).OrderBy(d => d.Date).FirstAsync();
                programId = await context.Blocks.Where(b => b.Id == day.BlockId).Select(b => b.ProgramId).SingleAsync();
                await new PlanningService(context, new FixedClock(), new PlanningOptions { LegacyScheduleWriter = Planner.Migration.Legacy.LegacyDualWriter.Instance })
                    .UpdateDayAsync(day.Id, new DayEdit { Name = "Edited", Notes = "through the API", Readiness = 6 }, Expect.Any);
            }

            var before = await db.DumpAsync();
            var rerun = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider, "--report", report);

            Assert.Equal(before, await db.DumpAsync());
            Assert.True(rerun.Exit == (first.Exit == 0 ? 0 : 1), rerun.Out + rerun.Error); // the seed's broken programs still fail
            Assert.Contains("left alone 1", rerun.Out);
            Assert.Contains($"left alone: 1 programs were edited through the planning API since they were migrated, and their legacy text is what dual writes made from their rows: {programId}", rerun.Out);
            using (var rerunReport = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
            {
                Assert.DoesNotContain(rerunReport.RootElement.GetProperty("failures").EnumerateArray(), f => f.GetProperty("program_id").GetString() == programId);
                var warning = rerunReport.RootElement.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("program_id").GetString() == programId);
                Assert.Equal(("warning", MigrationCodes.DualWritten), (warning.GetProperty("severity").GetString(), warning.GetProperty("code").GetString()));
            }

            var verify = PlannerRun.InProcess("verify", "--database", db.ConnectionString, "--provider", provider);
            Assert.DoesNotContain(programId, verify.Out);
            Assert.Contains("1 programs not checked", verify.Out);

            // Without the seed's broken programs, the dual-written program alone leaves the exit code at 0.
            await using (var context = createContext())
            {
                List<string> failed = first.Exit == 0 ? [] : await context.Set<Planner.Model.TrainingProgram>().Where(p => !context.Blocks.Any(b => b.ProgramId == p.Id)).Select(p => p.Id).ToListAsync();
                await context.Set<Planner.Model.TrainingProgram>().Where(p => failed.Contains(p.Id)).ExecuteDeleteAsync();
            }

            var clean = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider);
            Assert.True(clean.Exit == 0, clean.Out + clean.Error);

            // An old reader then writes the program's column its own way: a real conflict, exit 1, nothing touched.
            await using (var context = createContext())
            {
                var template = await context.Set<Planner.Model.SessionTemplate>().MinAsync(t => t.Id);
                await context.Set<Planner.Model.TrainingProgram>().Where(p => p.Id == programId)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.LegacyWeeklySchedule, $"{{\"monday\": \"{template}\"}}"));
            }

            var beforeConflict = await db.DumpAsync();
            var conflict = PlannerRun.InProcess("migrate", "--database", db.ConnectionString, "--provider", provider);
            Assert.True(conflict.Exit == 1, conflict.Out + conflict.Error);
            Assert.Equal(beforeConflict, await db.DumpAsync());
            Assert.Contains($"failed {programId}: {MigrationCodes.RowsChanged}", conflict.Out);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public void The_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise()
    {
        var bar = new StringWriter();
        var lines = new StringWriter();
        var onTerminal = new ProgressDisplay(bar, terminal: true);
        var redirected = new ProgressDisplay(lines, terminal: false);
        for (var done = 0; done <= 100; done += 5)
        {
            var progress = new MigrationProgress(100, done, done, 0, 0);
            onTerminal.Report(progress);
            redirected.Report(progress);
        }

        onTerminal.Finish();
        Assert.Equal(21, bar.ToString().Count(c => c == '\r'));
        Assert.Contains("[##############################] 100/100", bar.ToString());
        var plain = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, plain.Length); // one a tenth, 0% to 100%
        Assert.DoesNotContain('\r', lines.ToString());
        Assert.All(plain, line => Assert.StartsWith("progress: ", line));
    }

    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2027, 1, 1, 0, 0);
    }
}
