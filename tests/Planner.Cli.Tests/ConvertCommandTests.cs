using System.Text;
using System.Text.Json;
using Planner.Migration.Tests.Legacy;

namespace Planner.Cli.Tests;

/// <summary><c>planner convert</c>: the converted form on stdout, exit codes 0/1/2, stdin, one result a line.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planner-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The example rows of docs/examples (their counts are in the README there).</summary>
    private static string Examples() => LegacyExamples.Folder;

    private static (int ExitCode, string Stdout, string Stderr) Run(string[] args, string? stdin = null)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exitCode = ConvertCommand.Run(Assert.Single(args), () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)), stdout, stderr);
        return (exitCode, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_clean_row_prints_the_converted_form_in_FORMAT_order_and_exits_0()
    {
        var (exitCode, stdout, stderr) = Run([Path.Combine(Examples(), "season-blocks.json")]);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal(["program_id", "program_goal_ids", "blocks", "days", "sessions", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("prog-tri-2025", root.GetProperty("program_id").GetString());
        Assert.Equal(["goal-sprint-tri"], root.GetProperty("program_goal_ids").EnumerateArray().Select(e => e.GetString()));

        var blocks = root.GetProperty("blocks");
        Assert.Equal(3, blocks.GetArrayLength());
        Assert.Equal(["id", "legacy_id", "program_id", "name", "start_date", "end_date", "color", "goal_ids"], blocks[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-03-03", blocks[0].GetProperty("start_date").GetString());
        Assert.Equal(JsonValueKind.Null, blocks[2].GetProperty("legacy_id").ValueKind);

        var days = root.GetProperty("days");
        Assert.Equal(84, days.GetArrayLength());
        Assert.Equal(["id", "block_id", "date", "name", "notes", "readiness"], days[0].EnumerateObject().Select(p => p.Name));
        var dates = days.EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates); // by block then date; these blocks follow each other

        var sessions = root.GetProperty("sessions");
        Assert.Equal(49, sessions.GetArrayLength());
        Assert.Equal(["id", "day_id", "session_template_id", "position", "slot", "notes", "is_completed", "completion_data"], sessions[0].EnumerateObject().Select(p => p.Name));
        var completed = sessions.EnumerateArray().Where(s => s.GetProperty("is_completed").GetBoolean()).ToList();
        Assert.Equal(2, completed.Count);
        Assert.Equal(138, completed[0].GetProperty("completion_data").GetProperty("avg_hr").GetInt32());
        Assert.Equal(8, completed[1].GetProperty("completion_data").GetProperty("rpe").GetInt32());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void A_row_with_an_error_prints_empty_rows_and_its_diagnostics_and_exits_1()
    {
        var (exitCode, stdout, _) = Run([Path.Combine(Examples(), "truncated.json")]);

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(0, root.GetProperty("blocks").GetArrayLength());
        Assert.Equal(0, root.GetProperty("days").GetArrayLength());
        Assert.Equal(0, root.GetProperty("sessions").GetArrayLength());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(["severity", "code", "path", "message"], diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("error", "invalid-json", "$"), (diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("path").GetString()));
        Assert.Contains("line 1", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public void Warnings_still_exit_0()
    {
        var (exitCode, stdout, _) = Run([Path.Combine(Examples(), "warnings.json")]);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(8, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Contains(document.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("path").GetString() == "$.blocks[0].colour" && d.GetProperty("severity").GetString() == "warning");
    }

    [Fact]
    public void Standard_input_gives_the_same_bytes_as_the_file_and_every_run_the_same_bytes()
    {
        var file = Path.Combine(Examples(), "flat-week.json");

        var fromFile = Run([file]);
        var again = Run([file]);
        var fromStdin = Run(["-"], File.ReadAllText(file));

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromFile.Stdout, again.Stdout);
        Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
        Assert.Equal(0, fromStdin.ExitCode);
    }

    [Fact]
    public void A_row_with_a_key_twice_is_a_file_problem_and_the_other_rows_still_convert()
    {
        var good = """{"id":"p-good","name":"P","start_date":null,"end_date":null,"goal_ids":null,"weekly_schedule":{"mon":"tpl-a"}}""";
        var twice = """{"id":"p-first","id":"p-second","name":"P","start_date":null,"end_date":null,"goal_ids":null,"weekly_schedule":{}}""";

        var (exitCode, stdout, stderr) = Run([Write("rows.jsonl", good + "\n" + twice + "\n")]);

        Assert.Equal(2, exitCode);
        Assert.Equal("p-good", JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement.GetProperty("program_id").GetString());
        Assert.Contains("line 2: the row has the key 'id' twice", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flat-week.json")]
    [InlineData("season-blocks.json")]
    public void A_file_saved_with_a_byte_order_mark_converts_as_without(string example)
    {
        // Editors on Windows save UTF-8 with a BOM; a pretty-printed row and a file of rows alike.
        var text = File.ReadAllText(Path.Combine(Examples(), example));
        var oneALine = JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement) + "\n" + JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement) + "\n";
        foreach (var content in new[] { text, oneALine })
        {
            var plain = Write("plain.json", content);
            var withBom = Path.Combine(_folder, "bom.json");
            File.WriteAllBytes(withBom, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(content)]);

            var expected = Run([plain]);
            var actual = Run([withBom]);

            Assert.Equal(0, expected.ExitCode);
            Assert.Equal((expected.ExitCode, expected.Stdout, string.Empty), (actual.ExitCode, actual.Stdout, actual.Stderr));
        }
    }

    [Fact]
    public void The_columns_as_text_or_as_JSON_give_the_same_result()
    {
        var asText = Write("text.json", "{\"id\": \"p\", \"name\": \"n\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-14\", \"goal_ids\": \"[\\\"g\\\"]\", \"weekly_schedule\": \"{\\\"mon\\\": \\\"t\\\"}\"}");
        var asJson = Write("json.json", "{\"id\": \"p\", \"name\": \"n\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-14\", \"goal_ids\": [\"g\"], \"weekly_schedule\": {\"mon\": \"t\"}}");

        var text = Run([asText]);
        var json = Run([asJson]);

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(text.Stdout, json.Stdout);
        Assert.Contains("\"program_goal_ids\":[\"g\"]", text.Stdout);
    }

    [Fact]
    public void A_file_of_one_row_a_line_prints_one_result_a_line()
    {
        var rows = new[]
        {
            "{\"id\": \"a\", \"name\": \"A\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-07\", \"weekly_schedule\": \"{\\\"mon\\\": \\\"t\\\"}\"}",
            "",
            "{\"id\": \"b\", \"name\": \"B\", \"weekly_schedule\": \"{\\\"blocks\\\": [\"}",
            "{\"id\": \"c\", \"name\": \"C\", \"weekly_schedule\": null}",
        };
        var file = Write("rows.jsonl", string.Join("\n", rows) + "\n");

        var (exitCode, stdout, _) = Run([file]);

        Assert.Equal(1, exitCode); // row b has an error
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["a", "b", "c"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("program_id").GetString()));
        Assert.Equal(7, JsonDocument.Parse(lines[0]).RootElement.GetProperty("days").GetArrayLength());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a row\"")]
    [InlineData("{\"name\": \"no id\"}")]
    [InlineData("{\"id\": \"p\", \"start_date\": 20240101}")]
    [InlineData("")]
    [InlineData("{\"id\": \"p\\ud800\"}")]
    public void Something_that_is_not_a_row_is_a_file_problem(string content)
    {
        var (exitCode, stdout, stderr) = Run([Write("bad.json", content)]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_bad_line_in_a_file_of_rows_names_the_line_and_the_other_rows_still_print()
    {
        var (exitCode, stdout, stderr) = Run([Write("rows.jsonl", "{\"id\": \"a\"}\n{\"id\": \n[1,2]\n{\"id\": \"b\"}\n")]);

        Assert.Equal(2, exitCode);
        Assert.Equal(["a", "b"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("program_id").GetString()));
        var problems = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, problems.Length);
        Assert.Contains("line 2", problems[0]);
        Assert.Contains("line 3", problems[1]);
    }

    [Fact]
    public void Keys_of_the_row_that_are_no_column_are_listed_as_unknown_fields()
    {
        var (exitCode, stdout, _) = Run(["-"], "{\"id\": \"x\", \"name\": \"n\", \"weekly_schedule\": \"{}\", \"coach\": \"Ann\"}");

        Assert.Equal(0, exitCode);
        var diagnostic = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("unknown-field", diagnostic.GetProperty("code").GetString());
        Assert.Equal("coach", diagnostic.GetProperty("path").GetString());
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
    }

    [Fact]
    public void A_row_with_an_inline_schedule_nested_too_deep_is_the_converters_too_large_not_a_file_problem()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var (exitCode, stdout, _) = Run(["-"], "{\"id\": \"deep\", \"name\": \"n\", \"weekly_schedule\": {\"monday\": " + deep + "}}");

        Assert.Equal(1, exitCode);
        Assert.Contains(JsonDocument.Parse(stdout).RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "too-large");
    }

    [Fact]
    public void A_folder_is_not_a_file()
    {
        var (exitCode, _, stderr) = Run([_folder]);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a folder", stderr);
    }

    [Fact]
    public void A_missing_file_or_no_argument_is_a_usage_problem_on_one_line()
    {
        var missing = Run([Path.Combine(_folder, "missing.json")]);
        var none = PlannerRun.InProcess("convert");
        var two = PlannerRun.InProcess("convert", "a", "b");

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(string.Empty, missing.Stdout);
        Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("missing.json", missing.Stderr);

        // The number of arguments is the parser's: one line that says what is wrong, then the verb's help.
        Assert.All(new[] { none, two }, result =>
        {
            Assert.Equal(2, result.Exit);
            Assert.Equal(string.Empty, result.Out);
            Assert.StartsWith("planner convert: ", result.Error);
            Assert.Contains("planner convert <FILE> [options]", result.Error);
        });
        Assert.Contains("'FILE' missing", none.Error);
        Assert.Contains("'b'", two.Error);
    }

    [Fact]
    public void The_planner_entry_point_dispatches_convert()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, CliEntry.Run(["convert", Path.Combine(_folder, "missing.json")]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("cannot read", error.ToString());
    }
}
