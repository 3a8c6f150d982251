using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>A block as read from the legacy document, before it becomes rows.</summary>
internal sealed class LegacyBlock
{
    public required LegacyJsonPath Path { get; init; }

    public required int Position { get; init; }

    /// <summary>The key its id is derived from: its legacy id, or its position key.</summary>
    public string Key { get; set; } = string.Empty;

    public string? LegacyId { get; set; }

    public string Name { get; set; } = string.Empty;

    public LocalDate Start { get; set; }

    public LocalDate End { get; set; }

    /// <summary>Whether both dates read and the span is usable.</summary>
    public bool DatesValid { get; set; }

    public string? Color { get; set; }

    public List<string> GoalIds { get; } = [];

    public SchedulePattern? Pattern { get; set; }

    public List<DayOverride> Overrides { get; } = [];

    /// <summary>The engine's schedule, once the block is known to be valid.</summary>
    public BlockSchedule? Schedule { get; set; }
}

/// <summary>
/// Reads one <c>weekly_schedule</c> document into <see cref="LegacyBlock"/>s, reporting every
/// problem to the diagnostics. One instance per conversion; never throws for bad data.
/// </summary>
internal sealed class LegacyScheduleReader
{
    private static readonly string[] BlockListKeys = ["blocks", "phases", "training_blocks"];

    private readonly LegacyConverterOptions _options;
    private readonly LegacyDiagnostics _diagnostics;

    public LegacyScheduleReader(LegacyConverterOptions options, LegacyDiagnostics diagnostics)
    {
        _options = options;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads the document; <paramref name="programStart"/>/<paramref name="programEnd"/> are the valid program dates, if any.</summary>
    public List<LegacyBlock> Read(string? text, LocalDate? programStart, LocalDate? programEnd, bool programDatesInvalid)
    {
        var blocks = new List<LegacyBlock>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return blocks; // NULL or empty column: a program with no schedule.
        }

        if (!FitsSize(text, LegacyJsonPath.Root, "weekly_schedule"))
        {
            return blocks;
        }

        var document = Parse(text, LegacyJsonPath.Root, "weekly_schedule", DiagnosticCodes.InvalidJson);
        if (document is null)
        {
            return blocks;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidShape, LegacyJsonPath.Root, $"The weekly_schedule document must be a JSON object; it is {Describe(root)}.");
                return blocks;
            }

            string? listKey = null;
            JsonElement list = default;
            foreach (var property in root.EnumerateObject())
            {
                foreach (var key in BlockListKeys)
                {
                    if (property.NameEquals(key))
                    {
                        if (listKey is null)
                        {
                            listKey = key;
                            list = property.Value;
                        }
                        else
                        {
                            _diagnostics.Error(DiagnosticCodes.MultipleBlockLists, LegacyJsonPath.Root.Key(key), $"The document has both '{listKey}' and '{key}'; only one list of blocks is allowed.");
                        }
                    }
                }
            }

            if (listKey is null)
            {
                ReadFlatWeek(root, programStart, programEnd, programDatesInvalid, blocks);
            }
            else
            {
                ReadBlocks(root, listKey, list, programStart, programEnd, blocks);
            }
        }

        return blocks;
    }

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

    /// <summary>Replaces <c>\uXXXX</c> escapes of unpaired surrogates by <c>\ufffd</c>; returns the text itself when there are none.</summary>
    internal static string ReplaceLoneSurrogateEscapes(string text)
    {
        var first = text.IndexOf("\\u", StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var pendingHigh = -1; // index of a high-surrogate escape waiting for its low half
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                    pendingHigh = -1;
                }

                continue;
            }

            if (text[i + 1] != 'u' || i + 5 >= text.Length || !int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                    pendingHigh = -1;
                }

                i++; // an escape such as \\ or \": skip its second character
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                }

                pendingHigh = i;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (pendingHigh >= 0 && pendingHigh == i - 6)
                {
                    pendingHigh = -1; // a proper pair
                }
                else
                {
                    if (pendingHigh >= 0)
                    {
                        Replace(pendingHigh);
                        pendingHigh = -1;
                    }

                    Replace(i);
                }
            }
            else if (pendingHigh >= 0)
            {
                Replace(pendingHigh);
                pendingHigh = -1;
            }

            i += 5;
        }

        if (pendingHigh >= 0)
        {
            Replace(pendingHigh);
        }

        if (builder is null)
        {
            return text;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();

        void Replace(int at)
        {
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, at - copied).Append("\\ufffd");
            copied = at + 6;
        }
    }

    private void ReadFlatWeek(JsonElement root, LocalDate? programStart, LocalDate? programEnd, bool programDatesInvalid, List<LegacyBlock> blocks)
    {
        var pattern = ReadWeekdayMap(root, LegacyJsonPath.Root);
        if (!root.EnumerateObject().Any())
        {
            return; // "{}": no schedule.
        }

        if (programStart is not { } start || programEnd is not { } end)
        {
            if (!programDatesInvalid)
            {
                _diagnostics.Error(DiagnosticCodes.MissingProgramDates, LegacyJsonPath.Root, "A flat weekly schedule (shape A) needs both the program's start_date and end_date to be placed on a calendar.");
            }

            return;
        }

        var block = new LegacyBlock { Path = LegacyJsonPath.Root, Position = 0, Name = "Main", Start = start, End = end, Pattern = pattern };
        block.Key = DeterministicIds.PositionKey(0);
        if (CheckSpan(start, end, LegacyJsonPath.Column("end_date"), LegacyJsonPath.Root, "The program"))
        {
            block.DatesValid = true;
            blocks.Add(block);
        }
    }

    private bool CheckSpan(LocalDate start, LocalDate end, LegacyJsonPath endPath, LegacyJsonPath blockPath, string what)
    {
        if (end < start)
        {
            _diagnostics.Error(DiagnosticCodes.EndBeforeStart, endPath, $"{what} ends on {LegacyDates.Format(end)}, before it starts on {LegacyDates.Format(start)}.");
            return false;
        }

        var days = (long)Period.DaysBetween(start, end) + 1;
        if (days > _options.MaxBlockDays)
        {
            _diagnostics.Error(DiagnosticCodes.SpanTooLong, blockPath, string.Create(CultureInfo.InvariantCulture, $"{what} spans {days} days ({LegacyDates.Format(start)} to {LegacyDates.Format(end)}); the limit is {_options.MaxBlockDays} days."));
            return false;
        }

        return true;
    }

    private void ReadBlocks(JsonElement root, string listKey, JsonElement list, LocalDate? programStart, LocalDate? programEnd, List<LegacyBlock> blocks)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("version"))
            {
                var value = property.Value;
                if (!(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version) && version == 2))
                {
                    _diagnostics.Warning(DiagnosticCodes.UnknownVersion, LegacyJsonPath.Root.Key("version"), $"The document's version is {Describe(value)}, not 2; it is read as shape B.");
                }
            }
            else if (!IsBlockListKey(property))
            {
                UnknownField(LegacyJsonPath.Root, property.Name, "the document");
            }
        }

        var listPath = LegacyJsonPath.Root.Key(listKey);
        if (list.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidShape, listPath, $"'{listKey}' must be a list of blocks; it is {Describe(list)}.");
            return;
        }

        var legacyIds = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var item in list.EnumerateArray())
        {
            var block = ReadBlock(item, listPath.Index(position), position);
            if (block is not null)
            {
                if (block.LegacyId is { } legacyId && !legacyIds.Add(legacyId))
                {
                    _diagnostics.Warning(DiagnosticCodes.DuplicateBlockId, block.Path.Key("id"), $"The block id '{legacyId}' is used by an earlier block of this program; this block's id is derived from its position ({position}) instead.");
                    block.Key = DeterministicIds.PositionKey(position);
                }
                else
                {
                    block.Key = block.LegacyId ?? DeterministicIds.PositionKey(position);
                }

                blocks.Add(block);
            }

            position++;
        }

        CheckOverlaps(blocks);
        CheckInsideProgram(blocks, programStart, programEnd);
    }

    private static bool IsBlockListKey(JsonProperty property) =>
        property.NameEquals("blocks") || property.NameEquals("phases") || property.NameEquals("training_blocks");

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

    /// <summary>Returns the date text when the value is a string, reports it when of the wrong type.</summary>
    private string? ReadDateText(JsonElement value, LegacyJsonPath path, string key)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            WrongType(path, $"'{key}'", "an ISO date string (yyyy-MM-dd)", value);
            return string.Empty; // reported: not "missing" as well
        }

        return null;
    }

    private bool ReadRequiredDate(string? text, LegacyJsonPath path, string key, out LocalDate date)
    {
        date = default;
        if (text is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingField, path, $"The block has no {key}; every block needs a start_date and an end_date.");
            return false;
        }

        return text.Length > 0 && ReadDate(text, path, $"The block's {key}", out date);
    }

    /// <summary>Reads a date, reporting timestamps (warning) and invalid dates (error).</summary>
    public bool ReadDate(string text, LegacyJsonPath path, string what, out LocalDate date)
    {
        switch (LegacyDates.Parse(text, out date))
        {
            case LegacyDateKind.Date:
                return true;
            case LegacyDateKind.Timestamp:
                _diagnostics.Warning(DiagnosticCodes.TimestampDate, path, $"{what} '{Shorten(text)}' is a timestamp; its date part {LegacyDates.Format(date)} is used.");
                return true;
            default:
                _diagnostics.Error(DiagnosticCodes.InvalidDate, path, $"{what} '{Shorten(text)}' is not a date; expected an ISO date yyyy-MM-dd that exists in the calendar.");
                return false;
        }
    }

    /// <summary>
    /// A list of goal ids (a block's, or the program's goal_ids column): strings, repeats dropped, anything
    /// else invalid-shape: at the item's path in a block, at the column's own path for the column
    /// (<paramref name="itemPaths"/> false), as docs/legacy-format.md has it ("path <c>goal_ids</c>").
    /// </summary>
    internal void ReadGoalList(JsonElement value, LegacyJsonPath path, List<string> goalIds, bool itemPaths = true)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, "'goal_ids'", "a list of goal id strings", value);
            return;
        }

        var index = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                var id = item.GetString()!;
                if (seen.Add(id))
                {
                    goalIds.Add(id);
                }
            }
            else
            {
                if (itemPaths)
                {
                    WrongType(path.Index(index), "a goal id", "a string", item);
                }
                else
                {
                    WrongType(path, $"The goal id at index {index.ToString(CultureInfo.InvariantCulture)}", "a string", item);
                }
            }

            index++;
        }
    }

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

    private void CheckOverlaps(List<LegacyBlock> blocks)
    {
        // Blocks nearly always come in date order: sort only when they do not.
        var placed = blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].DatesValid || (i > 0 && blocks[i].Start < blocks[i - 1].Start))
            {
                placed = blocks.Where(b => b.DatesValid).OrderBy(b => b.Start).ThenBy(b => b.Position).ToList();
                break;
            }
        }

        List<(LegacyBlock Block, LegacyBlock Other)>? found = null;
        LegacyBlock? latest = null;
        foreach (var block in placed)
        {
            if (latest is not null && block.Start <= latest.End)
            {
                (found ??= []).Add((block, latest));
            }

            if (latest is null || block.End > latest.End)
            {
                latest = block;
            }
        }

        if (found is null)
        {
            return;
        }

        foreach (var (block, other) in found.OrderBy(f => f.Block.Position))
        {
            _diagnostics.Warning(DiagnosticCodes.BlockOverlap, block.Path, $"The block '{block.Name}' ({LegacyDates.Format(block.Start)} to {LegacyDates.Format(block.End)}) overlaps the block '{other.Name}' ({LegacyDates.Format(other.Start)} to {LegacyDates.Format(other.End)}); both keep their own days.");
        }
    }

    private void CheckInsideProgram(List<LegacyBlock> blocks, LocalDate? programStart, LocalDate? programEnd)
    {
        foreach (var block in blocks)
        {
            if (block.DatesValid && (block.Start < programStart || block.End > programEnd))
            {
                _diagnostics.Warning(DiagnosticCodes.BlockOutsideProgram, block.Path, $"The block '{block.Name}' ({LegacyDates.Format(block.Start)} to {LegacyDates.Format(block.End)}) lies outside the program's dates ({Format(programStart)} to {Format(programEnd)}); it is kept.");
            }
        }

        static string Format(LocalDate? date) => date is { } d ? LegacyDates.Format(d) : "open";
    }

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
