using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;

namespace Planner.Cli;

/// <summary>
/// The tool's JSON output format: the report of <c>planner migrate --report</c> and <c>planner demo</c>
/// (docs/cli.md), and the diagnostics <c>planner convert</c> prints. The library's report is data; how
/// the tool writes it is the tool's contract.
/// </summary>
internal static class ReportJson
{
    /// <summary>The report as the JSON of the <c>planner migrate --report</c> contract.</summary>
    /// <returns>Indented JSON text.</returns>
    public static string Write(MigrationReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("programs");
            json.WriteNumber("total", report.Total);
            json.WriteNumber("migrated", report.Migrated);
            json.WriteNumber("already_migrated", report.AlreadyMigrated);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("left_alone", report.LeftAlone);
            json.WriteEndObject();
            json.WriteBoolean("dry_run", report.DryRun);
            json.WriteBoolean("cancelled", report.Cancelled);
            json.WriteStartObject("rows");
            foreach (var (table, count) in report.Rows)
            {
                json.WriteNumber(table, count);
            }

            json.WriteEndObject();
            json.WriteStartArray("failures");
            foreach (var failure in report.Failures)
            {
                json.WriteStartObject();
                json.WriteString("program_id", failure.ProgramId);
                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in failure.Diagnostics)
                {
                    json.WriteStartObject();
                    WriteDiagnostic(json, diagnostic);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("program_id", warning.ProgramId);
                WriteDiagnostic(json, warning.Diagnostic);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A diagnostic's four fields, as the report and <c>planner convert</c> both print them.</summary>
    public static void WriteDiagnostic(Utf8JsonWriter json, LegacyDiagnostic diagnostic)
    {
        json.WriteString("severity", diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        json.WriteString("code", diagnostic.Code);
        json.WriteString("path", diagnostic.Path);
        json.WriteString("message", diagnostic.Message);
    }
}
