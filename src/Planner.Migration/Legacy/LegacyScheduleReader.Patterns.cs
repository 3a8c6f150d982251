using System.Text.Json;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private SchedulePattern? ReadPattern(JsonElement value, LegacyJsonPath path, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                return ReadWeekdayMap(value, path);
            case JsonValueKind.Array:
                var weeks = new List<WeeklyPattern>();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        weeks.Add(ReadWeekdayMap(item, path.Index(index)));
                    }
                    else
                    {
                        WrongType(path.Index(index), "a week of a rotation", "a weekday map (an object)", item);
                    }

                    index++;
                }

                return weeks.Count switch
                {
                    0 => null,
                    1 => weeks[0],
                    _ => new RotatingWeeksPattern(weeks),
                };
            default:
                WrongType(path, $"'{key}'", "a weekday map or a list of weekday maps", value);
                return null;
        }
    }

    /// <summary>Reads a weekday map; on errors the diagnostics say so and the pattern is partial.</summary>
    private WeeklyPattern ReadWeekdayMap(JsonElement map, LegacyJsonPath path)
    {
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>(7);
        Span<int> seen = stackalloc int[8];
        foreach (var property in map.EnumerateObject())
        {
            var name = property.Name;
            var keyPath = path.Key(name);
            var weekday = Weekdays.Parse(name);
            if (weekday == IsoDayOfWeek.None)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidWeekday, keyPath, $"'{Shorten(name)}' names no weekday; expected monday..sunday, mon..sun (any case) or \"0\" (Monday) to \"6\" (Sunday).");
                continue;
            }

            if (seen[(int)weekday]++ > 0)
            {
                var earlier = map.EnumerateObject().First(p => Weekdays.Parse(p.Name) == weekday).Name;
                _diagnostics.Error(DiagnosticCodes.DuplicateWeekday, keyPath, $"'{name}' names {weekday}, as '{earlier}' in the same map already does.");
                continue;
            }

            var sessions = ReadSessionValue(property.Value, keyPath, inDay: false);
            if (sessions is { Count: > 0 })
            {
                days[weekday] = sessions;
            }
        }

        return new WeeklyPattern(days);
    }
}
