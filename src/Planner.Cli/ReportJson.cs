using System.Text;
using System.Text.Json;
using Planner.Migration.Migrating;

namespace Planner.Cli;

/// <summary>
/// The report of <c>planner migrate --report</c> and <c>planner demo</c> (docs/cli.md, "The migration report"):
/// the library's <see cref="MigrationReport"/> is data; how the tool writes it is the tool's contract.
/// </summary>
internal static class ReportJson
{
    /// <summary>The report as the JSON of the <c>planner migrate --report</c> contract.</summary>
    /// <returns>Indented JSON text.</returns>
    public static string Write(MigrationReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ToolJson.WriterOptions(indented: true)))
        {
            JsonSerializer.Serialize(writer, ReportDocument.From(report), ToolJsonContext.Default.ReportDocument);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// The report's top level, keys in the order docs/cli.md shows them. The keys of <c>rows</c> are the host's table
/// names, written as they are (the naming policy renames properties, not dictionary keys).
/// </summary>
internal sealed record ReportDocument(
    ReportPrograms Programs,
    bool DryRun,
    bool Cancelled,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<ReportFailure> Failures,
    IReadOnlyList<ReportWarning> Warnings)
{
    public static ReportDocument From(MigrationReport report) => new(
        new ReportPrograms(report.Total, report.Migrated, report.AlreadyMigrated, report.Failed, report.LeftAlone),
        report.DryRun,
        report.Cancelled,
        report.Rows,
        [.. report.Failures.Select(failure => new ReportFailure(failure.ProgramId, [.. failure.Diagnostics.Select(DiagnosticJson.From)]))],
        [.. report.Warnings.Select(warning => new ReportWarning(
            warning.ProgramId, DiagnosticJson.SeverityText(warning.Diagnostic.Severity), warning.Diagnostic.Code, warning.Diagnostic.Path, warning.Diagnostic.Message))]);
}

/// <summary>The report's <c>programs</c> counts.</summary>
internal sealed record ReportPrograms(long Total, long Migrated, long AlreadyMigrated, long Failed, long LeftAlone);

/// <summary>A failed program and every diagnostic it has, errors and warnings, in the order found.</summary>
internal sealed record ReportFailure(string ProgramId, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>A warning of a program that migrated or was left alone: its program, then the diagnostic's fields.</summary>
internal sealed record ReportWarning(string ProgramId, string Severity, string Code, string Path, string Message);
