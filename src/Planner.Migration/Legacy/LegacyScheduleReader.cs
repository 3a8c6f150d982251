using System.Text.Json;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>
/// Reads one <c>weekly_schedule</c> document into <see cref="LegacyBlock"/>s, reporting every
/// problem to the diagnostics. One instance per conversion; never throws for bad data.
/// </summary>
/// <remarks>
/// A partial class, one file per thing it reads: the column text (<c>.Text</c>: size limit, parsing;
/// <c>.Surrogates</c>: escaped lone surrogates), the document and its two shapes (this file), a block
/// (<c>.Blocks</c>), dates and spans (<c>.Dates</c>), lists of goal ids (<c>.Goals</c>), weekday
/// patterns and rotations (<c>.Patterns</c>), sessions (<c>.Sessions</c>), day entries (<c>.Days</c>),
/// how the blocks lie against each other and the program (<c>.Placement</c>), and the checks and
/// wording every part shares (<c>.Values</c>).
/// </remarks>
internal sealed partial class LegacyScheduleReader
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
}
