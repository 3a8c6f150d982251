using Planner.Migration.Migrating;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// The decision a batch's write transaction makes for each program (migrate, already migrated, left alone, failed,
/// and why, and what becomes of its ledger row), from what it read: no database, only the facts.
/// </summary>
public sealed class ProgramDecisionTests
{
    private const string Text = "text-1";
    private const string OtherText = "text-2";
    private const string Converter = "2";
    private const string OldConverter = "1";
    private const string Rows = "rows-1";
    private const string OtherRows = "rows-2";

    private static LedgerEntry Migrated(string text = Text, string converter = Converter) =>
        new("p-1", text, converter, "2026-11-26T12:00:00Z", LedgerTable.Migrated, Rows);

    private static LedgerEntry Failed(string text = Text, string converter = Converter) =>
        new("p-1", text, converter, "2026-11-26T12:00:00Z", LedgerTable.Failed, null);

    /// <summary>A program converted from <see cref="Text"/>, still there with that text, with no ledger row, rows or errors.</summary>
    private static ProgramFacts Facts(LedgerEntry? ledger = null) => new()
    {
        ConvertedSourceHash = Text,
        CurrentSourceHash = Text,
        Ledger = ledger,
        ConverterVersion = Converter,
        HasRowsNotMigrated = false,
        HasErrors = false,
    };

    private static void AssertDecision(ProgramFacts facts, ProgramOutcome outcome, ProgramReason reason, LedgerWrite ledger)
    {
        var decision = ProgramDecision.Of(facts);
        Assert.Equal(new ProgramDecision(outcome, reason, ledger), decision);
        Assert.True(decision.IsFinal);
    }

    [Fact]
    public void A_program_never_seen_is_migrated_with_a_new_ledger_row()
    {
        AssertDecision(Facts(), ProgramOutcome.Migrate, ProgramReason.NotMigrated, LedgerWrite.Insert);
        Assert.False(ProgramDecision.Of(Facts()).ReplacesRows);
    }

    [Theory]
    [InlineData(Text, Converter)]
    [InlineData(OtherText, Converter)]
    [InlineData(Text, OldConverter)]
    public void A_program_that_failed_before_is_migrated_with_its_ledger_row_rewritten(string text, string converter)
    {
        AssertDecision(Facts(Failed(text, converter)), ProgramOutcome.Migrate, ProgramReason.FailedBefore, LedgerWrite.Update);
        Assert.False(ProgramDecision.Of(Facts(Failed(text, converter))).ReplacesRows);
    }

    [Fact]
    public void A_program_migrated_from_this_text_by_this_converter_is_already_migrated_whatever_else_is_true()
    {
        AssertDecision(Facts(Migrated()), ProgramOutcome.AlreadyMigrated, ProgramReason.MigratedFromThisText, LedgerWrite.None);
        AssertDecision(Facts(Migrated()) with { HasErrors = true, HasRowsNotMigrated = true }, ProgramOutcome.AlreadyMigrated, ProgramReason.MigratedFromThisText, LedgerWrite.None);
    }

    [Fact]
    public void A_program_deleted_since_it_was_read_is_gone_and_nothing_else_counts()
    {
        AssertDecision(Facts(Migrated()) with { CurrentSourceHash = null, HasErrors = true }, ProgramOutcome.Gone, ProgramReason.Deleted, LedgerWrite.None);
    }

    [Fact]
    public void A_program_whose_text_changed_since_it_was_converted_is_converted_again_before_anything_else()
    {
        AssertDecision(Facts(Migrated()) with { CurrentSourceHash = OtherText }, ProgramOutcome.ConvertAgain, ProgramReason.ChangedSinceConverted, LedgerWrite.None);
        AssertDecision(Facts() with { CurrentSourceHash = OtherText, HasRowsNotMigrated = true, HasErrors = true }, ProgramOutcome.ConvertAgain, ProgramReason.ChangedSinceConverted, LedgerWrite.None);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_program_with_rows_the_migration_did_not_write_is_left_alone_without_a_ledger_row(bool hasErrors)
    {
        AssertDecision(Facts() with { HasRowsNotMigrated = true, HasErrors = hasErrors }, ProgramOutcome.LeftAlone, ProgramReason.RowsExist, LedgerWrite.None);
        AssertDecision(Facts(Failed(OtherText)) with { HasRowsNotMigrated = true, HasErrors = hasErrors }, ProgramOutcome.LeftAlone, ProgramReason.RowsExist, LedgerWrite.None);
    }

    [Fact]
    public void A_program_with_errors_fails_and_its_failure_is_recorded_once_per_text_and_converter()
    {
        var failing = Facts() with { HasErrors = true };

        AssertDecision(failing, ProgramOutcome.Failed, ProgramReason.ConversionErrors, LedgerWrite.Insert);
        AssertDecision(failing with { Ledger = Failed() }, ProgramOutcome.Failed, ProgramReason.ConversionErrors, LedgerWrite.None);
        AssertDecision(failing with { Ledger = Failed(OtherText) }, ProgramOutcome.Failed, ProgramReason.ConversionErrors, LedgerWrite.Update);
        AssertDecision(failing with { Ledger = Failed(Text, OldConverter) }, ProgramOutcome.Failed, ProgramReason.ConversionErrors, LedgerWrite.Update);
    }

    [Theory]
    [InlineData(OtherText, Converter)]
    [InlineData(Text, OldConverter)]
    public void A_migrated_program_whose_new_text_fails_keeps_its_rows_and_ledger_row(string text, string converter)
    {
        AssertDecision(Facts(Migrated(text, converter)) with { HasErrors = true }, ProgramOutcome.Failed, ProgramReason.ConversionErrors, LedgerWrite.None);
    }

    [Theory]
    [InlineData(OtherText, Converter)]
    [InlineData(Text, OldConverter)]
    public void A_program_migrated_from_another_text_or_converter_asks_for_its_rows_first(string text, string converter)
    {
        var decision = ProgramDecision.Of(Facts(Migrated(text, converter)));

        Assert.Equal(ProgramOutcome.ReadRows, decision.Outcome);
        Assert.False(decision.IsFinal);
        Assert.False(decision.ReplacesRows);
        Assert.Equal(LedgerWrite.None, decision.Ledger);
    }

    [Theory]
    [InlineData(OtherText, Converter)]
    [InlineData(Text, OldConverter)]
    public void A_migrated_program_whose_rows_are_still_the_migrations_is_migrated_again_replacing_them(string text, string converter)
    {
        var facts = Facts(Migrated(text, converter)) with { RowsHash = Rows };

        AssertDecision(facts, ProgramOutcome.Migrate, ProgramReason.ChangedSinceMigrated, LedgerWrite.Update);
        Assert.True(ProgramDecision.Of(facts).ReplacesRows);

        // The dual-write comparison is not made, and would not change it.
        AssertDecision(facts with { TextIsDualWritten = true }, ProgramOutcome.Migrate, ProgramReason.ChangedSinceMigrated, LedgerWrite.Update);
    }

    [Fact]
    public void A_migrated_program_whose_rows_changed_asks_whether_its_text_is_dual_written()
    {
        var decision = ProgramDecision.Of(Facts(Migrated(OtherText)) with { RowsHash = OtherRows });

        Assert.Equal(ProgramOutcome.CompareText, decision.Outcome);
        Assert.False(decision.IsFinal);
        Assert.False(decision.ReplacesRows);
    }

    [Fact]
    public void A_migrated_program_whose_rows_changed_and_whose_text_is_what_dual_writes_make_is_left_alone_untouched()
    {
        AssertDecision(Facts(Migrated(OtherText)) with { RowsHash = OtherRows, TextIsDualWritten = true }, ProgramOutcome.LeftAlone, ProgramReason.DualWritten, LedgerWrite.None);
    }

    [Fact]
    public void A_migrated_program_whose_rows_changed_and_whose_text_is_not_dual_written_fails_untouched()
    {
        AssertDecision(Facts(Migrated(OtherText)) with { RowsHash = OtherRows, TextIsDualWritten = false }, ProgramOutcome.Failed, ProgramReason.RowsChanged, LedgerWrite.None);
    }

    [Fact]
    public void Current_means_migrated_from_this_text_by_this_converter()
    {
        Assert.True(ProgramDecision.IsCurrent(Migrated(), Text, Converter));
        Assert.False(ProgramDecision.IsCurrent(Migrated(), OtherText, Converter));
        Assert.False(ProgramDecision.IsCurrent(Migrated(), Text, OldConverter));
        Assert.False(ProgramDecision.IsCurrent(Failed(), Text, Converter));
    }

    [Fact]
    public void Every_combination_of_facts_ends_in_a_final_decision_that_keeps_the_rules()
    {
        LedgerEntry?[] ledgers = [null, Migrated(), Migrated(OtherText), Migrated(Text, OldConverter), Failed(), Failed(OtherText), Failed(Text, OldConverter)];
        var count = 0;
        foreach (var current in new[] { null, Text, OtherText })
        {
            foreach (var ledger in ledgers)
            {
                foreach (var rowsNotMigrated in new[] { false, true })
                {
                    foreach (var errors in new[] { false, true })
                    {
                        foreach (var rowsHash in new[] { Rows, OtherRows })
                        {
                            foreach (var dualWritten in new[] { false, true })
                            {
                                var facts = new ProgramFacts
                                {
                                    ConvertedSourceHash = Text,
                                    CurrentSourceHash = current,
                                    Ledger = ledger,
                                    ConverterVersion = Converter,
                                    HasRowsNotMigrated = rowsNotMigrated,
                                    HasErrors = errors,
                                };

                                // What the migrator does: give each fact when it is asked for, and only then.
                                var decision = ProgramDecision.Of(facts);
                                var asked = 0;
                                while (!decision.IsFinal)
                                {
                                    Assert.True(++asked <= 2, $"{facts} keeps asking");
                                    facts = decision.Outcome == ProgramOutcome.ReadRows
                                        ? facts with { RowsHash = rowsHash }
                                        : facts with { TextIsDualWritten = dualWritten };
                                    decision = ProgramDecision.Of(facts);
                                }

                                Check(facts, decision);
                                count++;
                            }
                        }
                    }
                }
            }
        }

        Assert.Equal(3 * 7 * 2 * 2 * 2 * 2, count);

        static void Check(ProgramFacts facts, ProgramDecision decision)
        {
            var message = $"{facts} -> {decision}";

            // Rows are written only for a convertible program nobody else wrote rows for, whose text is the one converted.
            if (decision.Outcome == ProgramOutcome.Migrate)
            {
                Assert.True(!facts.HasErrors && !facts.HasRowsNotMigrated && facts.CurrentSourceHash == facts.ConvertedSourceHash, message);
                Assert.NotEqual(LedgerWrite.None, decision.Ledger);
            }

            // Old rows are deleted only when they are exactly what the migration wrote.
            Assert.True(!decision.ReplacesRows || (facts.Ledger is { IsMigrated: true } entry && facts.RowsHash == entry.RowsHash), message);

            // A ledger row is inserted only where there is none, rewritten only where there is one, and a migrated
            // program's ledger row is never turned into a failure.
            Assert.True(decision.Ledger != LedgerWrite.Insert || facts.Ledger is null, message);
            Assert.True(decision.Ledger != LedgerWrite.Update || facts.Ledger is not null, message);
            Assert.True(!(decision.Outcome == ProgramOutcome.Failed && decision.Ledger != LedgerWrite.None && facts.Ledger is { IsMigrated: true }), message);

            // Nothing is written for a program left alone, already migrated, gone or to convert again.
            if (decision.Outcome is ProgramOutcome.LeftAlone or ProgramOutcome.AlreadyMigrated or ProgramOutcome.Gone or ProgramOutcome.ConvertAgain)
            {
                Assert.Equal(LedgerWrite.None, decision.Ledger);
            }
        }
    }
}
