using System.Text.Json;
using Planner.Migration.Legacy;
using Planner.Model;

namespace Planner.Migration.Migrating;

/// <summary>
/// Tells a migrated program whose legacy text the planning API's dual writes rewrote from its rows (the
/// column is in sync with the rows, nothing to migrate) from one whose text someone else changed (a real
/// conflict with the rows' edits).
/// </summary>
/// <remarks>
/// Internal. Runs only for programs whose text and rows both changed since the migration, so its cost
/// (one write of the document, at most one parse of the text) is paid for them alone.
/// </remarks>
internal static class DualWrittenText
{
    /// <summary>
    /// Whether <paramref name="row"/>'s <c>weekly_schedule</c> is exactly, character for character, what
    /// <see cref="LegacyScheduleWriter"/> writes for <paramref name="rows"/>, and its <c>goal_ids</c> names
    /// the goals the rows link to the program (dual writes never rewrite that column of a program they did
    /// not start, so a hand edit of it is a conflict too).
    /// </summary>
    /// <param name="row">The program's legacy text as it is now.</param>
    /// <param name="rows">The program's rows as they are now.</param>
    /// <param name="textGoalIds">The program goal ids the converter reads from <paramref name="row"/>.</param>
    public static bool Matches(LegacyProgramRow row, ProgramRows rows, IEnumerable<string> textGoalIds)
    {
        if (row.WeeklySchedule is null
            || !rows.ProgramGoals.Select(g => g.GoalId).ToHashSet(StringComparer.Ordinal).SetEquals(textGoalIds))
        {
            return false;
        }

        // Blocks of equal position keep the order they were read in, by id as the database sorts ids: the
        // order the dual writer's query gives them, since both read them ordered by key.
        var blocks = rows.Blocks.OrderBy(b => b.Position).ToList();
        string expected;
        try
        {
            expected = LegacyScheduleWriter.Write(blocks, rows.Days, rows.Sessions, GoalLinksInTextOrder(row.WeeklySchedule, blocks, rows.BlockGoals));
        }
        catch (ArgumentException)
        {
            return false; // rows the writer cannot write were not written by it either
        }

        return string.Equals(expected, row.WeeklySchedule, StringComparison.Ordinal);
    }

    /// <summary>
    /// A block's goal links have no order in the tables, and the dual writer lists them in whatever order
    /// the database returned them; so they are put in the order the text lists them for the same block (the
    /// writer's blocks come in position order), and the comparison stays exact about everything else.
    /// </summary>
    private static IEnumerable<BlockGoal> GoalLinksInTextOrder(string text, List<ProgramBlock> blocks, IReadOnlyList<BlockGoal> links)
    {
        if (links.GroupBy(l => l.BlockId, StringComparer.Ordinal).All(g => g.Count() < 2))
        {
            return links; // no block with two goals: no order to find
        }

        var rank = new Dictionary<(string BlockId, string GoalId), int>();
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("blocks", out var written)
                || written.ValueKind != JsonValueKind.Array)
            {
                return links;
            }

            var index = 0;
            foreach (var block in written.EnumerateArray().Take(blocks.Count))
            {
                if (block.ValueKind == JsonValueKind.Object
                    && block.TryGetProperty("goal_ids", out var goalIds)
                    && goalIds.ValueKind == JsonValueKind.Array)
                {
                    var position = 0;
                    foreach (var goalId in goalIds.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String))
                    {
                        rank.TryAdd((blocks[index].Id, goalId.GetString()!), position++);
                    }
                }

                index++;
            }
        }
        catch (JsonException)
        {
            return links; // not JSON: the comparison fails anyway
        }

        return links
            .OrderBy(l => l.BlockId, StringComparer.Ordinal)
            .ThenBy(l => rank.GetValueOrDefault((l.BlockId, l.GoalId), int.MaxValue))
            .ThenBy(l => l.GoalId, StringComparer.Ordinal);
    }
}
