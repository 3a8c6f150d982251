namespace Planner.Cli.Tests;

/// <summary>What a person gets wrong on the command line or in a connection string: exit 2 and one clear line, never a stack trace.</summary>
public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("migrate", "--database")]
    [InlineData("migrate", "--database", "x.db", "--batch-size", "0")]
    [InlineData("migrate", "--database", "x.db", "--batch-size", "many")]
    [InlineData("migrate", "--database", "x.db", "--provider", "oracle")]
    [InlineData("migrate", "--database", "x.db", "--colour")]
    [InlineData("verify", "--database", "x.db", "--dry-run")]
    [InlineData("demo", "--fast")]
    public void A_usage_problem_exits_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = PlannerRun.InProcess(args);

        Assert.Equal(2, exit);
        Assert.StartsWith($"planner {args[0]}:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("sqlite", "Data Source=/no/such/folder/planner.db", "no SQLite database at")]
    [InlineData("sqlite", "Colour=blue", "connection string is not valid for sqlite")]
    [InlineData("postgres", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2", "cannot connect to the postgres database")]
    [InlineData("postgres", "Hots=127.0.0.1", "connection string is not valid for postgres")]
    public void A_bad_connection_string_is_one_line_on_stderr(string provider, string database, string expected)
    {
        foreach (var verb in new[] { "migrate", "verify" })
        {
            var (exit, _, error) = PlannerRun.InProcess(verb, "--database", database, "--provider", provider);

            Assert.Equal(2, exit);
            Assert.Contains(expected, error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_refused_before_anything_is_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"planner-cli-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text, end_date text, goal_ids text, weekly_schedule text)";
                await command.ExecuteNonQueryAsync();
            }

            var (exit, _, error) = PlannerRun.InProcess("migrate", "--database", path, "--report", Path.Combine(path + "-no-such-folder", "report.json"));

            Assert.Equal(2, exit);
            Assert.StartsWith("planner migrate: cannot write the report", error);
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_run_that_stops_before_its_end_leaves_no_earlier_report_that_could_pass_for_its_own()
    {
        var report = Path.Combine(Path.GetTempPath(), $"planner-report-{Guid.NewGuid():N}.json");
        File.WriteAllText(report, """{"programs": {"total": 412, "migrated": 405}}""");
        try
        {
            // The database is not there: the run ends at once, with exit 2 and no report of its own.
            var (exit, _, _) = PlannerRun.InProcess("migrate", "--database", "Data Source=/no/such/folder/planner.db", "--report", report);

            Assert.Equal(2, exit);
            Assert.False(File.Exists(report));
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task A_database_that_is_not_a_legacy_one_is_refused_before_anything_is_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"planner-cli-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE notes (id text PRIMARY KEY)";
                await command.ExecuteNonQueryAsync();
            }

            var migrate = PlannerRun.InProcess("migrate", "--database", path);
            var verify = PlannerRun.InProcess("verify", "--database", path);

            Assert.Equal(2, migrate.Exit);
            Assert.Contains("no 'programs' table", migrate.Error);
            Assert.Equal(2, verify.Exit);
            Assert.Contains("Nothing has been migrated", verify.Error);
            Assert.DoesNotContain("   at ", migrate.Error + verify.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Verify_on_a_legacy_database_never_migrated_is_a_database_problem_with_its_message()
    {
        // docs/cli.md: nothing to compare, most likely the wrong database: exit 2, not 0 ("no difference").
        var path = Path.Combine(Path.GetTempPath(), $"planner-cli-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);"
                    + " CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL); CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL)";
                await command.ExecuteNonQueryAsync();
            }

            var verify = PlannerRun.InProcess("verify", "--database", path);

            Assert.Equal(2, verify.Exit);
            Assert.StartsWith("planner verify: ", verify.Error);
            Assert.Contains("Nothing has been migrated in this database yet", verify.Error);
            Assert.Contains("run the migration first", verify.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
