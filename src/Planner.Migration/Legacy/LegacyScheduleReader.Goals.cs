using System.Globalization;
using System.Text.Json;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    /// <summary>
    /// A list of goal ids (a block's, or the program's goal_ids column): strings, repeats dropped, anything
    /// else invalid-shape: at the item's path in a block, at the column's own path for the column
    /// (<paramref name="itemPaths"/> false), as docs/legacy-format.md has it ("path <c>goal_ids</c>").
    /// </summary>
    internal void ReadGoalList(JsonElement value, LegacyJsonPath path, List<string> goalIds, bool itemPaths = true)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, "'goal_ids'", "a list of goal id strings", value);
            return;
        }

        var index = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                var id = item.GetString()!;
                if (seen.Add(id))
                {
                    goalIds.Add(id);
                }
            }
            else
            {
                if (itemPaths)
                {
                    WrongType(path.Index(index), "a goal id", "a string", item);
                }
                else
                {
                    WrongType(path, $"The goal id at index {index.ToString(CultureInfo.InvariantCulture)}", "a string", item);
                }
            }

            index++;
        }
    }
}
