using System.Text.RegularExpressions;

namespace Planner.Migration.Tests.Legacy;

/// <summary>The shared examples' README: the counts a correct conversion gives, read from its table.</summary>
internal static partial class SharedExamples
{
    /// <summary>Reads the README's table: | `file` | blocks | days | sessions | diagnostics |.</summary>
    public static Dictionary<string, (int Blocks, int Days, int Sessions, List<string> Codes)> Expectations(string readme)
    {
        var result = new Dictionary<string, (int, int, int, List<string>)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(readme))
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

        static int LeadingNumber(string cell) => int.Parse(NumberPattern().Match(cell).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"`([a-z-]+)`(?:\s*\((twice)\))?")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex NumberPattern();
}
