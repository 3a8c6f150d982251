using System.Text.Json;

namespace Planner.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) on <c>planner migrate</c> in a child process: the token System.CommandLine hands the verb is
/// cancelled, the batch in flight commits, the run prints its summary and writes its report, exits 1, and a rerun
/// ends with the rows of a run never stopped.
/// </summary>
public sealed class InterruptTests
{
    private const int Programs = 1500;

    [SkippableFact]
    public async Task Ctrl_C_ends_the_run_after_the_programs_in_flight_with_its_summary_and_report_and_a_rerun_completes_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGINT is sent with kill(2) here.");
        var folder = Path.GetTempPath();
        var report = Path.Combine(folder, $"planner-report-{Guid.NewGuid():N}.json");
        try
        {
            await using var clean = await CliDatabase.SqliteAsync();
            await clean.SeedAsync(Programs);
            var cleanRun = await PlannerRun.ChildAsync(folder, Args(clean));

            await using var stopped = await CliDatabase.SqliteAsync();
            await stopped.SeedAsync(Programs);
            using (var process = PlannerRun.Start(folder, [.. Args(stopped), "--report", report]))
            {
                var errors = process.StandardError.ReadToEndAsync();
                string? line;
                while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("progress:", StringComparison.Ordinal))
                {
                }

                Assert.NotNull(line);
                Assert.Equal(0, Kill(process.Id, 2));
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                var stderr = await errors;

                Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
                Assert.Contains("planner migrate: stopping after the programs in flight (Ctrl+C again to kill)...", stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
                Assert.Contains("cancelled: the programs written so far are complete; run the same command again to go on.", output, StringComparison.Ordinal);
                Assert.Contains($"report: {report}", output, StringComparison.Ordinal);
            }

            using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
            {
                var programs = written.RootElement.GetProperty("programs");
                Assert.True(written.RootElement.GetProperty("cancelled").GetBoolean());
                Assert.InRange(programs.GetProperty("migrated").GetInt64() + programs.GetProperty("failed").GetInt64(), 1, Programs - 1);
            }

            var ledger = await stopped.CountAsync("planner_migration_ledger");
            Assert.InRange(ledger, 1, Programs - 1);
            var rerun = await PlannerRun.ChildAsync(folder, Args(stopped));
            Assert.Equal(cleanRun.Exit, rerun.Exit);
            Assert.Equal(await clean.DumpAsync(), await stopped.DumpAsync());
        }
        finally
        {
            File.Delete(report);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string[] Args(CliDatabase database) =>
        ["migrate", "--database", database.ConnectionString, "--provider", database.Provider, "--batch-size", "5"];
}
