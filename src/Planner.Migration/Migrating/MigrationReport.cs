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

/// <summary>Where a migration run is, for a progress bar or a log.</summary>
/// <param name="Total">The number of programs in the table when the run started.</param>
/// <param name="Done">The programs dealt with so far (migrated, already migrated or failed).</param>
/// <param name="Migrated">The programs migrated by this run so far.</param>
/// <param name="AlreadyMigrated">The programs skipped because an earlier run migrated the same text.</param>
/// <param name="Failed">The programs that failed so far.</param>
/// <param name="LeftAlone">The programs left as they are: they had rows the migration did not write (<see cref="MigrationCodes.RowsExist"/>), or were edited through the planning API with dual writes since they were migrated (<see cref="MigrationCodes.DualWritten"/>).</param>
public readonly record struct MigrationProgress(long Total, long Done, long Migrated, long AlreadyMigrated, long Failed, long LeftAlone = 0);

/// <summary>A program that could not be migrated, and why.</summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="Diagnostics">What stopped it, with the JSON path of each problem (warnings included).</param>
public sealed record ProgramFailure(string ProgramId, IReadOnlyList<LegacyDiagnostic> Diagnostics);

/// <summary>A warning about a program that migrated all the same.</summary>
/// <param name="ProgramId">The program's id.</param>
/// <param name="Diagnostic">The warning, with its JSON path.</param>
public sealed record ProgramWarning(string ProgramId, LegacyDiagnostic Diagnostic);

/// <summary>What a migration run did (or, for a dry run, would have done).</summary>
public sealed class MigrationReport
{
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);
    private readonly List<ProgramFailure> _failures = [];
    private readonly List<ProgramWarning> _warnings = [];

    internal MigrationReport(bool dryRun, IEnumerable<string> tables)
    {
        DryRun = dryRun;
        foreach (var table in tables)
        {
            _rows[table] = 0;
        }
    }

    /// <summary>Whether this was a dry run: everything converted and checked, nothing written.</summary>
    public bool DryRun { get; }

    /// <summary>Whether the run was cancelled before it reached the last program (a rerun resumes).</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>The number of programs in the table when the run started.</summary>
    public long Total { get; internal set; }

    /// <summary>The programs this run migrated.</summary>
    public long Migrated { get; internal set; }

    /// <summary>The programs an earlier run (or a migrator running at the same time) had already migrated from the same text.</summary>
    public long AlreadyMigrated { get; internal set; }

    /// <summary>The programs that failed; the others are in.</summary>
    public long Failed => _failures.Count;

    /// <summary>
    /// The programs left as they are, not failed, because their rows belong to the planning API or the host
    /// now: either they already had rows in the new tables that the migration did not write (a
    /// <see cref="MigrationCodes.RowsExist"/> warning in <see cref="Warnings"/>), or they were migrated and
    /// since edited through the planning API with dual writes on, their legacy text being exactly what dual
    /// writes made from their rows (a <see cref="MigrationCodes.DualWritten"/> warning).
    /// </summary>
    public long LeftAlone { get; internal set; }

    /// <summary>The rows written by this run, by table name (the host's names).</summary>
    public IReadOnlyDictionary<string, long> Rows => _rows;

    /// <summary>Every failed program, with its diagnostics.</summary>
    public IReadOnlyList<ProgramFailure> Failures => _failures;

    /// <summary>Every warning of the programs migrated or left alone, by program and path.</summary>
    public IReadOnlyList<ProgramWarning> Warnings => _warnings;

    /// <summary>The progress this report stands for.</summary>
    public MigrationProgress Progress => new(Total, Migrated + AlreadyMigrated + Failed + LeftAlone, Migrated, AlreadyMigrated, Failed, LeftAlone);

    internal void AddRows(string table, long count) => _rows[table] = _rows.GetValueOrDefault(table) + count;

    internal void AddFailure(ProgramFailure failure) => _failures.Add(failure);

    internal void AddWarnings(string programId, IEnumerable<LegacyDiagnostic> diagnostics) =>
        _warnings.AddRange(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => new ProgramWarning(programId, d)));
}

/// <summary>One difference between a migrated program's rows and what its legacy text converts to now.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="Table">The table (the host's name).</param>
/// <param name="Id">The row's key (key columns joined with <c>|</c>).</param>
/// <param name="Column">The column; <c>*</c> for a row missing or extra as a whole.</param>
/// <param name="Expected">The value the conversion gives (null: no such row, or a null value).</param>
/// <param name="Actual">The value in the table (null: no such row, or a null value).</param>
public sealed record RowDifference(string ProgramId, string Table, string Id, string Column, string? Expected, string? Actual);

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
