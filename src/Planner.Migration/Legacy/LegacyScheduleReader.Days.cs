using System.Text.Json;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private void ReadDays(JsonElement days, LegacyJsonPath path, LegacyBlock block)
    {
        HashSet<LocalDate>? dates = null;
        foreach (var property in days.EnumerateObject())
        {
            var key = property.Name;
            var dayPath = path.Key(key);
            if (!ReadDate(key, dayPath, "The day", out var date))
            {
                continue;
            }

            if (block.DatesValid && (date < block.Start || date > block.End))
            {
                _diagnostics.Error(DiagnosticCodes.DayOutsideBlock, dayPath, $"The day {LegacyDates.Format(date)} lies outside its block '{block.Name}' ({LegacyDates.Format(block.Start)} to {LegacyDates.Format(block.End)}); it would be lost.");
                continue;
            }

            dates ??= [];
            if (!dates.Add(date))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidShape, dayPath, $"The date {LegacyDates.Format(date)} has two day entries in this block; expected one.");
                continue;
            }

            if (ReadDay(property.Value, dayPath, date) is { } dayOverride)
            {
                block.Overrides.Add(dayOverride);
            }
        }
    }

    private DayOverride? ReadDay(JsonElement entry, LegacyJsonPath path, LocalDate date)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            WrongType(path, "a day entry", "an object (name, notes, readiness, rest, sessions)", entry);
            return null;
        }

        string? name = null, notes = null;
        int? readiness = null;
        var rest = false;
        List<PlannedSession>? sessions = null;
        var seen = 0;
        foreach (var property in entry.EnumerateObject())
        {
            var value = property.Value;
            if (Is(property, "name", ref seen, 1, path))
            {
                name = ReadOptionalString(value, path.Key("name"), "the day's name");
            }
            else if (Is(property, "notes", ref seen, 2, path))
            {
                notes = ReadOptionalString(value, path.Key("notes"), "the day's notes");
            }
            else if (Is(property, "readiness", ref seen, 4, path))
            {
                // A whole number written as 7.0 (as Python writes a float) is the integer 7; 6.5 is not.
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var r) && r == decimal.Truncate(r) && r is >= 1 and <= 10)
                {
                    readiness = (int)r;
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    _diagnostics.Warning(DiagnosticCodes.InvalidReadiness, path.Key("readiness"), $"The readiness ({Describe(value)}) is not an integer from 1 to 10; it is not stored.");
                }
            }
            else if (Is(property, "rest", ref seen, 8, path))
            {
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    rest = value.GetBoolean();
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("rest"), "'rest'", "true or false", value);
                }
            }
            else if (Is(property, "sessions", ref seen, 16, path))
            {
                if (value.ValueKind == JsonValueKind.Array)
                {
                    sessions = new List<PlannedSession>(value.GetArrayLength());
                    var sessionsPath = path.Key("sessions");
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (ReadSessionItem(item, sessionsPath.Index(index), inDay: true) is { } session)
                        {
                            sessions.Add(session);
                        }

                        index++;
                    }
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("sessions"), "'sessions'", "a list of sessions", value);
                }
            }
            else
            {
                UnknownField(path, property.Name, "a day entry");
            }
        }

        if (rest && sessions is { Count: > 0 })
        {
            _diagnostics.Error(DiagnosticCodes.InvalidShape, path.Key("rest"), "The day is a rest day and also lists sessions; expected one or the other.");
            return null;
        }

        var kind = rest ? DayOverrideKind.Rest : sessions is not null ? DayOverrideKind.Replace : DayOverrideKind.Annotate;
        return new DayOverride(date, kind, sessions) { Name = name, Notes = notes, Readiness = readiness };
    }
}
