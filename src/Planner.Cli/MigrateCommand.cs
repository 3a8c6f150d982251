using System.Globalization;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Cli;

/// <summary><c>planner migrate</c>: Phase 1 and 2 on a real database.</summary>
internal static class MigrateCommand
{
    private const int FailuresShown = 20;

    public static int Run(string[] args) => VerbRunner.Run("migrate", async cancellationToken =>
    {
        var options = DatabaseOptions.Parse("migrate", args, migrateOptions: true);
        var createContext = DatabaseConnection.Open(options.Provider, options.Database);
        var migrator = new LegacyMigrator<PlannerDbContext>(createContext, new LegacyMigrationOptions
        {
            BatchSize = options.BatchSize,
            DryRun = options.DryRun,
        });
        var (report, _) = await RunAsync(migrator, options.DryRun, Console.Out, ProgressDisplay.ForConsole(), cancellationToken);
        if (options.Report is not null)
        {
            await File.WriteAllTextAsync(options.Report, ReportJson.Write(report), CancellationToken.None);
            Console.Out.WriteLine($"report: {Path.GetFullPath(options.Report)}");
        }

        return ExitCode(report);
    });

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
