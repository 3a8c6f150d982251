using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planner.Migration.Migrating;

/// <summary>
/// Finds where in a program's legacy JSON an id is written, so an <c>unknown-template</c> or
/// <c>unknown-goal</c> diagnostic can name the JSON path a person should fix, not only the id.
/// </summary>
/// <remarks>Internal.</remarks>
internal static class ReferencePaths
{
    // Keys whose string values are never template ids.
    private static readonly HashSet<string> NotTemplateKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "name", "notes", "slot", "color", "colour", "start_date", "end_date", "version", "goal_ids", "readiness",
    };

    /// <summary>The first path in <c>weekly_schedule</c> where <paramref name="templateId"/> is used as a template, or null.</summary>
    public static string? FindTemplate(string? weeklySchedule, string templateId) =>
        Find(weeklySchedule, "$", (key, inGoalList, value) => value == templateId && !inGoalList && (key is null || !NotTemplateKeys.Contains(key)));

    /// <summary>The first path of <paramref name="goalId"/> in the <c>goal_ids</c> column, then in the blocks' <c>goal_ids</c>, or null.</summary>
    public static string? FindGoal(string? goalIds, string? weeklySchedule, string goalId) =>
        Find(goalIds, "goal_ids", (_, _, value) => value == goalId)
        ?? Find(weeklySchedule, "$", (_, inGoalList, value) => inGoalList && value == goalId);

    private static string? Find(string? json, string root, Func<string?, bool, string, bool> match)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            // As the converter reads it: escaped lone surrogates ("\ud800") become U+FFFD first.
            using var document = JsonDocument.Parse(Legacy.LegacyScheduleReader.ReplaceLoneSurrogateEscapes(json), new JsonDocumentOptions { MaxDepth = 256 });
            return Walk(document.RootElement, root, null, false, match);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The path is a courtesy for the message; without it the diagnostic still names the id.
            return null;
        }
    }

    private static string? Walk(JsonElement element, string path, string? key, bool inGoalList, Func<string?, bool, string, bool> match)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return match(key, inGoalList, element.GetString()!) ? path : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = Walk(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", key, inGoalList, match);
                    if (found is not null)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var found = Walk(property.Value, Child(path, property.Name), property.Name, property.NameEquals("goal_ids"), match);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary><c>$.blocks</c> for plain names, <c>$.days['2024-02-30']</c> for the others: the converter's own rule.</summary>
    internal static string Child(string path, string name)
    {
        var builder = new StringBuilder(path);
        Legacy.LegacyJsonPath.AppendKey(builder, name);
        return builder.ToString();
    }
}
