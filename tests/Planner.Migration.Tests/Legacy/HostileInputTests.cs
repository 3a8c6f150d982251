using System.Text;
using Planner.Migration.Legacy;
using Planner.Testing;
using static Planner.Migration.Tests.Legacy.LegacyTestRows;

namespace Planner.Migration.Tests.Legacy;

/// <summary>
/// Malformed and hostile rows: the JSONTestSuite parsing cases as the column's text, and rows built
/// to cost time or memory. Never an exception; the costly ones stop early (measured as bytes allocated, not time).
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>The vendored JSONTestSuite cases (see THIRD-PARTY-NOTICES).</summary>
    private static string ParsingCasesFolder => RepositoryFiles.Path("tests", "third_party", "JSONTestSuite", "test_parsing");

    public static TheoryData<string> ParsingCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ParsingCasesFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>
    /// The file's bytes as a text column holds them: decoded as UTF-8, invalid sequences replaced by
    /// U+FFFD (what a lenient driver gives; a strict database would have refused the bytes at write
    /// time). A byte-order mark stays in the text as U+FEFF.
    /// </summary>
    private static string ColumnText(string file) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false)
            .GetString(File.ReadAllBytes(Path.Combine(ParsingCasesFolder, file)));

    [Theory]
    [MemberData(nameof(ParsingCases))]
    public void A_JSONTestSuite_case_as_the_column_text_never_throws(string file)
    {
        var text = ColumnText(file);

        var conversion = Convert(text);
        var again = Convert(text, goalIds: text); // the goal_ids column too

        if (file.StartsWith("n_", StringComparison.Ordinal) && file is not ("n_structure_no_data.json" or "n_single_space.json"))
        {
            Assert.Contains(conversion.Diagnostics, d => d.Code is DiagnosticCodes.InvalidJson or DiagnosticCodes.InvalidShape && d.Severity == DiagnosticSeverity.Error);
            Assert.Contains(again.Diagnostics, d => d.Path.StartsWith("goal_ids", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public void The_blank_n_cases_are_programs_without_a_schedule()
    {
        Assert.Empty(Convert(ColumnText("n_structure_no_data.json")).Diagnostics);
        Assert.Empty(Convert(ColumnText("n_single_space.json")).Diagnostics);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Deep_nesting_is_too_large_at_once(int depth)
    {
        var text = "{\"blocks\": " + new string('[', depth) + new string(']', depth) + "}";
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var conversion = Convert(text);

        var diagnostic = Assert.Single(conversion.Diagnostics);
        Assert.Equal((DiagnosticCodes.TooLarge, "$"), (diagnostic.Code, diagnostic.Path));
        // Work, not time (a loaded machine makes a stopwatch flaky): the converter stops at the depth limit without
        // building the tree, so it allocates under 16 bytes per nesting level (measured: about 0.24 MB at 100,000
        // levels, 5.4 MB at 1,000,000); any object per level would be 24 bytes or more.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 16L * depth, $"{allocated} bytes allocated for {depth} levels");
    }

    [Fact]
    public void Deep_and_unclosed_nesting_is_both_invalid_json_and_too_large()
    {
        var conversion = Convert(new string('[', 500));

        Assert.Equal([DiagnosticCodes.InvalidJson, DiagnosticCodes.TooLarge], conversion.Diagnostics.Select(d => d.Code));
        Assert.Contains("byte 501", conversion.Diagnostics[0].Message);
    }

    [Fact]
    public void Huge_numbers_are_shapes_and_readiness_problems_not_crashes()
    {
        var big = "1" + new string('0', 100_000);
        var conversion = Convert(Block($"\"days\": {{\"2024-01-02\": {{\"readiness\": {big}e99999, \"sessions\": [{{\"template_id\": \"t\", \"completion_data\": {{\"x\": -{big}.5e-999999}}}}]}}}}, \"weekly\": {{\"mon\": {big}}}"));

        Assert.Contains(conversion.Diagnostics, d => d.Code == DiagnosticCodes.InvalidReadiness);
        var invalid = Assert.Single(conversion.Diagnostics, d => d.Code == DiagnosticCodes.InvalidSession);
        Assert.True(invalid.Message.Length < 300, "messages stay short for huge values");
    }

    [Fact]
    public void Megabytes_of_notes_are_kept_whole()
    {
        var notes = new string('n', 8 * 1024 * 1024);
        var conversion = Convert(Block($"\"days\": {{\"2024-01-02\": {{\"notes\": \"{notes}\"}}}}"));

        Assert.Empty(conversion.Diagnostics);
        Assert.Equal(notes, conversion.Days[1].Notes);
    }

    [Fact]
    public void A_hundred_thousand_unknown_keys_are_listed_up_to_the_cap_and_summarised()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\": {i}"));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var conversion = Convert(Block(keys));

        // Work, not time: the unknown keys are listed up to the cap (the 101 below) and the rest only counted, so
        // the allocation stays linear in the text: under 1.6 KB a key (measured: about 40 MB for the 100,000 keys).
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 160_000_000, $"{allocated} bytes allocated");
        var unknown = conversion.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownField).ToList();
        Assert.Equal(101, unknown.Count);
        Assert.Equal("$.blocks[0].k0", unknown[0].Path);
        Assert.Equal("$.blocks[0].k99", unknown[99].Path);
        Assert.Equal("$", unknown[100].Path);
        Assert.Contains("99900 more", unknown[100].Message);
        Assert.False(conversion.HasErrors);
        Assert.Equal(28, conversion.Days.Count);
    }

    [Fact]
    public void A_block_from_year_1_to_9999_is_refused_quickly()
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var conversion = Convert("{\"blocks\": [{\"name\": \"Forever\", \"start_date\": \"0001-01-01\", \"end_date\": \"9999-12-31\", \"weekly\": {\"mon\": \"t\"}}]}");

        // Work, not time: refused from the span alone, before a day is made: under 1 MB allocated (measured: about
        // 4 KB), where a single object for each of the 3,652,059 days would be over 80 MB.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
        var diagnostic = Assert.Single(conversion.Diagnostics, d => d.Code == DiagnosticCodes.SpanTooLong);
        Assert.Contains("3652059 days", diagnostic.Message);
        Assert.Empty(conversion.Days);
    }

    [Fact]
    public void Many_long_blocks_together_are_too_large()
    {
        var blocks = string.Join(", ", Enumerable.Range(0, 200).Select(i => "{\"name\": \"B\", \"start_date\": \"2000-01-01\", \"end_date\": \"2009-12-31\"}"));

        var conversion = Convert("{\"blocks\": [" + blocks + "]}");

        var tooLarge = Assert.Single(conversion.Diagnostics, d => d.Code == DiagnosticCodes.TooLarge);
        Assert.Equal("$", tooLarge.Path);
        Assert.Empty(conversion.Days);
    }

    [Fact]
    public void A_small_document_that_would_make_millions_of_sessions_is_too_large()
    {
        var sessions = string.Join(", ", Enumerable.Repeat("\"t\"", 10_000));
        var block = "{\"name\": \"B\", \"start_date\": \"2000-01-01\", \"end_date\": \"2009-12-31\", \"weekly\": {\"mon\": [" + sessions + "], \"tue\": [" + sessions + "]}}";
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var conversion = Convert("{\"blocks\": [" + block + "]}");

        // Work, not time: refused from the count, before a session is made: under 16 MB allocated (measured: about
        // 3 MB, the parse of the text), where an object for each of the 10,440,000 sessions would be over 250 MB.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 16_000_000, $"{allocated} bytes allocated");
        var tooLarge = Assert.Single(conversion.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.TooLarge, "$"), (tooLarge.Code, tooLarge.Path));
        Assert.Contains("10440000 sessions", tooLarge.Message);
        Assert.Empty(conversion.Sessions);
    }

    [Fact]
    public void The_session_limit_counts_exactly_when_the_quick_bound_is_over_it()
    {
        var options = new LegacyConverterOptions { MaxProgramSessions = 100 };
        var document = "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2000-01-01\", \"end_date\": \"2009-12-31\", \"days\": {\"2000-01-05\": {\"sessions\": [\"a\", \"b\", \"c\"]}}}]}";

        var conversion = Convert(document, start: null, end: null, options: options);

        Assert.Empty(conversion.Diagnostics);
        Assert.Equal(3, conversion.Sessions.Count);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_too_large_without_parsing()
    {
        var options = new LegacyConverterOptions { MaxDocumentBytes = 1000 };

        var conversion = Convert(Block("\"colour\": \"" + new string('x', 2000) + "\""), options: options);
        var goals = Convert(null, goalIds: "[\"" + new string('g', 2000) + "\"]", options: options);

        Assert.Equal((DiagnosticCodes.TooLarge, "$"), (Assert.Single(conversion.Diagnostics).Code, conversion.Diagnostics[0].Path));
        Assert.Equal((DiagnosticCodes.TooLarge, "goal_ids"), (Assert.Single(goals.Diagnostics).Code, goals.Diagnostics[0].Path));
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_in_keys_are_paths_not_crashes()
    {
        var conversion = Convert(Block("\"\\ud800x\": 1, \"a\\u0001b\": 2, \"c'd\": 3"));

        Assert.Equal(
            ["$.blocks[0]['\ufffdx']", "$.blocks[0]['a\\u0001b']", "$.blocks[0]['c\\'d']"],
            conversion.Diagnostics.Select(d => d.Path));
    }
}

public sealed class SurrogateTests

{
    [Fact]
    public void An_unpaired_surrogate_character_in_the_text_is_invalid_json_not_a_crash()
    {
        var conversion = LegacyTestRows.Convert("{\"mon\": \"t\ud800\"}");

        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(conversion.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{\"a\": \"\\ud834\\udd1e\"}", "{\"a\": \"\\ud834\\udd1e\"}")]
    [InlineData("{\"a\": \"\\ud800\"}", "{\"a\": \"\\ufffd\"}")]
    [InlineData("{\"a\": \"\\udd1e\\ud834\"}", "{\"a\": \"\\ufffd\\ufffd\"}")]
    [InlineData("{\"a\": \"\\\\ud800\"}", "{\"a\": \"\\\\ud800\"}")]
    [InlineData("{\"a\": \"\\ud800\\u0041\"}", "{\"a\": \"\\ufffd\\u0041\"}")]
    public void Escaped_lone_surrogates_become_replacement_characters(string text, string expected)
    {
        Assert.Equal(expected, LegacyScheduleReader.ReplaceLoneSurrogateEscapes(text));
    }
}
