using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    /// <summary>Checks a text against the size limit without encoding it when it is clearly small.</summary>
    public bool FitsSize(string text, LegacyJsonPath path, string column)
    {
        var max = _options.MaxDocumentBytes;
        if (text.Length <= max / 3 || Encoding.UTF8.GetByteCount(text) <= max)
        {
            return true;
        }

        _diagnostics.Error(DiagnosticCodes.TooLarge, path, string.Create(CultureInfo.InvariantCulture, $"The {column} text is larger than the limit of {max} UTF-8 bytes."));
        return false;
    }

    /// <summary>
    /// Parses a column's text. Escaped lone surrogates (<c>"\ud800"</c>, which Python's json module
    /// writes for such strings) are replaced by <c>\ufffd</c> first, as a UTF-8 text column would
    /// replace an unpaired surrogate; everything else is reported: invalid JSON with its place, nesting
    /// deeper than the limit as too large.
    /// </summary>
    public JsonDocument? Parse(string text, LegacyJsonPath path, string column, string invalidCode)
    {
        text = ReplaceLoneSurrogateEscapes(text);
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = _options.MaxDepth });
        }
        catch (JsonException)
        {
            ReportParseFailure(text, path, column, invalidCode);
            return null;
        }
        catch (ArgumentException)
        {
            // Unpaired surrogate characters in the string itself: not text any database column holds.
            _diagnostics.Error(invalidCode, path, $"The {column} text holds invalid UTF-16 (an unpaired surrogate character); it cannot be read as JSON.");
            return null;
        }
    }

    /// <summary>Scans the whole text without a depth limit to tell syntax errors from nesting that is too deep.</summary>
    private void ReportParseFailure(string text, LegacyJsonPath path, string column, string invalidCode)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var tooDeep = false;
        JsonException? syntax = null;
        try
        {
            while (reader.Read())
            {
                tooDeep |= reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= _options.MaxDepth;
            }
        }
        catch (JsonException ex)
        {
            syntax = ex;
        }

        if (syntax is not null || !tooDeep)
        {
            var reason = syntax?.Message ?? "the text ends too early";
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            if (reason.Length > 200)
            {
                reason = string.Concat(reason.AsSpan(0, 197), "...");
            }

            var where = syntax?.LineNumber is { } line && syntax.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {position + 1} of that line (both counted from 1)")
                : string.Empty;
            _diagnostics.Error(invalidCode, path, $"The {column} text is not valid JSON{where}: {reason.TrimEnd('.')}.");
        }

        if (tooDeep)
        {
            _diagnostics.Error(DiagnosticCodes.TooLarge, path, string.Create(CultureInfo.InvariantCulture, $"The {column} text nests deeper than the limit of {_options.MaxDepth} levels."));
        }
    }
}
