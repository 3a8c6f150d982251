namespace Planner.Migration.Migrating;

/// <summary>What <c>verify</c> found.</summary>
/// <param name="ProgramsChecked">The migrated programs compared.</param>
/// <param name="Differences">Every difference, by program, table and key.</param>
public sealed record VerificationReport(long ProgramsChecked, IReadOnlyList<RowDifference> Differences)
{
    /// <summary>
    /// The programs not compared because their rows are not the migration's: they have rows in the new
    /// tables but no migrated ledger row (made by the planning API or the host; a rerun of the migration
    /// leaves them alone with <see cref="MigrationCodes.RowsExist"/>), or they were migrated and since edited
    /// through the planning API with dual writes on, their legacy text being exactly what dual writes made
    /// from their rows (<see cref="MigrationCodes.DualWritten"/>).
    /// </summary>
    public long ProgramsLeftAlone { get; init; }

    /// <summary>Whether every migrated program's rows are exactly what its legacy text converts to.</summary>
    public bool IsClean => Differences.Count == 0;
}
