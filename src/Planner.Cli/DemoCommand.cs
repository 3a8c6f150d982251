using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Cli;

/// <summary>
/// <c>planner demo</c>: the whole job on an embedded default. Builds <c>planner-demo.db</c> in the current
/// folder from generated legacy programs (every shape, a few broken), migrates, verifies, and explains
/// what happened.
/// </summary>
internal static class DemoCommand
{
    public const string DatabaseFile = "planner-demo.db";
    public const string ReportFile = "planner-demo-report.json";
    private const int Programs = 300;
    private const int TopDiagnostics = 5;

    private const string LegacyDdl = """
        CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);
        CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL)
        """;

    /// <summary>The verb (no options: System.CommandLine refuses any argument) and its action.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Builds planner-demo.db from generated legacy programs, migrates, verifies, explains");
        command.SetAction((_, cancellationToken) => VerbRunner.RunAsync(command, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(DatabaseFile);
        var reportPath = Path.GetFullPath(ReportFile);
        var output = Console.Out;
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var corpus = DemoCorpus.Generate(Programs);
        await SeedAsync(connectionString, corpus, cancellationToken);
        output.WriteLine($"demo: {DatabaseFile} holds {Programs} legacy programs (programs.weekly_schedule JSON of every shape, some broken), {corpus.Templates.Count} session templates and {corpus.Goals.Count} goals.");

        var options = new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite(connectionString).Options;
        var migrator = new LegacyMigrator<PlannerDbContext>(() => new PlannerDbContext(options), new LegacyMigrationOptions { BatchSize = 50 });
        var (report, _) = await MigrateCommand.RunAsync(migrator, dryRun: false, output, ProgressDisplay.ForConsole(), cancellationToken, listFailures: false);
        await File.WriteAllTextAsync(reportPath, ReportJson.Write(report), CancellationToken.None);
        var verification = await migrator.VerifyAsync(cancellationToken);

        output.WriteLine();
        output.WriteLine("What happened");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.Migrated} of {report.Total} programs migrated to the new tables; {report.Failed} failed and were left as they are (nothing half-written)."));
        output.WriteLine("  rows written: " + string.Join(", ", report.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key}"))));
        Top("  what stopped the failed programs:", report.Failures.SelectMany(f => f.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)), output);
        Top("  warnings on migrated programs (they are in, but look):", report.Warnings.Select(w => w.Diagnostic), output);
        output.WriteLine(verification.IsClean
            ? $"  verify: the {verification.ProgramsChecked} migrated programs' rows are exactly what their legacy JSON converts to."
            : $"  verify: {verification.Differences.Count} differences in {verification.ProgramsChecked} programs (planner verify --database {DatabaseFile} lists them).");
        output.WriteLine($"  every failure and warning, by program and JSON path: {reportPath}");
        output.WriteLine($"  the database: {path} (the legacy tables are untouched; the new ones are program_blocks, program_days, scheduled_sessions, program_goals, block_goals)");
        output.WriteLine($"  try: planner migrate --database {DatabaseFile}   (a rerun writes nothing)");
        return 0;
    }

    private static void Top(string title, IEnumerable<LegacyDiagnostic> diagnostics, TextWriter output)
    {
        var groups = diagnostics.GroupBy(d => d.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            return;
        }

        output.WriteLine(title);
        foreach (var group in groups.Take(TopDiagnostics))
        {
            var example = group.First();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {group.Count(),4} x {group.Key} (e.g. at {example.Path}: {example.Message})"));
        }
    }

    private static async Task SeedAsync(string connectionString, LegacyCorpus corpus, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in LegacyDdl.Split(';'))
        {
            await Execute(statement);
        }

        foreach (var template in corpus.Templates)
        {
            await Execute("INSERT INTO session_templates (id, name) VALUES ($0, $1)", template.Id, template.Name);
        }

        foreach (var goal in corpus.Goals)
        {
            await Execute("INSERT INTO goals (id, name) VALUES ($0, $1)", goal.Id, goal.Name);
        }

        foreach (var row in corpus.Programs)
        {
            await Execute(
                "INSERT INTO programs (id, name, start_date, end_date, goal_ids, weekly_schedule) VALUES ($0, $1, $2, $3, $4, $5)",
                row.Id, row.Name, row.StartDate, row.EndDate, row.GoalIds, row.WeeklySchedule);
        }

        await transaction.CommitAsync(cancellationToken);

        async Task Execute(string sql, params string?[] values)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$" + i.ToString(CultureInfo.InvariantCulture), (object?)values[i] ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
