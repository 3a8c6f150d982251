namespace Planner.Cli.Tests;

/// <summary>
/// The real thing: <c>planner migrate</c> in a child process, killed with SIGKILL in the middle of its
/// run, then run again; the rows must be those of a run never stopped.
/// </summary>
public abstract class ProcessKillTests
{
    private const int Programs = 1500;

    private const int BatchSize = 5;

    protected abstract Task<CliDatabase> NewDatabaseAsync();

    [Fact]
    public async Task A_migration_killed_mid_run_then_run_again_ends_with_the_rows_of_a_clean_run()
    {
        var folder = Path.GetTempPath();

        await using var clean = await NewDatabaseAsync();
        await clean.SeedAsync(Programs);
        var cleanRun = await PlannerRun.ChildAsync(folder, Args(clean));
        // DemoCorpus breaks floor(1500 * 0.05) = 75 programs (ErrorShare 0.05, evenly spread): they fail, so a clean run exits 1.
        Assert.True(cleanRun.Exit == 1, $"exit {cleanRun.Exit}: {cleanRun.Error}");

        await using var killed = await NewDatabaseAsync();
        await killed.SeedAsync(Programs);
        using (var process = PlannerRun.Start(folder, Args(killed)))
        {
            // The first progress line comes after the first batch committed: the run is in its stride.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("progress:", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await killed.AssertStoppedBetweenBatchesAsync(Programs, BatchSize);

        var rerun = await PlannerRun.ChildAsync(folder, Args(killed));
        Assert.Equal(cleanRun.Exit, rerun.Exit);
        Assert.Equal(await clean.DumpAsync(), await killed.DumpAsync());
    }

    [Fact]
    public async Task SIGTERM_ends_the_run_after_the_programs_in_flight_and_a_rerun_completes_it()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal.");
        var folder = Path.GetTempPath();

        await using var clean = await NewDatabaseAsync();
        await clean.SeedAsync(Programs);
        var cleanRun = await PlannerRun.ChildAsync(folder, Args(clean));

        // What docker stop and systemd send: the run ends as after Ctrl+C, with its message, not mid-batch.
        await using var stopped = await NewDatabaseAsync();
        await stopped.SeedAsync(Programs);
        using (var process = PlannerRun.Start(folder, Args(stopped)))
        {
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("progress:", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            Assert.Equal(0, Kill(process.Id, 15));
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var stderr = await errors;
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("planner migrate: terminated; stopping after the programs in flight", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }

        await stopped.AssertStoppedBetweenBatchesAsync(Programs, BatchSize);
        var rerun = await PlannerRun.ChildAsync(folder, Args(stopped));
        Assert.Equal(cleanRun.Exit, rerun.Exit);
        Assert.Equal(await clean.DumpAsync(), await stopped.DumpAsync());
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string[] Args(CliDatabase database) =>
        ["migrate", "--database", database.ConnectionString, "--provider", database.Provider, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}

public sealed class SqliteProcessKillTests : ProcessKillTests
{
    protected override Task<CliDatabase> NewDatabaseAsync() => CliDatabase.SqliteAsync();
}

public sealed class PostgresProcessKillTests : ProcessKillTests
{
    protected override Task<CliDatabase> NewDatabaseAsync() => CliDatabase.PostgresAsync();

    [Fact]
    public async Task A_connection_terminated_by_the_server_mid_run_stops_it_with_the_SQLSTATE_on_one_line()
    {
        await using var db = await NewDatabaseAsync();
        await db.SeedAsync(1500);
        const string application = "planner-terminated";
        using var process = PlannerRun.Start(
            Path.GetTempPath(),
            "migrate", "--database", db.ConnectionString + ";Application Name=" + application, "--provider", db.Provider, "--batch-size", "5");
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("progress:", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        await using (var connection = db.OpenConnection())
        {
            await using var terminate = connection.CreateCommand();
            terminate.CommandText = $"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}') AS t";
            Assert.NotEqual(0L, Convert.ToInt64(await terminate.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var stderr = await errors;
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {stderr}");
        Assert.Contains("planner migrate: database or file problem: 57P01: terminating connection due to administrator command", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
