namespace Planner.Cli.Tests;

/// <summary>
/// The real thing: <c>planner migrate</c> in a child process, killed with SIGKILL in the middle of its
/// run, then run again; the rows must be those of a run never stopped.
/// </summary>
public abstract class ProcessKillTests
{
    private const int Programs = 1500;

    protected abstract Task<CliDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task A_migration_killed_mid_run_then_run_again_ends_with_the_rows_of_a_clean_run()
    {
        var folder = Path.GetTempPath();

        await using var clean = await NewDatabaseAsync();
        await clean.SeedAsync(Programs);
        var cleanRun = await PlannerRun.ChildAsync(folder, Args(clean));
        Assert.True(cleanRun.Exit is 0 or 1, cleanRun.Error);

        await using var killed = await NewDatabaseAsync();
        await killed.SeedAsync(Programs);
        using (var process = PlannerRun.Start(folder, Args(killed)))
        {
            // The first progress line comes after the first batch committed: the run is in its stride.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("progress:", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var ledgerAfterKill = await killed.CountAsync("planner_migration_ledger");
        Assert.InRange(ledgerAfterKill, 1, Programs - 1);

        var rerun = await PlannerRun.ChildAsync(folder, Args(killed));
        Assert.Equal(cleanRun.Exit, rerun.Exit);
        Assert.Equal(await clean.DumpAsync(), await killed.DumpAsync());
    }

    private static string[] Args(CliDatabase database) =>
        ["migrate", "--database", database.ConnectionString, "--provider", database.Provider, "--batch-size", "5"];
}

public sealed class SqliteProcessKillTests : ProcessKillTests
{
    protected override Task<CliDatabase> NewDatabaseAsync() => Task.FromResult<CliDatabase>(new SqliteCliDatabase());
}

public sealed class PostgresProcessKillTests : ProcessKillTests
{
    protected override async Task<CliDatabase> NewDatabaseAsync() => await PostgresCliDatabase.CreateAsync();
}
