using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Planner.Model;

/// <summary>
/// The text of the legacy columns the model still maps, as the planning API's dual writes write them.
/// Internal: Planner.Migration's <c>LegacyScheduleWriter.WriteGoalIds</c> writes the same text on its own
/// (the two packages share no internals), and a test of Planner.Migration.Tests holds them to it.
/// </summary>
internal static class LegacyColumns
{
    /// <summary>Goal ids as the <c>goal_ids</c> column holds them: a compact JSON list of strings, such as <c>["g-1","g-2"]</c>.</summary>
    public static string GoalIds(IEnumerable<string> goalIds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in goalIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
