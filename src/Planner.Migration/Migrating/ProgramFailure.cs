using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

/// <summary>A program that could not be migrated, and why.</summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="Diagnostics">What stopped it, with the JSON path of each problem (warnings included).</param>
public sealed record ProgramFailure(string ProgramId, IReadOnlyList<LegacyDiagnostic> Diagnostics);
