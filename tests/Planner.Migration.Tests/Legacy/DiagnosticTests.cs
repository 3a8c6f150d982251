using Planner.Migration.Legacy;
using Planner.Model.Scheduling;
using static Planner.Migration.Tests.Legacy.LegacyTestRows;

namespace Planner.Migration.Tests.Legacy;

/// <summary>Every diagnostic code of docs/legacy-format.md: triggered, with its severity and path.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string?, string?, string?, string?, string, string> Cases() => new()
    {
        // schedule, start_date, end_date, goal_ids, code, path
        { "{\"blocks\": [", "2024-01-01", "2024-12-31", null, "invalid-json", "$" },
        { "not json at all", "2024-01-01", "2024-12-31", null, "invalid-json", "$" },
        { "[1, 2]", "2024-01-01", "2024-12-31", null, "invalid-shape", "$" },
        { "\"mon\"", "2024-01-01", "2024-12-31", null, "invalid-shape", "$" },
        { "{\"blocks\": [1]}", "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0]" },
        { "{\"blocks\": {}}", "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks" },
        { Block("\"days\": [1]"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days" },
        { Block("\"days\": {\"2024-01-02\": 5}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02']" },
        { Block("\"weekly\": 3"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].weekly" },
        { Block("\"schedule\": [{}, 4]"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].schedule[1]" },
        { Block("\"weekly\": {}, \"schedule\": {}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].schedule" },
        { Block("\"color\": 7"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].color" },
        { Block("\"goal_ids\": [\"g\", 2]"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].goal_ids[1]" },
        { Block("\"days\": {\"2024-01-02\": {\"rest\": \"yes\"}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02'].rest" },
        { Block("\"days\": {\"2024-01-02\": {\"rest\": true, \"sessions\": [\"t\"]}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02'].rest" },
        { Block("\"days\": {\"2024-01-02\": {\"sessions\": [{\"template_id\": \"t\", \"completion_data\": [1]}]}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02'].sessions[0].completion_data" },
        { Block("\"days\": {\"2024-01-02\": {}, \"2024-01-02T00:00:00\": {}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02T00:00:00']" },
        { "{\"blocks\": [{\"name\": \"A\", \"name\": \"B\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-02\"}]}", "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].name" },
        { Block("\"days\": {\"2024-01-02\": {\"notes\": \"a\", \"notes\": \"b\"}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].days['2024-01-02'].notes" },
        { Block("\"weekly\": {\"mon\": {\"template\": \"t\", \"slot\": \"am\", \"slot\": \"pm\"}}"), "2024-01-01", "2024-12-31", null, "invalid-shape", "$.blocks[0].weekly.mon.slot" },
        { null, "2024-01-01", "2024-12-31", "{\"a\": 1}", "invalid-shape", "goal_ids" },
        { null, "2024-01-01", "2024-12-31", "[\"g\", 1]", "invalid-shape", "goal_ids" }, // docs/legacy-format.md: path `goal_ids`, the item named in the message
        { null, "2024-01-01", "2024-12-31", "g-1, g-2", "invalid-shape", "goal_ids" },
        { "{\"mon\": \"t\"}", null, "2024-12-31", null, "missing-program-dates", "$" },
        { "{\"mon\": \"t\"}", "2024-01-01", null, null, "missing-program-dates", "$" },
        { "{\"blocks\": [], \"phases\": []}", "2024-01-01", "2024-12-31", null, "multiple-block-lists", "$.phases" },
        { "{\"training_blocks\": [], \"blocks\": []}", "2024-01-01", "2024-12-31", null, "multiple-block-lists", "$.blocks" },
        { "{\"blocks\": [{\"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-02\"}]}", "2024-01-01", "2024-12-31", null, "missing-field", "$.blocks[0].name" },
        { "{\"blocks\": [{\"name\": \"B\", \"end_date\": \"2024-01-02\"}]}", "2024-01-01", "2024-12-31", null, "missing-field", "$.blocks[0].start_date" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-01\", \"end_date\": null}]}", "2024-01-01", "2024-12-31", null, "missing-field", "$.blocks[0].end_date" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2023-02-29\", \"end_date\": \"2024-01-02\"}]}", "2024-01-01", "2024-12-31", null, "invalid-date", "$.blocks[0].start_date" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-01\", \"end_date\": \"07/01/2024\"}]}", "2024-01-01", "2024-12-31", null, "invalid-date", "$.blocks[0].end_date" },
        { Block("\"days\": {\"2024-02-30\": {}}"), "2024-01-01", "2024-12-31", null, "invalid-date", "$.blocks[0].days['2024-02-30']" },
        { Block(string.Empty), "01/01/2024", "2024-12-31", null, "invalid-date", "start_date" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-10\", \"end_date\": \"2024-01-09\"}]}", "2024-01-01", "2024-12-31", null, "end-before-start", "$.blocks[0].end_date" },
        { "{\"mon\": \"t\"}", "2024-01-10", "2024-01-09", null, "end-before-start", "end_date" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"0001-01-01\", \"end_date\": \"9999-12-31\"}]}", "2024-01-01", "2024-12-31", null, "span-too-long", "$.blocks[0]" },
        { "{\"mon\": \"t\"}", "0001-01-01", "9999-12-31", null, "span-too-long", "$" },
        { Block("\"weekly\": {\"funday\": \"t\"}"), "2024-01-01", "2024-12-31", null, "invalid-weekday", "$.blocks[0].weekly.funday" },
        { Block("\"weekly\": {\"7\": \"t\"}"), "2024-01-01", "2024-12-31", null, "invalid-weekday", "$.blocks[0].weekly['7']" },
        { "{\"Mond\": \"t\"}", "2024-01-01", "2024-12-31", null, "invalid-weekday", "$.Mond" },
        { Block("\"weekly\": [{}, {\"mon\": \"t\", \"Monday\": \"u\"}]"), "2024-01-01", "2024-12-31", null, "duplicate-weekday", "$.blocks[0].weekly[1].Monday" },
        { "{\"0\": \"t\", \"MON\": \"u\"}", "2024-01-01", "2024-12-31", null, "duplicate-weekday", "$.MON" },
        { Block("\"weekly\": {\"mon\": 42}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].weekly.mon" },
        { Block("\"weekly\": {\"mon\": [\"t\", [\"u\"]]}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].weekly.mon[1]" },
        { Block("\"weekly\": {\"mon\": {\"slot\": \"am\"}}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].weekly.mon" },
        { Block("\"weekly\": {\"mon\": {\"template_id\": 5}}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].weekly.mon.template_id" },
        { Block("\"weekly\": {\"mon\": {\"template_id\": \"t\", \"template\": \"u\"}}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].weekly.mon.template" },
        { Block("\"days\": {\"2024-01-02\": {\"sessions\": [null]}}"), "2024-01-01", "2024-12-31", null, "invalid-session", "$.blocks[0].days['2024-01-02'].sessions[0]" },
        { Block("\"days\": {\"2024-02-01\": {\"notes\": \"x\"}}"), "2024-01-01", "2024-12-31", null, "day-outside-block", "$.blocks[0].days['2024-02-01']" },
        { "{\"blocks\": [" + new string('[', 100) + new string(']', 100) + "]}", "2024-01-01", "2024-12-31", null, "too-large", "$" },
    };

    public static TheoryData<string, string?, string?, string, string> WarningCases() => new()
    {
        { "{\"version\": 3, \"blocks\": []}", "2024-01-01", "2024-12-31", "unknown-version", "$.version" },
        { "{\"version\": \"2\", \"blocks\": []}", "2024-01-01", "2024-12-31", "unknown-version", "$.version" },
        { "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-07T06:30:00+01:00\", \"end_date\": \"2024-01-09\"}]}", "2024-01-01", "2024-12-31", "timestamp-date", "$.blocks[0].start_date" },
        { Block("\"days\": {\"2024-01-07T00:00:00\": {\"notes\": \"n\"}}"), "2024-01-01", "2024-12-31", "timestamp-date", "$.blocks[0].days['2024-01-07T00:00:00']" },
        { Block(string.Empty), "2024-01-01T00:00:00", "2024-12-31", "timestamp-date", "start_date" },
        { "{\"blocks\": [{\"name\": \"A\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-10\"}, {\"name\": \"B\", \"start_date\": \"2024-01-10\", \"end_date\": \"2024-01-20\"}]}", "2024-01-01", "2024-12-31", "block-overlap", "$.blocks[1]" },
        { "{\"phases\": [{\"name\": \"A\", \"start_date\": \"2024-01-05\", \"end_date\": \"2024-01-10\"}, {\"name\": \"B\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-20\"}]}", "2024-01-01", "2024-12-31", "block-overlap", "$.phases[0]" },
        { Block(string.Empty), "2024-01-02", "2024-12-31", "block-outside-program", "$.blocks[0]" },
        { Block(string.Empty), "2023-01-01", "2024-01-27", "block-outside-program", "$.blocks[0]" },
        { "{\"blocks\": [{\"id\": \"x\", \"name\": \"A\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-10\"}, {\"id\": \"x\", \"name\": \"B\", \"start_date\": \"2024-01-11\", \"end_date\": \"2024-01-20\"}]}", "2024-01-01", "2024-12-31", "duplicate-block-id", "$.blocks[1].id" },
        { Block("\"days\": {\"2024-01-02\": {\"readiness\": 11}}"), "2024-01-01", "2024-12-31", "invalid-readiness", "$.blocks[0].days['2024-01-02'].readiness" },
        { Block("\"days\": {\"2024-01-02\": {\"readiness\": 6.5}}"), "2024-01-01", "2024-12-31", "invalid-readiness", "$.blocks[0].days['2024-01-02'].readiness" },
        { Block("\"days\": {\"2024-01-02\": {\"readiness\": \"6\"}}"), "2024-01-01", "2024-12-31", "invalid-readiness", "$.blocks[0].days['2024-01-02'].readiness" },
        { Block("\"colour\": \"#fff\""), "2024-01-01", "2024-12-31", "unknown-field", "$.blocks[0].colour" },
        { "{\"coach comment\": 1, \"blocks\": []}", "2024-01-01", "2024-12-31", "unknown-field", "$['coach comment']" },
        { Block("\"days\": {\"2024-01-02\": {\"it's\": 1}}"), "2024-01-01", "2024-12-31", "unknown-field", "$.blocks[0].days['2024-01-02']['it\\'s']" },
        { Block("\"weekly\": {\"mon\": {\"template\": \"t\", \"completed\": true}}"), "2024-01-01", "2024-12-31", "unknown-field", "$.blocks[0].weekly.mon.completed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_error_is_reported_at_its_path_and_yields_no_rows(string? schedule, string? start, string? end, string? goalIds, string code, string path)
    {
        var conversion = Convert(schedule, start, end, goalIds);

        var diagnostic = Assert.Single(conversion.Diagnostics, d => d.Code == code);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.True(conversion.HasErrors);
        Assert.Empty(conversion.Blocks);
        Assert.Empty(conversion.Days);
        Assert.Empty(conversion.Sessions);
        Assert.Empty(conversion.BlockGoals);
        Assert.Empty(conversion.ProgramGoalIds);
    }

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void A_warning_is_reported_at_its_path_and_the_program_still_converts(string schedule, string? start, string? end, string code, string path)
    {
        var conversion = Convert(schedule, start, end);

        var diagnostic = Assert.Single(conversion.Diagnostics, d => d.Code == code);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.False(conversion.HasErrors);
    }

    [Fact]
    public void Every_code_of_the_converter_is_covered_by_a_case()
    {
        var covered = Cases().Select(c => c.Data.Item5).Concat(WarningCases().Select(c => c.Data.Item4)).ToHashSet();
        var all = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!)
            .Except([DiagnosticCodes.UnknownTemplate, DiagnosticCodes.UnknownGoal]); // only a migration into a database knows those
        Assert.Empty(all.Except(covered));
    }

    [Fact]
    public void Invalid_json_names_the_line_and_byte()
    {
        var conversion = Convert("{\n  \"blocks\": [\n    {\"name\": tru}\n  ]\n}");

        var diagnostic = Assert.Single(conversion.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Contains("at line 3, byte 17 of that line", diagnostic.Message);
    }

    [Fact]
    public void A_timestamp_date_uses_the_date_part_as_written()
    {
        var conversion = Convert("{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-07T23:30:00-05:00\", \"end_date\": \"2024-01-08T00:00:00\"}]}");

        var block = Assert.Single(conversion.Blocks);
        Assert.Equal(new NodaTime.LocalDate(2024, 1, 7), block.StartDate);
        Assert.Equal(new NodaTime.LocalDate(2024, 1, 8), block.EndDate);
        Assert.Equal(2, conversion.Diagnostics.Count(d => d.Code == DiagnosticCodes.TimestampDate));
    }

    [Fact]
    public void A_readiness_written_as_a_whole_float_is_that_integer()
    {
        var conversion = Convert(Block("\"days\": {\"2024-01-02\": {\"readiness\": 7.0}, \"2024-01-03\": {\"readiness\": 1e1}}"));

        Assert.Empty(conversion.Diagnostics);
        Assert.Equal([7, 10], conversion.Days.Where(d => d.Readiness is not null).Select(d => d.Readiness!.Value));
    }

    [Fact]
    public void An_invalid_readiness_is_not_stored()
    {
        var conversion = Convert(Block("\"days\": {\"2024-01-02\": {\"readiness\": 0, \"notes\": \"n\"}}"));

        var day = Assert.Single(conversion.Days, d => d.Date == new NodaTime.LocalDate(2024, 1, 2));
        Assert.Null(day.Readiness);
        Assert.Equal("n", day.Notes);
    }

    [Fact]
    public void A_duplicate_block_id_derives_the_later_blocks_id_from_its_position()
    {
        var conversion = Convert("{\"blocks\": [{\"id\": \"x\", \"name\": \"A\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-10\"}, {\"id\": \"x\", \"name\": \"B\", \"start_date\": \"2024-01-11\", \"end_date\": \"2024-01-20\"}]}");

        Assert.Equal(DeterministicIds.ForBlock(ProgramId, "x"), conversion.Blocks[0].Id);
        Assert.Equal(DeterministicIds.ForBlock(ProgramId, DeterministicIds.PositionKey(1)), conversion.Blocks[1].Id);
        Assert.Equal("x", conversion.Blocks[1].LegacyId);
    }

    [Fact]
    public void Every_error_of_a_document_is_listed_not_only_the_first()
    {
        var conversion = Convert("{\"blocks\": [{\"name\": \"A\", \"start_date\": \"2024-13-01\", \"end_date\": \"2024-01-10\", \"weekly\": {\"funday\": 1}}, 7]}");

        Assert.Equal(
            new[] { "invalid-date", "invalid-shape", "invalid-weekday" },
            conversion.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Null_empty_and_empty_object_columns_are_programs_without_blocks()
    {
        foreach (var text in new string?[] { null, string.Empty, "  \n", "{}" })
        {
            var conversion = Convert(text, goalIds: text == "{}" ? "[]" : text);
            Assert.Empty(conversion.Diagnostics);
            Assert.Empty(conversion.Blocks);
            Assert.Empty(conversion.ProgramGoalIds);
        }
    }

    [Fact]
    public void Program_goals_are_read_in_order_without_repeats()
    {
        var conversion = Convert(null, goalIds: "[\"g-2\", \"g-1\", \"g-2\"]");

        Assert.Equal(["g-2", "g-1"], conversion.ProgramGoalIds);
    }

    [Fact]
    public void The_converter_reports_no_unknown_template_or_goal()
    {
        var conversion = Convert(Block("\"goal_ids\": [\"goal-nobody-has\"], \"weekly\": {\"mon\": \"tpl-nobody-has\"}"));

        Assert.Empty(conversion.Diagnostics);
        Assert.Equal("goal-nobody-has", Assert.Single(conversion.BlockGoals).GoalId);
    }
}
