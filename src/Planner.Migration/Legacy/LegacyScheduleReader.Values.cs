using System.Text.Json;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private string? ReadOptionalString(JsonElement value, LegacyJsonPath path, string what)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            WrongType(path, what, "a string", value);
        }

        return null;
    }

    /// <summary>Whether the property is the known key; a key given twice in one object is an error, so no value is lost silently.</summary>
    private bool Is(JsonProperty property, string key, ref int seen, int bit, LegacyJsonPath path)
    {
        if (!property.NameEquals(key))
        {
            return false;
        }

        if ((seen & bit) != 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidShape, path.Key(key), $"The key '{key}' appears twice in the same object; expected it once.");
        }

        seen |= bit;
        return true;
    }

    private void UnknownField(LegacyJsonPath parent, string name, string where) =>
        _diagnostics.Warning(DiagnosticCodes.UnknownField, parent.Key(name), $"The key '{Shorten(name)}' of {where} is not part of the format; its value is not converted.");

    private void WrongType(LegacyJsonPath path, string what, string expected, JsonElement value) =>
        _diagnostics.Error(DiagnosticCodes.InvalidShape, path, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {expected}; it is {Describe(value)}.");

    /// <summary>Says what a JSON value is, briefly, for messages.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <summary>Keeps messages short when a value is megabytes long.</summary>
    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
