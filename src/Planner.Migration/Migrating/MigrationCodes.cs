using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

/// <summary>Diagnostic codes the migration itself raises, beside the converter's (<see cref="DiagnosticCodes"/>).</summary>
public static class MigrationCodes
{
    /// <summary>The program's legacy text kept changing while it was migrated; nothing was written for it.</summary>
    public const string SourceChanged = "source-changed";

    /// <summary>
    /// The program's legacy text changed since it was migrated, but its rows were edited since too, and the
    /// text is not what dual writes make from those rows (else: <see cref="DualWritten"/>): migrating it again
    /// would lose the rows' edits, so nothing was touched.
    /// </summary>
    public const string RowsChanged = "rows-changed";

    /// <summary>The converter failed unexpectedly on this program (a bug to report); the others went on.</summary>
    public const string ConverterFailure = "converter-failure";

    /// <summary>The database refused the program's rows; the message says why.</summary>
    public const string DatabaseError = "database-error";

    /// <summary>
    /// A unique key of the new tables refused the program's rows: one of their ids (or a block's date, a
    /// day's position) is already taken by another program's row. With the planner's ids that is a
    /// collision of two blocks' 64-bit id prefixes (docs/migration.md gives the odds); the program is not
    /// written, the others go on.
    /// </summary>
    public const string IdCollision = "id-collision";

    /// <summary>
    /// A warning: the program already has rows in the new tables that the migration did not write (made by
    /// the planning API or the host), so it is left as it is: no row deleted or added, no ledger row.
    /// </summary>
    public const string RowsExist = "rows-exist";

    /// <summary>
    /// A warning: the program was edited through the planning API since it was migrated, and its legacy text
    /// is exactly what dual writes (<see cref="LegacyDualWriter"/>) made from its rows, so it is left as it
    /// is: no row deleted or added, its ledger row unchanged. Counted in <see cref="MigrationReport.LeftAlone"/>.
    /// </summary>
    public const string DualWritten = "dual-written";
}
