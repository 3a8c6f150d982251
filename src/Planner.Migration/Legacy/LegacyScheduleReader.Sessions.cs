using System.Text.Json;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    /// <summary>A weekday-map value: null, "", [] (none), a template id, a session object, or a list of those.</summary>
    private List<PlannedSession>? ReadSessionValue(JsonElement value, LegacyJsonPath path, bool inDay)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return [];
            case JsonValueKind.String:
                var id = value.GetString()!;
                return id.Length == 0 ? [] : [new PlannedSession(id)];
            case JsonValueKind.Object:
                return ReadSessionObject(value, path, inDay) is { } one ? [one] : null;
            case JsonValueKind.Array:
                var sessions = new List<PlannedSession>(value.GetArrayLength());
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var session = ReadSessionItem(item, path.Index(index), inDay);
                    if (session is not null)
                    {
                        sessions.Add(session);
                    }

                    index++;
                }

                return sessions;
            default:
                InvalidSession(path, value);
                return null;
        }
    }

    private PlannedSession? ReadSessionItem(JsonElement item, LegacyJsonPath path, bool inDay)
    {
        if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id)
        {
            return new PlannedSession(id);
        }

        if (item.ValueKind == JsonValueKind.Object)
        {
            return ReadSessionObject(item, path, inDay);
        }

        InvalidSession(path, item);
        return null;
    }

    private void InvalidSession(LegacyJsonPath path, JsonElement value) =>
        _diagnostics.Error(DiagnosticCodes.InvalidSession, path, $"A session must be a template id string, an object with a template_id, or a list of those; it is {Describe(value)}.");

    private PlannedSession? ReadSessionObject(JsonElement session, LegacyJsonPath path, bool inDay)
    {
        string? template = null, templateKey = null, slot = null, notes = null, completionData = null;
        var completed = false;
        var valid = true;
        var seen = 0;
        foreach (var property in session.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("template_id") || property.NameEquals("template") || property.NameEquals("templateId"))
            {
                var key = property.Name;
                if (templateKey is not null)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidSession, path.Key(key), $"The session names its template twice ('{templateKey}' and '{key}'); expected one of template_id, template, templateId.");
                    valid = false;
                }
                else if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id)
                {
                    template = id;
                }
                else
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidSession, path.Key(key), $"The session's template id must be a non-empty string; it is {Describe(value)}.");
                    valid = false;
                }

                templateKey = key;
            }
            else if (Is(property, "slot", ref seen, 1, path))
            {
                slot = ReadOptionalString(value, path.Key("slot"), "the session's slot");
            }
            else if (Is(property, "notes", ref seen, 2, path))
            {
                notes = ReadOptionalString(value, path.Key("notes"), "the session's notes");
            }
            else if (inDay && Is(property, "completed", ref seen, 4, path))
            {
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    completed = value.GetBoolean();
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("completed"), "'completed'", "true or false", value);
                }
            }
            else if (inDay && Is(property, "completion_data", ref seen, 8, path))
            {
                if (value.ValueKind == JsonValueKind.Object)
                {
                    completionData = value.GetRawText(); // kept as it is
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    WrongType(path.Key("completion_data"), "'completion_data'", "a JSON object", value);
                }
            }
            else
            {
                UnknownField(path, property.Name, inDay ? "a session" : "a session of a weekday map (completion belongs in days entries)");
            }
        }

        if (templateKey is null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidSession, path, "The session object has no template id; expected a 'template_id' (or 'template', 'templateId') string.");
            return null;
        }

        return valid && template is not null
            ? new PlannedSession(template, slot, notes) { IsCompleted = completed, CompletionData = completionData }
            : null;
    }
}
