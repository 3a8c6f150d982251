namespace Planner.Migration.Migrating;

/// <summary>Where a migration run is, for a progress bar or a log.</summary>
/// <param name="Total">The number of programs in the table when the run started.</param>
/// <param name="Done">The programs dealt with so far (migrated, already migrated or failed).</param>
/// <param name="Migrated">The programs migrated by this run so far.</param>
/// <param name="AlreadyMigrated">The programs skipped because an earlier run migrated the same text.</param>
/// <param name="Failed">The programs that failed so far.</param>
/// <param name="LeftAlone">The programs left as they are: they had rows the migration did not write (<see cref="MigrationCodes.RowsExist"/>), or were edited through the planning API with dual writes since they were migrated (<see cref="MigrationCodes.DualWritten"/>).</param>
public readonly record struct MigrationProgress(long Total, long Done, long Migrated, long AlreadyMigrated, long Failed, long LeftAlone = 0);
