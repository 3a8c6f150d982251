using System.CommandLine;
using System.Text.Json;
using Planner.Migration.Legacy;

namespace Planner.Cli;

/// <summary>
/// <c>planner convert FILE|-</c>: prints the converted form (docs/legacy-format.md) of one <c>programs</c>
/// row written as a JSON object, or one result a line for a file of one row a line.
/// </summary>
internal static class ConvertCommand
{
    // A row may carry weekly_schedule as inline JSON: read it deep enough that the converter, not this
    // parser, judges the document's depth (too-large, exit 1).
    private static readonly JsonDocumentOptions RowParsing = new() { MaxDepth = 1024 };

    /// <summary>The verb, its one argument and its action.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A file of programs rows (one JSON object, or one a line), or - for standard input",
        };
        file.Validators.Add(result =>
        {
            // A typo of an option is not a file name: "-" is standard input, anything else starting with '-' is refused.
            var value = result.GetValueOrDefault<string>();
            if (value.Length == 0 || (value.StartsWith('-') && value != "-"))
            {
                result.AddError($"expected a file of programs rows (one JSON object, or one a line) or '-' for standard input, not '{value}'.");
            }
        });
        var command = new Command("convert", "Prints what legacy programs rows convert to, with their diagnostics") { file };
        command.SetAction(parseResult =>
        {
            using var stdout = Console.OpenStandardOutput();
            return Run(parseResult.GetRequiredValue(file), Console.OpenStandardInput, stdout, Console.Error);
        });
        return command;
    }

    /// <summary>
    /// Runs the verb on <paramref name="path"/> (<c>-</c>: <paramref name="openStdin"/>); returns 0 (clean), 1 (a program
    /// has an error) or 2 (a file problem).
    /// </summary>
    internal static int Run(string path, Func<Stream> openStdin, Stream stdout, TextWriter stderr)
    {
        byte[] input;
        try
        {
            if (path == "-")
            {
                using var stdin = openStdin();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                input = buffer.ToArray();
            }
            else
            {
                input = File.ReadAllBytes(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = Directory.Exists(path) ? "it is a folder, not a file" : ex.Message;
            stderr.WriteLine($"planner convert: cannot read '{path}': {reason}");
            return 2;
        }

        // A line that is not a row is reported and skipped: the other rows' results are still printed.
        var source = path == "-" ? "standard input" : path;
        var problems = new List<string>();
        if (!TryReadRows(input, out var rows, problems))
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine($"planner convert: {source}: {problem}");
            }

            if (rows.Count == 0)
            {
                return 2;
            }
        }

        var converter = new LegacyConverter();
        var exitCode = 0;
        using (var writer = new Utf8JsonWriter(stdout, ToolJson.WriterOptions(indented: false)))
        {
            foreach (var (row, extraKeys) in rows)
            {
                var conversion = converter.Convert(row);
                exitCode = conversion.HasErrors ? 1 : exitCode;
                JsonSerializer.Serialize(writer, ConvertedProgram.From(conversion, extraKeys), ToolJsonContext.Default.ConvertedProgram);
                writer.Flush();
                writer.Reset();
                stdout.WriteByte((byte)'\n');
            }
        }

        stdout.Flush();
        return problems.Count > 0 ? 2 : exitCode;
    }

    /// <summary>
    /// Reads one row object, or one row object a line. Each row comes with the keys it has beyond the
    /// table's columns. Returns false when something is not a row; <paramref name="problems"/> says
    /// what, line by line, and <paramref name="rows"/> still holds every line that was a row.
    /// </summary>
    internal static bool TryReadRows(byte[] input, out List<(LegacyProgramRow Row, IReadOnlyList<string> ExtraKeys)> rows, List<string> problems)
    {
        rows = [];
        string problem;
        ReadOnlyMemory<byte> text = input;
        if (text.Span.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.Span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            problems.Add("no programs row; expected a JSON object with id, name, start_date, end_date, goal_ids, weekly_schedule.");
            return false;
        }

        try
        {
            using var whole = JsonDocument.Parse(text, RowParsing);
            if (!TryReadRow(whole.RootElement, out var row, out var extraKeys, out problem))
            {
                problems.Add(problem);
                return false;
            }

            rows.Add((row, extraKeys));
            return true;
        }
        catch (JsonException)
        {
            // Not one JSON value: read it as one row a line.
        }

        var lineNumber = 0;
        var rest = text;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line, RowParsing);
                if (TryReadRow(document.RootElement, out var row, out var extraKeys, out problem))
                {
                    rows.Add((row, extraKeys));
                }
                else
                {
                    problems.Add($"line {lineNumber}: {problem} The line is skipped.");
                }
            }
            catch (JsonException ex)
            {
                var position = ex.BytePositionInLine is { } p ? $" (byte {p + 1})" : string.Empty;
                problems.Add($"line {lineNumber}: not a JSON object{position}; expected one programs row as a JSON object, or one a line. The line is skipped.");
            }
        }

        return problems.Count == 0;
    }

    private static bool TryReadRow(JsonElement element, out LegacyProgramRow row, out IReadOnlyList<string> extraKeys, out string problem)
    {
        try
        {
            return TryReadRowCore(element, out row, out extraKeys, out problem);
        }
        catch (InvalidOperationException)
        {
            // GetString refuses escaped unpaired surrogates in the row's own strings.
            row = null!;
            extraKeys = [];
            problem = "a string of the row holds an unpaired surrogate escape (\\ud800); it is not text a column can hold.";
            return false;
        }
    }

    private static bool TryReadRowCore(JsonElement element, out LegacyProgramRow row, out IReadOnlyList<string> extraKeys, out string problem)
    {
        row = null!;
        problem = string.Empty;
        var extra = new List<string>();
        extraKeys = extra;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = "not a programs row: expected a JSON object with id, name, start_date, end_date, goal_ids, weekly_schedule.";
            return false;
        }

        string? id = null, name = null, start = null, end = null, goalIds = null, schedule = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Add(property.Name))
            {
                // JSON readers disagree on which of two equal keys wins; a row is not guessed at.
                problem = $"the row has the key '{property.Name}' twice; expected each column once.";
                return false;
            }

            var value = property.Value;
            switch (property.Name)
            {
                case "id" when value.ValueKind == JsonValueKind.String:
                    id = value.GetString();
                    break;
                case "name" or "start_date" or "end_date" when value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null):
                    problem = $"the row's '{property.Name}' must be a string or null.";
                    return false;
                case "name":
                    name = value.GetString();
                    break;
                case "start_date":
                    start = value.GetString();
                    break;
                case "end_date":
                    end = value.GetString();
                    break;
                case "goal_ids":
                    goalIds = ColumnText(value);
                    break;
                case "weekly_schedule":
                    schedule = ColumnText(value);
                    break;
                default:
                    extra.Add(property.Name);
                    break;
            }
        }

        if (id is null)
        {
            problem = "the row has no 'id' string; every programs row needs one.";
            return false;
        }

        row = new LegacyProgramRow(id, name ?? string.Empty, start, end, goalIds, schedule);
        return true;

        // The column's text as a JSON string, or the JSON itself written inline.
        static string? ColumnText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}
