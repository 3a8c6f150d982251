using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Planner.AspNetCore.Http;

/// <summary>
/// A partial update of a day (JSON merge-patch style): a field left out keeps its value, a field set to
/// <c>null</c> clears it. Fields: <c>name</c>, <c>notes</c> (strings), <c>readiness</c> (1 to 10).
/// </summary>
internal readonly record struct DayPatch(bool HasName, string? Name, bool HasNotes, string? Notes, bool HasReadiness, int? Readiness)
{
    public static bool TryRead(JsonElement body, out DayPatch patch, [NotNullWhen(false)] out IResult? problem)
    {
        patch = default;
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = Problems.BadRequest("The body must be a JSON object with any of: name, notes (strings or null), readiness (1 to 10 or null).");
            return false;
        }

        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "name" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    patch = patch with { HasName = true, Name = value.ValueKind == JsonValueKind.Null ? null : value.GetString() };
                    break;
                case "notes" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    patch = patch with { HasNotes = true, Notes = value.ValueKind == JsonValueKind.Null ? null : value.GetString() };
                    break;
                case "readiness" when value.ValueKind == JsonValueKind.Null:
                    patch = patch with { HasReadiness = true, Readiness = null };
                    break;
                case "readiness" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var readiness) && readiness is >= 1 and <= 10:
                    patch = patch with { HasReadiness = true, Readiness = readiness };
                    break;
                case "readiness":
                    problem = Problems.BadRequest("'readiness' must be a whole number from 1 to 10, or null.", Field("readiness"));
                    return false;
                case "name" or "notes":
                    problem = Problems.BadRequest($"'{property.Name}' must be a string or null.", Field(property.Name));
                    return false;
                default:
                    problem = Problems.BadRequest($"Unknown field '{property.Name}': a day has name, notes and readiness.", Field(property.Name));
                    return false;
            }
        }

        return true;
    }

    private static Dictionary<string, object?> Field(string name) => new() { ["field"] = name };
}
