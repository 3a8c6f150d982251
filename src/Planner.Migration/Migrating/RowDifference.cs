namespace Planner.Migration.Migrating;

/// <summary>One difference between a migrated program's rows and what its legacy text converts to now.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="Table">The table (the host's name).</param>
/// <param name="Id">The row's key (key columns joined with <c>|</c>).</param>
/// <param name="Column">The column; <c>*</c> for a row missing or extra as a whole.</param>
/// <param name="Expected">The value the conversion gives (null: no such row, or a null value).</param>
/// <param name="Actual">The value in the table (null: no such row, or a null value).</param>
public sealed record RowDifference(string ProgramId, string Table, string Id, string Column, string? Expected, string? Actual);
