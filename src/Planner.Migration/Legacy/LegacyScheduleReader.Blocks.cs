using System.Text.Json;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private LegacyBlock? ReadBlock(JsonElement element, LegacyJsonPath path, int position)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidShape, path, $"A block must be a JSON object; it is {Describe(element)}.");
            return null;
        }

        var block = new LegacyBlock { Path = path, Position = position };
        var seen = 0;
        string? startText = null, endText = null;
        var hasName = false;
        JsonElement weekly = default, days = default;
        string? weeklyKey = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            if (Is(property, "id", ref seen, 1, path))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    block.LegacyId = value.GetString();
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("id"), "the block's id", "a string", value);
                }
            }
            else if (Is(property, "name", ref seen, 2, path))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    block.Name = value.GetString()!;
                    hasName = block.Name.Length > 0;
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("name"), "the block's name", "a string", value);
                    hasName = true; // reported already; not also missing
                }
            }
            else if (Is(property, "start_date", ref seen, 4, path))
            {
                startText = ReadDateText(value, path.Key("start_date"), "start_date");
            }
            else if (Is(property, "end_date", ref seen, 8, path))
            {
                endText = ReadDateText(value, path.Key("end_date"), "end_date");
            }
            else if (Is(property, "color", ref seen, 16, path))
            {
                block.Color = ReadOptionalString(value, path.Key("color"), "the block's color");
            }
            else if (Is(property, "goal_ids", ref seen, 32, path))
            {
                ReadGoalList(value, path.Key("goal_ids"), block.GoalIds);
            }
            else if (property.NameEquals("weekly") || property.NameEquals("schedule"))
            {
                var key = property.NameEquals("weekly") ? "weekly" : "schedule";
                if (weeklyKey is not null)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidShape, path.Key(key), $"The block has both '{weeklyKey}' and '{key}'; only one weekday pattern is allowed.");
                }
                else
                {
                    weeklyKey = key;
                    weekly = value;
                }
            }
            else if (Is(property, "days", ref seen, 64, path))
            {
                days = value;
            }
            else
            {
                UnknownField(path, property.Name, "a block");
            }
        }

        if (!hasName)
        {
            _diagnostics.Error(DiagnosticCodes.MissingField, path.Key("name"), "The block has no name; every block needs a name.");
        }

        var startOk = ReadRequiredDate(startText, path.Key("start_date"), "start_date", out var start);
        var endOk = ReadRequiredDate(endText, path.Key("end_date"), "end_date", out var end);
        if (startOk && endOk)
        {
            block.Start = start;
            block.End = end;
            block.DatesValid = CheckSpan(start, end, path.Key("end_date"), path, $"The block '{block.Name}'");
        }

        if (weeklyKey is not null)
        {
            block.Pattern = ReadPattern(weekly, path.Key(weeklyKey), weeklyKey);
        }

        if (days.ValueKind == JsonValueKind.Object)
        {
            ReadDays(days, path.Key("days"), block);
        }
        else if (days.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            WrongType(path.Key("days"), "'days'", "an object from ISO dates to day entries", days);
        }

        return block;
    }
}
