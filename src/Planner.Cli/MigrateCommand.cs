using System.CommandLine;
using System.Globalization;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Cli;

/// <summary><c>planner migrate</c>: Phase 1 and 2 on a real database.</summary>
internal static class MigrateCommand
{
    private const int FailuresShown = 20;

    /// <summary>The verb, its options and its action.</summary>
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var batchSize = new Option<int>("--batch-size")
        {
            HelpName = "N",
            Description = "Programs per transaction, at least 1",
            DefaultValueFactory = _ => 100,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                {
                    result.AddError($"--batch-size must be a whole number of at least 1, not '{text}'.");
                }

                return size;
            },
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Arity = ArgumentArity.Zero,
            Description = "Converts, checks and reports as a real run would, but writes nothing (not even Phase 1)",
        };
        var report = new Option<string>("--report")
        {
            HelpName = "FILE",
            Description = "Writes the JSON report there at the end",
        };
        var command = new Command("migrate", "Phase 1 and 2: creates the new tables, migrates the programs not yet migrated");
        database.AddTo(command);
        command.Add(batchSize);
        command.Add(dryRun);
        command.Add(DatabaseOptions.RefuseAnOptionAsValue(report));
        command.SetAction((parseResult, cancellationToken) => VerbRunner.RunAsync(command, async cancellationToken =>
        {
            var reportPath = parseResult.GetValue(report);
            if (reportPath is not null)
            {
                EnsureWritable(reportPath);
            }

            var (provider, connection) = database.Read(parseResult);
            var isDryRun = parseResult.GetValue(dryRun);
            var createContext = DatabaseConnection.Open(provider, connection);
            var migrator = new LegacyMigrator<PlannerDbContext>(createContext, new LegacyMigrationOptions
            {
                BatchSize = parseResult.GetValue(batchSize),
                DryRun = isDryRun,
            });
            var (result, _) = await RunAsync(migrator, isDryRun, Console.Out, ProgressDisplay.ForConsole(), cancellationToken);
            if (reportPath is not null)
            {
                await File.WriteAllTextAsync(reportPath, ReportJson.Write(result), CancellationToken.None);
                Console.Out.WriteLine($"report: {Path.GetFullPath(reportPath)}");
            }

            return ExitCode(result);
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Checked before anything is written: a report that cannot be saved is a usage problem, found up front. Only a
    /// probe: the report is written at the end. An earlier run's report goes now, so a run that stops before its end
    /// (a crash, a lost connection) leaves none that could pass for its own.
    /// </summary>
    /// <exception cref="UsageException">The path is a folder or cannot be written.</exception>
    private static void EnsureWritable(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw new UsageException($"--report '{path}' is a folder; give a file name.");
            }

            using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }

            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write the report '{path}': {e.Message}");
        }
    }

    /// <summary>0 every program migrated, 1 some failed (or the run was cut short): the others are in.</summary>
    public static int ExitCode(MigrationReport report) => report.Failed > 0 || report.Cancelled ? 1 : 0;

    /// <summary>Phase 1 (unless a dry run), Phase 2 with progress, then a summary on <paramref name="output"/>.</summary>
    public static async Task<(MigrationReport Report, SchemaChanges? Schema)> RunAsync<TContext>(
        LegacyMigrator<TContext> migrator, bool dryRun, TextWriter output, ProgressDisplay progress, CancellationToken cancellationToken, bool listFailures = true)
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        SchemaChanges? schema = null;
        if (!dryRun)
        {
            schema = await migrator.CreateSchemaAsync(cancellationToken);
            output.WriteLine(schema.IsEmpty
                ? "phase 1: every table was already there"
                : $"phase 1: created {string.Join(", ", schema.CreatedTables.Concat(schema.CreatedIndexes))}");
        }

        var report = await migrator.MigrateAsync(progress, cancellationToken);
        progress.Finish();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"phase 2{(dryRun ? " (dry run: nothing written)" : string.Empty)}: {report.Total} programs, migrated {report.Migrated}, already migrated {report.AlreadyMigrated}, failed {report.Failed}{(report.LeftAlone > 0 ? $", left alone {report.LeftAlone}" : string.Empty)}"));
        output.WriteLine("rows " + (dryRun ? "that would be written: " : "written: ")
            + string.Join(", ", report.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}"))));
        foreach (var failure in report.Failures.Take(listFailures ? FailuresShown : 0))
        {
            var error = failure.Diagnostics.FirstOrDefault(d => d.Severity == Migration.Legacy.DiagnosticSeverity.Error);
            output.WriteLine(error is null
                ? $"  failed {failure.ProgramId}"
                : $"  failed {failure.ProgramId}: {error.Code} at {error.Path}: {error.Message}");
        }

        if (listFailures && report.Failures.Count > FailuresShown)
        {
            output.WriteLine($"  ... and {report.Failures.Count - FailuresShown} more failed programs (--report FILE lists them all)");
        }

        // Not failures (the exit code stays 0): these programs' rows are the planning API's or the host's.
        WriteLeftAlone(MigrationCodes.RowsExist, "already have rows in the new tables that the migration did not write (made by the planning API or the host)");
        WriteLeftAlone(MigrationCodes.DualWritten, "were edited through the planning API since they were migrated, and their legacy text is what dual writes made from their rows");

        if (report.Cancelled)
        {
            output.WriteLine("cancelled: the programs written so far are complete; run the same command again to go on.");
        }

        return (report, schema);

        void WriteLeftAlone(string code, string why)
        {
            var leftAlone = report.Warnings.Where(w => w.Diagnostic.Code == code).Select(w => w.ProgramId).ToList();
            if (leftAlone.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"left alone: {leftAlone.Count} programs {why}: {string.Join(", ", leftAlone.Take(FailuresShown))}{(leftAlone.Count > FailuresShown ? ", ..." : string.Empty)}"));
            }
        }
    }
}
