using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Migration.Legacy;

namespace Planner.Cli;

/// <summary>
/// The tool's JSON output (the converted form of <c>planner convert</c>, the report of <c>planner migrate
/// --report</c> and <c>planner demo</c>) as records, serialized by <see cref="ToolJsonContext"/>: their
/// properties, in declaration order and snake_case, are the keys of docs/cli.md and docs/legacy-format.md.
/// </summary>
internal static class ToolJson
{
    /// <summary>
    /// How the tool writes JSON: non-ASCII text kept readable (the output is for people and tools, not for HTML),
    /// still deterministic. The writer's options, not the serializer's, decide escaping and indentation.
    /// </summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
    };
}

/// <summary>A diagnostic as the report and <c>planner convert</c> both print it.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">The diagnostic code (docs/legacy-format.md).</param>
/// <param name="Path">The JSON path it is about.</param>
/// <param name="Message">What is wrong, for a person.</param>
internal sealed record DiagnosticJson(string Severity, string Code, string Path, string Message)
{
    public static DiagnosticJson From(LegacyDiagnostic diagnostic) =>
        new(SeverityText(diagnostic.Severity), diagnostic.Code, diagnostic.Path, diagnostic.Message);

    /// <summary><c>error</c> or <c>warning</c>, as the JSON writes a severity.</summary>
    public static string SeverityText(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? "error" : "warning";
}

/// <summary>The source-generated serializer of the tool's JSON (no reflection; snake_case keys).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ConvertedProgram))]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
