namespace Planner.Migration.Legacy;

/// <summary>Something the converter found in a program's legacy data.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Code">The diagnostic code of <c>docs/legacy-format.md</c> (<see cref="DiagnosticCodes"/>).</param>
/// <param name="Path">
/// The JSON path of the value (<c>$.blocks[1].days['2024-02-30']</c>); paths into <c>weekly_schedule</c>
/// start at <c>$</c>, the <c>goal_ids</c> column is <c>goal_ids</c>, the date columns <c>start_date</c> and
/// <c>end_date</c>. A key that is a plain identifier (an ASCII letter or <c>_</c>, then ASCII letters,
/// digits or <c>_</c>) is written <c>.key</c>; any other key (dates, digits, spaces) <c>['key']</c>, with
/// <c>\</c> and <c>'</c> escaped by a backslash and control characters as <c>\uXXXX</c>; a list index
/// <c>[i]</c>. A summary of diagnostics beyond the per-code cap is at <c>$</c>.
/// </param>
/// <param name="Message">What is wrong and what was expected, for a person.</param>
public sealed record LegacyDiagnostic(DiagnosticSeverity Severity, string Code, string Path, string Message);
