using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

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
