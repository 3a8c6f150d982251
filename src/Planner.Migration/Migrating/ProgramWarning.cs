using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

/// <summary>A warning about a program that migrated all the same.</summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="Diagnostic">The warning, with its JSON path.</param>
public sealed record ProgramWarning(string ProgramId, LegacyDiagnostic Diagnostic);
