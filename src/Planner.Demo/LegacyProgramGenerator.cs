using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;

namespace Planner.Demo;

/// <summary>A session template or goal the generated programs reference (ids the legacy tables must hold).</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
internal sealed record LegacyCatalogEntry(string Id, string Name);

/// <summary>A generated row, and the diagnostic code it was made to show (null for a clean row).</summary>
/// <param name="Row">The row.</param>
/// <param name="ExpectedCode">
/// The code a conversion (or, for <c>unknown-template</c>/<c>unknown-goal</c>, a migration into a
/// database holding <see cref="LegacyProgramGenerator.Templates"/> and <see cref="LegacyProgramGenerator.Goals"/>) reports.
/// </param>
internal sealed record GeneratedLegacyProgram(LegacyProgramRow Row, string? ExpectedCode)
{
    /// <summary>Whether the expected code is an error: the program does not migrate.</summary>
    public bool IsBroken => ExpectedCode is not null && LegacyProgramGenerator.ErrorCodes.Contains(ExpectedCode);
}

/// <summary>What <see cref="LegacyProgramGenerator"/> makes.</summary>
internal sealed class LegacyGeneratorOptions
{
    /// <summary>The share of rows made with an error (0 to 1); their codes take turns through <see cref="LegacyProgramGenerator.ErrorCodes"/>.</summary>
    public double ErrorShare { get; init; }

    /// <summary>The share of rows made with a warning (0 to 1); their codes take turns through <see cref="LegacyProgramGenerator.WarningCodes"/>.</summary>
    public double WarningShare { get; init; }

    /// <summary>The most blocks of a shape B program (1 or more).</summary>
    public int MaxBlocks { get; init; } = 4;

    /// <summary>The most weeks of a block (1 or more).</summary>
    public int MaxBlockWeeks { get; init; } = 12;

    /// <summary>The most <c>days</c> entries of a block.</summary>
    public int MaxDayEntries { get; init; } = 4;

    /// <summary>The program ids' prefix; ids are the prefix and the row's index (<c>p-000042</c>).</summary>
    public string IdPrefix { get; init; } = "p-";
}

/// <summary>
/// Makes legacy <c>programs</c> rows in every shape of docs/legacy-format.md: shape A and B, the three
/// block list names, <c>weekly</c>/<c>schedule</c>, every weekday key spelling, the three template
/// key spellings, rotations, day entries (names, notes, readiness, rest, sessions with completion
/// data), and optionally rows broken in each way the format lists. Deterministic: a seed and an
/// index give the same row on every machine and run (its own SplitMix64, no clock, no
/// <see cref="Random"/>), and <c>Generate(n)</c> is a prefix of <c>Generate(n + k)</c>.
/// </summary>
internal sealed class LegacyProgramGenerator
{
    /// <summary>The error codes broken rows take turns through.</summary>
    public static readonly IReadOnlyList<string> ErrorCodes =
    [
        DiagnosticCodes.InvalidJson, DiagnosticCodes.InvalidShape, DiagnosticCodes.MissingProgramDates,
        DiagnosticCodes.MultipleBlockLists, DiagnosticCodes.MissingField, DiagnosticCodes.InvalidDate,
        DiagnosticCodes.EndBeforeStart, DiagnosticCodes.SpanTooLong, DiagnosticCodes.InvalidWeekday,
        DiagnosticCodes.DuplicateWeekday, DiagnosticCodes.InvalidSession, DiagnosticCodes.DayOutsideBlock,
        DiagnosticCodes.TooLarge, DiagnosticCodes.UnknownTemplate, DiagnosticCodes.UnknownGoal,
    ];

    /// <summary>The warning codes warning rows take turns through.</summary>
    public static readonly IReadOnlyList<string> WarningCodes =
    [
        DiagnosticCodes.UnknownVersion, DiagnosticCodes.TimestampDate, DiagnosticCodes.BlockOverlap,
        DiagnosticCodes.BlockOutsideProgram, DiagnosticCodes.DuplicateBlockId, DiagnosticCodes.InvalidReadiness,
        DiagnosticCodes.UnknownField,
    ];

    private static readonly string[] BlockNames = ["Base Builder", "Build", "Peak", "Taper", "Hypertrophy", "Strength", "Recovery", "Race Prep"];
    private static readonly string[] BlockIds = ["blk-base", "blk-build", "blk-peak", "blk-taper", "blk-1", "blk-2"];
    private static readonly string[] ProgramNames = ["Marathon", "Couch to 10K", "Strength Winter", "Trail 50K", "Half Marathon", "Triathlon"];
    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] TemplateKeys = ["template_id", "template", "templateId"];
    private static readonly string[] BlockListKeys = ["blocks", "phases", "training_blocks"];

    private readonly ulong _seed;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed: the same seed gives the same rows.</param>
    public LegacyProgramGenerator(int seed) => _seed = (ulong)(uint)seed;

    /// <summary>The session templates generated rows reference (broken <c>unknown-template</c> rows aside).</summary>
    public static IReadOnlyList<LegacyCatalogEntry> Templates { get; } =
    [
        new("tpl-easy-30", "Easy run 30'"), new("tpl-easy-45", "Easy run 45'"), new("tpl-tempo", "Tempo run"),
        new("tpl-intervals", "Intervals 6x800"), new("tpl-long", "Long run"), new("tpl-long-easy", "Long easy run"),
        new("tpl-recovery", "Recovery jog"), new("tpl-strength", "Strength circuit"), new("tpl-core", "Core 20'"),
        new("tpl-upper", "Upper body"), new("tpl-lower", "Lower body"), new("tpl-mobility", "Mobility"),
        new("tpl-hills", "Hill repeats"), new("tpl-race", "Race"),
    ];

    /// <summary>The goals generated rows reference (broken <c>unknown-goal</c> rows aside).</summary>
    public static IReadOnlyList<LegacyCatalogEntry> Goals { get; } =
    [
        new("goal-aerobic", "Aerobic base"), new("goal-sub-330", "Sub-3:30 marathon"), new("goal-10k", "Run 10K"),
        new("goal-squat-140", "Squat 140 kg"), new("goal-threshold", "Raise threshold"), new("goal-trail-50k", "Finish a 50K trail"),
    ];

    /// <summary>Makes <paramref name="count"/> rows.</summary>
    /// <param name="count">How many rows.</param>
    /// <param name="options">What to make; <see langword="null"/> for clean rows of the default sizes.</param>
    /// <returns>The rows, lazily.</returns>
    public IEnumerable<LegacyProgramRow> Generate(int count, LegacyGeneratorOptions? options = null) =>
        GenerateCases(count, options).Select(c => c.Row);

    /// <summary>Makes <paramref name="count"/> rows, each with the code it was made to show.</summary>
    /// <param name="count">How many rows.</param>
    /// <param name="options">What to make; <see langword="null"/> for clean rows of the default sizes.</param>
    /// <returns>The rows, lazily.</returns>
    public IEnumerable<GeneratedLegacyProgram> GenerateCases(int count, LegacyGeneratorOptions? options = null)
    {
        options ??= new LegacyGeneratorOptions();
        for (var index = 0; index < count; index++)
        {
            // Warnings step half a period later than errors, so equal shares do not always coincide.
            var warningShift = options.WarningShare > 0 ? (int)Math.Min(1_000_000, 0.5 / options.WarningShare) : 0;
            var code = Pick(index, options.ErrorShare, ErrorCodes) ?? Pick(index + warningShift, options.WarningShare, WarningCodes);
            var random = new SplitMix(_seed, (ulong)index);
            var id = options.IdPrefix + index.ToString("D6", CultureInfo.InvariantCulture);
            yield return new GeneratedLegacyProgram(MakeRow(random, id, options, code), code);
        }
    }

    /// <summary>
    /// Makes one large shape B program of about <paramref name="targetBytes"/> of <c>weekly_schedule</c>:
    /// year-long blocks whose every day has an entry with notes and logged sessions.
    /// </summary>
    /// <param name="id">The program's id.</param>
    /// <param name="targetBytes">The approximate size of the document, in bytes.</param>
    /// <returns>The row.</returns>
    public LegacyProgramRow GenerateLarge(string id, int targetBytes)
    {
        var random = new SplitMix(_seed, ulong.MaxValue);
        var blocks = new JsonArray();
        var document = new JsonObject { ["version"] = 2, ["blocks"] = blocks };
        var start = new LocalDate(2000, 1, 3);
        long size = 0;
        var position = 0;
        while (size < targetBytes)
        {
            var end = start.PlusDays(363);
            var block = MakeBlock(random, position, start, end, new LegacyGeneratorOptions { MaxDayEntries = 0 });
            var days = new JsonObject();
            for (var date = start; date <= end; date = date.PlusDays(1))
            {
                var entry = MakeDayEntry(random, forceSessions: true);
                entry["notes"] = "Felt " + Pick(random, ["good", "tired", "strong", "flat"]) + ". " + new string('x', 40 + random.Next(80));
                days[IsoDate(date)] = entry;
            }

            block["days"] = days;
            size += block.ToJsonString().Length;
            blocks.Add(block);
            start = end.PlusDays(1);
            position++;
        }

        return new LegacyProgramRow(id, "Large program", "2000-01-03", IsoDate(start.PlusDays(-1)), "[\"goal-aerobic\"]", document.ToJsonString());
    }

    private static string? Pick(int index, double share, IReadOnlyList<string> codes)
    {
        // Rows i where floor((i+1)·share) steps up get the next code in turn: an even spread, prefix-stable.
        if (share <= 0)
        {
            return null;
        }

        var before = (long)Math.Floor(index * share);
        var after = (long)Math.Floor((index + 1) * share);
        return after > before ? codes[(int)(before % codes.Count)] : null;
    }

    private static LegacyProgramRow MakeRow(SplitMix random, string id, LegacyGeneratorOptions options, string? code)
    {
        var name = Pick(random, ProgramNames) + " " + (2019 + random.Next(7)).ToString(CultureInfo.InvariantCulture);
        var programStart = new LocalDate(2019, 1, 1).PlusDays(random.Next(2500));
        var shapeA = code == DiagnosticCodes.MissingProgramDates || (code is null or DiagnosticCodes.InvalidJson or DiagnosticCodes.InvalidWeekday or DiagnosticCodes.DuplicateWeekday or DiagnosticCodes.InvalidSession or DiagnosticCodes.UnknownTemplate && random.Next(5) == 0);
        string? goalIds = random.Next(4) switch
        {
            0 => null,
            1 => random.Next(2) == 0 ? string.Empty : "[]",
            _ => new JsonArray(Pick(random, Goals).Id).ToJsonString(),
        };

        JsonObject document;
        LocalDate programEnd;
        if (shapeA)
        {
            programEnd = programStart.PlusDays((7 * (1 + random.Next(options.MaxBlockWeeks * 2))) - 1);
            document = MakeWeekdayMap(random);
            Inject(document, code, random, id);
        }
        else
        {
            var blockCount = 1 + random.Next(Math.Max(1, options.MaxBlocks));
            if (code is DiagnosticCodes.BlockOverlap or DiagnosticCodes.DuplicateBlockId)
            {
                blockCount = Math.Max(2, blockCount);
            }

            var blocks = new JsonArray();
            var start = programStart;
            for (var position = 0; position < blockCount; position++)
            {
                var end = start.PlusDays((7 * (1 + random.Next(Math.Max(1, options.MaxBlockWeeks)))) - 1 - random.Next(3));
                blocks.Add(MakeBlock(random, position, start, end, options));
                start = end.PlusDays(1);
            }

            programEnd = start.PlusDays(-1);
            document = new JsonObject();
            if (random.Next(2) == 0)
            {
                document["version"] = 2;
            }

            document[Pick(random, BlockListKeys)] = blocks;
            Inject(document, code, random, id);
            if (code == DiagnosticCodes.BlockOutsideProgram)
            {
                programEnd = programEnd.PlusDays(-3);
            }
        }

        var startText = code == DiagnosticCodes.MissingProgramDates ? null : IsoDate(programStart);
        var endText = IsoDate(programEnd);
        if (!shapeA && code is null && random.Next(10) == 0)
        {
            startText = endText = null; // shape B needs no program dates
        }

        var text = document.ToJsonString();
        if (code == DiagnosticCodes.InvalidJson)
        {
            text = text[..Math.Max(1, text.Length / 2)]; // truncated: an autosave cut short
        }

        return new LegacyProgramRow(id, name, startText, endText, goalIds, text);
    }

    /// <summary>Breaks (or warns about) one thing of a valid document.</summary>
    private static void Inject(JsonObject document, string? code, SplitMix random, string id)
    {
        var blocks = BlockListKeys.Select(k => document[k]).OfType<JsonArray>().FirstOrDefault();
        var first = blocks?[0] as JsonObject;
        JsonObject Map() => first is null ? document : FirstWeekdayMap(first);
        switch (code)
        {
            case DiagnosticCodes.InvalidShape when first is not null:
                first["days"] = new JsonArray(1, 2);
                break;
            case DiagnosticCodes.MultipleBlockLists when blocks is not null:
                document[BlockListKeys.First(k => !document.ContainsKey(k))] = new JsonArray();
                break;
            case DiagnosticCodes.MissingField when first is not null:
                first.Remove("name");
                break;
            case DiagnosticCodes.InvalidDate when first is not null:
                first["end_date"] = "07/01/2024";
                break;
            case DiagnosticCodes.EndBeforeStart when first is not null:
                first["end_date"] = IsoDate(ParseDate(first["start_date"]).PlusDays(-1));
                first.Remove("days");
                break;
            case DiagnosticCodes.SpanTooLong when first is not null:
                first["start_date"] = "0001-01-01";
                first["end_date"] = "9999-12-31";
                first.Remove("days");
                break;
            case DiagnosticCodes.InvalidWeekday:
                Map()["funday"] = "tpl-easy-30";
                break;
            case DiagnosticCodes.DuplicateWeekday:
                SetWeekday(Map(), "mon", "tpl-easy-30");
                Map()["Monday"] = "tpl-easy-45";
                break;
            case DiagnosticCodes.InvalidSession:
                SetWeekday(Map(), "sunday", 42);
                break;
            case DiagnosticCodes.DayOutsideBlock when first is not null:
                first["days"] = new JsonObject { [IsoDate(ParseDate(first["end_date"]).PlusDays(1))] = new JsonObject { ["notes"] = "lost?" } };
                break;
            case DiagnosticCodes.TooLarge when first is not null:
                JsonNode nested = new JsonArray();
                for (var i = 0; i < 100; i++)
                {
                    nested = new JsonArray(nested);
                }

                first["coach_comment"] = nested;
                break;
            case DiagnosticCodes.UnknownTemplate:
                SetWeekday(Map(), "sunday", "tpl-missing-" + id);
                break;
            case DiagnosticCodes.UnknownGoal when first is not null:
                first["goal_ids"] = new JsonArray("goal-missing-" + id);
                break;
            case DiagnosticCodes.UnknownVersion:
                document["version"] = 3;
                break;
            case DiagnosticCodes.TimestampDate when first is not null:
                first["start_date"] = first["start_date"]!.GetValue<string>() + "T00:00:00";
                break;
            case DiagnosticCodes.BlockOverlap when blocks is not null:
                var second = (JsonObject)blocks[1]!;
                second["start_date"] = IsoDate(ParseDate(second["start_date"]).PlusDays(-3));
                second.Remove("days");
                break;
            case DiagnosticCodes.DuplicateBlockId when blocks is not null:
                ((JsonObject)blocks[0]!)["id"] = "blk-base";
                ((JsonObject)blocks[1]!)["id"] = "blk-base";
                break;
            case DiagnosticCodes.InvalidReadiness when first is not null:
                first["days"] = new JsonObject { [first["start_date"]!.GetValue<string>()] = new JsonObject { ["readiness"] = 14 } };
                break;
            case DiagnosticCodes.UnknownField when first is not null:
                first["colour"] = "#795548";
                break;
            default:
                if (code is DiagnosticCodes.MissingProgramDates or DiagnosticCodes.InvalidJson or DiagnosticCodes.BlockOutsideProgram or null)
                {
                    break; // made by the row, not the document
                }

                throw new InvalidOperationException($"The generator cannot make '{code}' in this shape.");
        }
    }

    /// <summary>Sets a weekday's value, removing other spellings of that weekday first.</summary>
    private static void SetWeekday(JsonObject map, string key, JsonNode? value)
    {
        var weekday = WeekdayOf(key);
        foreach (var other in map.Select(p => p.Key).Where(k => WeekdayOf(k) == weekday).ToList())
        {
            map.Remove(other);
        }

        map[key] = value;
    }

    /// <summary>
    /// The weekday (0 is Monday) of a key this generator writes (<see cref="WeekdayKey"/>'s spellings), -1 for
    /// another key. Only the generator's own spellings: how the converter reads keys is the converter's business.
    /// </summary>
    private static int WeekdayOf(string key)
    {
        if (key.Length == 1)
        {
            return key[0] is >= '0' and <= '6' ? key[0] - '0' : -1;
        }

        return Array.FindIndex(WeekdayNames, name =>
            (key.Length == 3 || key.Length == name.Length) && name.StartsWith(key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A date as the legacy format writes it, ISO <c>yyyy-MM-dd</c>.</summary>
    private static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Reads back a date this generator wrote.</summary>
    private static LocalDate ParseDate(JsonNode? node) => LocalDatePattern.Iso.Parse(node!.GetValue<string>()).Value;

    /// <summary>The first weekday map of a block, made when it has none.</summary>
    private static JsonObject FirstWeekdayMap(JsonObject block)
    {
        var pattern = block["weekly"] ?? block["schedule"];
        switch (pattern)
        {
            case JsonObject map:
                return map;
            case JsonArray { Count: > 0 } rotation:
                return (JsonObject)rotation[0]!;
            default:
                block.Remove("weekly");
                block.Remove("schedule");
                var made = new JsonObject();
                block["weekly"] = made;
                return made;
        }
    }

    private static JsonObject MakeBlock(SplitMix random, int position, LocalDate start, LocalDate end, LegacyGeneratorOptions options)
    {
        var block = new JsonObject();
        if (random.Next(10) < 7)
        {
            block["id"] = position < BlockIds.Length && random.Next(2) == 0 ? BlockIds[position] : "blk-" + position.ToString(CultureInfo.InvariantCulture) + "-" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        }

        block["name"] = BlockNames[(position + random.Next(2)) % BlockNames.Length];
        block["start_date"] = IsoDate(start);
        block["end_date"] = IsoDate(end);
        if (random.Next(2) == 0)
        {
            block["color"] = "#" + random.Next(0x1000000).ToString("x6", CultureInfo.InvariantCulture);
        }

        if (random.Next(5) < 2)
        {
            block["goal_ids"] = new JsonArray(Pick(random, Goals).Id);
        }

        var patternKey = random.Next(3) == 0 ? "schedule" : "weekly";
        switch (random.Next(10))
        {
            case 0:
                break; // no pattern: rest days and day entries only
            case < 4:
                var rotation = new JsonArray();
                var weeks = 2 + random.Next(2);
                for (var i = 0; i < weeks; i++)
                {
                    rotation.Add(MakeWeekdayMap(random));
                }

                block[patternKey] = rotation;
                break;
            default:
                block[patternKey] = MakeWeekdayMap(random);
                break;
        }

        var entries = random.Next(options.MaxDayEntries + 1);
        if (entries > 0)
        {
            var span = Period.DaysBetween(start, end) + 1;
            var days = new JsonObject();
            for (var i = 0; i < entries; i++)
            {
                var date = IsoDate(start.PlusDays(random.Next(span)));
                if (!days.ContainsKey(date))
                {
                    days[date] = MakeDayEntry(random, forceSessions: false);
                }
            }

            block["days"] = days;
        }

        return block;
    }

    private static JsonObject MakeDayEntry(SplitMix random, bool forceSessions)
    {
        var entry = new JsonObject();
        if (random.Next(3) == 0)
        {
            entry["name"] = Pick(random, ["Long Run Day", "Race day", "Test day", "Deload"]);
        }

        if (random.Next(2) == 0)
        {
            entry["notes"] = Pick(random, ["Windy. Cut short.", "sick", "Great legs", "Travel day — hotel gym"]);
        }

        if (random.Next(3) == 0)
        {
            entry["readiness"] = 1 + random.Next(10);
        }

        switch (forceSessions ? 2 : random.Next(3))
        {
            case 0:
                break; // annotations only: the pattern's sessions stay
            case 1:
                entry["rest"] = true;
                break;
            default:
                var sessions = new JsonArray();
                var count = random.Next(3);
                for (var i = 0; i < count; i++)
                {
                    var session = MakeSessionObject(random);
                    if (random.Next(2) == 0)
                    {
                        session["completed"] = true;
                        session["completion_data"] = new JsonObject
                        {
                            ["rpe"] = 1 + random.Next(10),
                            ["duration_min"] = 20 + random.Next(100),
                            ["distance_km"] = Math.Round(random.Next(30000) / 1000.0, 1),
                        };
                    }

                    sessions.Add(session);
                }

                entry["sessions"] = sessions;
                break;
        }

        return entry;
    }

    private static JsonObject MakeWeekdayMap(SplitMix random)
    {
        var map = new JsonObject();
        for (var day = 0; day < 7; day++)
        {
            if (random.Next(7) < 3)
            {
                continue;
            }

            map[WeekdayKey(random, day)] = MakeWeekdayValue(random);
        }

        if (map.Count == 0)
        {
            map[WeekdayKey(random, random.Next(7))] = Pick(random, Templates).Id;
        }

        return map;
    }

    private static string WeekdayKey(SplitMix random, int day)
    {
        var name = WeekdayNames[day];
        return random.Next(6) switch
        {
            0 => name,
            1 => char.ToUpperInvariant(name[0]) + name[1..],
            2 => name.ToUpperInvariant(),
            3 => name[..3],
            4 => char.ToUpperInvariant(name[0]) + name[1..3],
            _ => day.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static JsonNode? MakeWeekdayValue(SplitMix random) => random.Next(20) switch
    {
        0 or 1 => null,
        2 => string.Empty,
        3 => new JsonArray(),
        < 12 => Pick(random, Templates).Id,
        < 16 => MakeSessionObject(random),
        _ => new JsonArray(Pick(random, Templates).Id, random.Next(2) == 0 ? MakeSessionObject(random) : Pick(random, Templates).Id),
    };

    private static JsonObject MakeSessionObject(SplitMix random)
    {
        var session = new JsonObject { [Pick(random, TemplateKeys)] = Pick(random, Templates).Id };
        if (random.Next(2) == 0)
        {
            session["slot"] = random.Next(2) == 0 ? "am" : "pm";
        }

        if (random.Next(3) == 0)
        {
            session["notes"] = Pick(random, ["easy pace", "hilly route", "with the club", "HR < 150"]);
        }

        return session;
    }

    private static T Pick<T>(SplitMix random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// SplitMix64, kept on purpose: this generator promises the same rows for a seed on every machine and runtime
    /// (the demo's database and summary, the benchmarks' corpus, a row named in a bug report), and a seeded
    /// <see cref="Random"/> does not. Its API reference, under "Notes to Callers", says: "The implementation of the
    /// random number generator in the Random class isn't guaranteed to remain the same across major versions of
    /// .NET. As a result, you shouldn't assume that the same seed will result in the same pseudo-random sequence in
    /// different versions of .NET." (.NET 6 did change the algorithm, keeping the old one for seeded instances only
    /// for compatibility.) Twenty lines buy a sequence that only this file can change.
    /// </summary>
    private sealed class SplitMix
    {
        private ulong _state;

        public SplitMix(ulong seed, ulong stream) => _state = (seed * 0x9E3779B97F4A7C15UL) ^ ((stream + 1) * 0xD1B54A32D192ED03UL);

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return bound <= 1 ? 0 : (int)(z % (ulong)bound);
        }
    }
}
