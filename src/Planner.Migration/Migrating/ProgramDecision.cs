namespace Planner.Migration.Migrating;

/// <summary>
/// What the migration does with one program in a batch's write transaction, and why: decided from what was read
/// (<see cref="ProgramFacts"/>) without reading or writing anything, so that every rule of a rerun is in one place
/// and tested without a database. The migrator carries the decision out. Internal.
/// </summary>
/// <param name="Outcome">What happens to the program.</param>
/// <param name="Reason">Why.</param>
/// <param name="Ledger">What happens to its ledger row.</param>
internal readonly record struct ProgramDecision(ProgramOutcome Outcome, ProgramReason Reason, LedgerWrite Ledger)
{
    /// <summary>Whether the program's old rows are deleted before its new ones are written (a migrated program migrated again).</summary>
    public bool ReplacesRows => Outcome == ProgramOutcome.Migrate && Reason == ProgramReason.ChangedSinceMigrated;

    /// <summary>Whether the decision is final; if not, its outcome says which fact to read before deciding again.</summary>
    public bool IsFinal => Outcome is not (ProgramOutcome.ReadRows or ProgramOutcome.CompareText);

    /// <summary>
    /// Whether a ledger row says the program was migrated from this very text by this converter: there is
    /// nothing to do. Also asked before a program is converted, to skip it.
    /// </summary>
    public static bool IsCurrent(LedgerEntry entry, string sourceHash, string converterVersion) =>
        entry.IsMigrated && entry.SourceHash == sourceHash && entry.ConverterVersion == converterVersion;

    /// <summary>Decides what to do with a program, or which fact to read first (<see cref="IsFinal"/>).</summary>
    public static ProgramDecision Of(in ProgramFacts facts)
    {
        if (facts.CurrentSourceHash is null)
        {
            return new(ProgramOutcome.Gone, ProgramReason.Deleted, LedgerWrite.None);
        }

        if (facts.CurrentSourceHash != facts.ConvertedSourceHash)
        {
            return new(ProgramOutcome.ConvertAgain, ProgramReason.ChangedSinceConverted, LedgerWrite.None);
        }

        var entry = facts.Ledger;
        if (entry is not null && IsCurrent(entry, facts.ConvertedSourceHash, facts.ConverterVersion))
        {
            return new(ProgramOutcome.AlreadyMigrated, ProgramReason.MigratedFromThisText, LedgerWrite.None); // another migrator got there first
        }

        if (facts.HasRowsNotMigrated)
        {
            return new(ProgramOutcome.LeftAlone, ProgramReason.RowsExist, LedgerWrite.None);
        }

        if (facts.HasErrors)
        {
            // A failure is recorded once per text and converter; a migrated program whose new text fails keeps its
            // rows and ledger row: a rerun tries again.
            var ledger = entry is null ? LedgerWrite.Insert
                : !entry.IsMigrated && (entry.SourceHash != facts.ConvertedSourceHash || entry.ConverterVersion != facts.ConverterVersion) ? LedgerWrite.Update
                : LedgerWrite.None;
            return new(ProgramOutcome.Failed, ProgramReason.ConversionErrors, ledger);
        }

        if (entry is null)
        {
            return new(ProgramOutcome.Migrate, ProgramReason.NotMigrated, LedgerWrite.Insert);
        }

        if (!entry.IsMigrated)
        {
            return new(ProgramOutcome.Migrate, ProgramReason.FailedBefore, LedgerWrite.Update);
        }

        // Migrated before, from another text or by another converter: its rows are replaced only if they are still
        // exactly what the migration wrote.
        if (facts.RowsHash is null)
        {
            return new(ProgramOutcome.ReadRows, ProgramReason.ChangedSinceMigrated, LedgerWrite.None);
        }

        if (facts.RowsHash == entry.RowsHash)
        {
            return new(ProgramOutcome.Migrate, ProgramReason.ChangedSinceMigrated, LedgerWrite.Update);
        }

        return facts.TextIsDualWritten switch
        {
            null => new(ProgramOutcome.CompareText, ProgramReason.RowsChanged, LedgerWrite.None),
            true => new(ProgramOutcome.LeftAlone, ProgramReason.DualWritten, LedgerWrite.None),
            false => new(ProgramOutcome.Failed, ProgramReason.RowsChanged, LedgerWrite.None),
        };
    }
}

/// <summary>What happens to a program in a batch (<see cref="ProgramDecision"/>).</summary>
internal enum ProgramOutcome
{
    /// <summary>Not final: read the program's rows (<see cref="ProgramFacts.RowsHash"/>) and decide again.</summary>
    ReadRows,

    /// <summary>Not final: compare its text with what dual writes make from its rows (<see cref="ProgramFacts.TextIsDualWritten"/>) and decide again.</summary>
    CompareText,

    /// <summary>Nothing: the program was deleted since the batch read it. Not counted.</summary>
    Gone,

    /// <summary>Nothing yet: convert the program again from its new text and retry (<c>source-changed</c> once the retries run out).</summary>
    ConvertAgain,

    /// <summary>Nothing: counted as already migrated.</summary>
    AlreadyMigrated,

    /// <summary>Nothing, rows and ledger row untouched: counted as left alone, with a warning.</summary>
    LeftAlone,

    /// <summary>No rows written: counted as failed, with its diagnostics.</summary>
    Failed,

    /// <summary>Its rows are written (its old ones deleted first when <see cref="ProgramDecision.ReplacesRows"/>), with its ledger row.</summary>
    Migrate,
}

/// <summary>Why (<see cref="ProgramDecision"/>).</summary>
internal enum ProgramReason
{
    /// <summary>The program is no longer in the programs table.</summary>
    Deleted,

    /// <summary>Its legacy text changed since it was converted.</summary>
    ChangedSinceConverted,

    /// <summary>Its ledger row says it was migrated from this text by this converter.</summary>
    MigratedFromThisText,

    /// <summary>It has rows in the new tables that the migration did not write (<c>rows-exist</c>).</summary>
    RowsExist,

    /// <summary>Its rows changed since it was migrated, and its text is what dual writes make from them (<c>dual-written</c>).</summary>
    DualWritten,

    /// <summary>Its conversion has errors (its diagnostics say which).</summary>
    ConversionErrors,

    /// <summary>Its text changed since it was migrated, its rows too, and the text is not what dual writes make from them (<c>rows-changed</c>).</summary>
    RowsChanged,

    /// <summary>It has no ledger row: never migrated nor failed.</summary>
    NotMigrated,

    /// <summary>Its ledger row says it failed before.</summary>
    FailedBefore,

    /// <summary>It was migrated from another text or by another converter version, and its rows are still what the migration wrote.</summary>
    ChangedSinceMigrated,
}

/// <summary>What happens to a program's ledger row (<see cref="ProgramDecision"/>).</summary>
internal enum LedgerWrite
{
    /// <summary>Left as it is (or, without one, none written).</summary>
    None,

    /// <summary>A new ledger row.</summary>
    Insert,

    /// <summary>The ledger row rewritten.</summary>
    Update,
}
