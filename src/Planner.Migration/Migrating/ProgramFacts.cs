namespace Planner.Migration.Migrating;

/// <summary>
/// What a batch's write transaction has read about one program, and all that <see cref="ProgramDecision.Of"/>
/// decides from. Internal.
/// </summary>
/// <remarks>
/// Two facts cost a read each and only some programs need them: <see cref="RowsHash"/> (the program's rows, read
/// for a program migrated before from another text or converter) and <see cref="TextIsDualWritten"/> (its text
/// against what dual writes make from those rows, when the rows changed). They stay null until a decision asks
/// for them (<see cref="ProgramOutcome.ReadRows"/>, <see cref="ProgramOutcome.CompareText"/>).
/// </remarks>
internal readonly record struct ProgramFacts
{
    /// <summary>The hash (<see cref="SourceHash"/>) of the legacy text the program was converted from.</summary>
    public required string ConvertedSourceHash { get; init; }

    /// <summary>The hash of its legacy text as read again inside the transaction; null when the program is no longer there.</summary>
    public required string? CurrentSourceHash { get; init; }

    /// <summary>Its ledger row, if it has one.</summary>
    public required LedgerEntry? Ledger { get; init; }

    /// <summary>The version of the converter that converted it (<c>LegacyConverter.Version</c>).</summary>
    public required string ConverterVersion { get; init; }

    /// <summary>Whether it has rows in the new tables and no <c>migrated</c> ledger row: someone else wrote them.</summary>
    public required bool HasRowsNotMigrated { get; init; }

    /// <summary>Whether its conversion has an error (the converter's, a converter failure, an unknown template or goal).</summary>
    public required bool HasErrors { get; init; }

    /// <summary>The hash of its rows as they are in the database now (<c>ProgramRows.Hash</c>); null until read.</summary>
    public string? RowsHash { get; init; }

    /// <summary>Whether its legacy text is exactly what dual writes make from its rows now (<see cref="DualWrittenText"/>); null until compared.</summary>
    public bool? TextIsDualWritten { get; init; }
}
