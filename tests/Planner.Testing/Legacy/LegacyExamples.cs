using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Planner.Migration.Legacy;
using Planner.Testing;

namespace Planner.Testing.Legacy;

/// <summary>
/// The example <c>programs</c> rows of <c>docs/examples</c>, and the counts a correct conversion gives,
/// read from the table of that folder's README (one source for the people reading it and the tests).
/// </summary>
public static partial class LegacyExamples
{
    /// <summary>The examples folder.</summary>
    public static string Folder => RepositoryFiles.Path("docs", "examples");

    /// <summary>The path of one example file.</summary>
    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>One example file as the row it holds.</summary>
    public static LegacyProgramRow Row(string name) => ReadRowFile(File(name));

    /// <summary>The README's table: | `file` | blocks | days | sessions | diagnostics | what it shows |.</summary>
    public static Dictionary<string, (int Blocks, int Days, int Sessions, List<string> Codes)> Expectations()
    {
        var result = new Dictionary<string, (int, int, int, List<string>)>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadLines(File("README.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6 || !cells[1].StartsWith('`'))
            {
                continue;
            }

            var codes = new List<string>();
            foreach (Match match in CodePattern().Matches(cells[5]))
            {
                var times = match.Groups[2].Value == "twice" ? 2 : 1;
                codes.AddRange(Enumerable.Repeat(match.Groups[1].Value, times));
            }

            result[cells[1].Trim('`')] = (LeadingNumber(cells[2]), LeadingNumber(cells[3]), LeadingNumber(cells[4]), codes);
        }

        return result;

        static int LeadingNumber(string cell) => int.Parse(NumberPattern().Match(cell).Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a row file the way <c>planner convert</c> does: the two JSON columns as text or as JSON.</summary>
    public static LegacyProgramRow ReadRowFile(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        var root = document.RootElement;
        return new LegacyProgramRow(
            root.GetProperty("id").GetString()!,
            root.GetProperty("name").GetString()!,
            Text(root, "start_date"),
            Text(root, "end_date"),
            Text(root, "goal_ids"),
            Text(root, "weekly_schedule"));

        static string? Text(JsonElement row, string name) =>
            !row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.GetRawText();
    }

    [GeneratedRegex(@"`([a-z-]+)`(?:\s*\((twice)\))?")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex NumberPattern();
}
