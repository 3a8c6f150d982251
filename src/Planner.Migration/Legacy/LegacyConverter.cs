using System.Globalization;
using System.Text.Json;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>
/// Converts one legacy <c>programs</c> row to entities and diagnostics. Pure: no database, no clock,
/// no randomness, no static state; the same row always gives the same entities, ids included.
/// </summary>
/// <remarks>
/// <para>The converter's contract (the format it reads, its limits, the converted form and every diagnostic code) is <c>docs/legacy-format.md</c>.</para>
/// <para>
/// Ids: a block's id is <see cref="DeterministicIds.ForBlock"/> of the program's id and the block's
/// legacy <c>id</c>, or of its <see cref="DeterministicIds.PositionKey"/> when it has none or its id
/// repeats an earlier block's (<c>duplicate-block-id</c>); days and sessions derive theirs from the
/// block's id, the date and the position. A shape A document is one block named <c>Main</c> at
/// position 0.
/// </para>
/// <para>
/// Where the legacy data leaves a choice (docs/legacy-format.md says how each is read), the converter decides so that nothing is lost silently:
/// a key given twice in one object, two entries for one date, a rest day that also lists sessions,
/// both <c>weekly</c> and <c>schedule</c>, or a block <c>id</c> that is not a string are
/// <c>invalid-shape</c>; an item of a session list that is null or <c>""</c>, or a session naming its
/// template under two spellings, is <c>invalid-session</c>; <c>completed</c>/<c>completion_data</c>
/// in a weekday map are <c>unknown-field</c> (logged work belongs to a date); a shape A document is
/// any object without a block list, so a stray top-level key there is <c>invalid-weekday</c>. The
/// program's own date columns are read like block dates (<c>invalid-date</c>/<c>timestamp-date</c> at
/// <c>start_date</c>/<c>end_date</c>), and any problem of the <c>goal_ids</c> column, unparsable
/// text included, is <c>invalid-shape</c> at <c>goal_ids</c>. Escaped unpaired surrogates
/// (<c>"\ud800"</c>, which Python writes) become U+FFFD, as a UTF-8 column would store them; an
/// unpaired surrogate character in the text itself is <c>invalid-json</c>. <c>invalid-json</c>
/// gives the line and byte (both from 1) of the first syntax error; nesting deeper than
/// <see cref="LegacyConverterOptions.MaxDepth"/> is <c>too-large</c>, and so are documents over
/// <see cref="LegacyConverterOptions.MaxDocumentBytes"/> and programs over
/// <see cref="LegacyConverterOptions.MaxProgramDays"/> days or
/// <see cref="LegacyConverterOptions.MaxProgramSessions"/> sessions, all checked before any row is
/// made. The converter holds no state besides its options: one instance may convert on many threads.
/// </para>
/// <para>
/// The entities form a graph (<see cref="ProgramBlock.Days"/>, <see cref="ProgramBlock.GoalLinks"/>,
/// <see cref="ProgramDay.Sessions"/>) and the flat lists of <see cref="ProgramConversion"/> hold the
/// same instances. Diagnostic paths follow the rule of <see cref="LegacyDiagnostic.Path"/>.
/// </para>
/// </remarks>
public sealed class LegacyConverter
{
    /// <summary>The converter's version, recorded by the migration ledger; raised whenever its output changes.</summary>
    /// <remarks>1: version-5 (SHA-1) ids for every block, day and session. 2: the ordered version-8 ids of <see cref="DeterministicIds"/>.</remarks>
    public static string Version => "2";

    private readonly LegacyConverterOptions _options;

    /// <summary>Creates a converter.</summary>
    /// <param name="options">Its limits, copied now (later changes to the object do not affect it); <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public LegacyConverter(LegacyConverterOptions? options = null)
    {
        options ??= new LegacyConverterOptions();
        _options = new LegacyConverterOptions
        {
            MaxBlockDays = Positive(options.MaxBlockDays, nameof(options.MaxBlockDays)),
            MaxDocumentBytes = Positive(options.MaxDocumentBytes, nameof(options.MaxDocumentBytes)),
            MaxDepth = Positive(options.MaxDepth, nameof(options.MaxDepth)),
            MaxProgramDays = Positive(options.MaxProgramDays, nameof(options.MaxProgramDays)),
            MaxProgramSessions = Positive(options.MaxProgramSessions, nameof(options.MaxProgramSessions)),
            MaxDiagnosticsPerCode = Positive(options.MaxDiagnosticsPerCode, nameof(options.MaxDiagnosticsPerCode)),
        };

        static int Positive(int value, string name) =>
            value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(options), value, $"{name} must be positive.");
    }

    /// <summary>Converts one row. Never throws for bad data: problems become diagnostics.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The entities and diagnostics; no entities when there is an error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or its id is null.</exception>
    public ProgramConversion Convert(LegacyProgramRow row)
    {
        var (programGoalIds, blocks, totalDays, diagnostics) = Read(row);
        if (diagnostics.HasErrors)
        {
            return new ProgramConversion(row.Id, [], [], [], [], [], diagnostics.ToList());
        }

        return Materialize(row.Id, programGoalIds, blocks, totalDays, diagnostics.ToList());
    }

    /// <summary>
    /// Reads and checks one row without making its rows: the diagnostics <see cref="Convert"/> would
    /// give, at a fraction of the cost (no ids, no entities). Used by the tests and the benchmarks to measure the reading alone.
    /// </summary>
    /// <param name="row">The row.</param>
    /// <returns>The diagnostics.</returns>
    internal IReadOnlyList<LegacyDiagnostic> Diagnose(LegacyProgramRow row) => Read(row).Diagnostics.ToList();

    private (List<string> ProgramGoalIds, List<LegacyBlock> Blocks, int TotalDays, LegacyDiagnostics Diagnostics) Read(LegacyProgramRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(row.Id);
        var diagnostics = new LegacyDiagnostics(_options.MaxDiagnosticsPerCode);
        var reader = new LegacyScheduleReader(_options, diagnostics);

        var programGoalIds = ReadProgramGoalIds(row.GoalIds, reader);
        var startInvalid = !ReadColumnDate(row.StartDate, "start_date", reader, out var programStart);
        var endInvalid = !ReadColumnDate(row.EndDate, "end_date", reader, out var programEnd);
        var blocks = reader.Read(row.WeeklySchedule, programStart, programEnd, startInvalid || endInvalid);

        long totalDays = 0;
        foreach (var block in blocks)
        {
            totalDays += block.DatesValid ? Period.DaysBetween(block.Start, block.End) + 1 : 0;
        }

        if (totalDays > _options.MaxProgramDays)
        {
            diagnostics.Error(DiagnosticCodes.TooLarge, LegacyJsonPath.Root, string.Create(CultureInfo.InvariantCulture, $"The program's blocks hold {totalDays} days in all; the limit is {_options.MaxProgramDays}."));
        }
        else if (!diagnostics.HasErrors && BusiestDay(blocks) > DeterministicIds.MaxPosition + 1)
        {
            // A session's position is a field of its id: a day can hold no more sessions than it counts.
            diagnostics.Error(DiagnosticCodes.TooLarge, LegacyJsonPath.Root, string.Create(CultureInfo.InvariantCulture, $"A day of the program lists {BusiestDay(blocks)} sessions; the limit is {DeterministicIds.MaxPosition + 1} a day."));
        }
        else if (!diagnostics.HasErrors && SessionBound(blocks) > _options.MaxProgramSessions)
        {
            // The cheap bound says it might be too many: count exactly, walking the dates without making anything.
            long totalSessions = 0;
            foreach (var block in blocks)
            {
                block.Schedule = new BlockSchedule(block.Start, block.End, block.Pattern, block.Overrides);
                foreach (var day in ScheduleExpansion.Expand(block.Schedule, _options.MaxBlockDays))
                {
                    totalSessions += day.Sessions.Count;
                }
            }

            if (totalSessions > _options.MaxProgramSessions)
            {
                diagnostics.Error(DiagnosticCodes.TooLarge, LegacyJsonPath.Root, string.Create(CultureInfo.InvariantCulture, $"The program would produce {totalSessions} sessions; the limit is {_options.MaxProgramSessions}."));
            }
        }

        return (programGoalIds, blocks, (int)Math.Min(totalDays, int.MaxValue), diagnostics);
    }

    /// <summary>An upper bound of the program's sessions: each block's days times its busiest day.</summary>
    private static long SessionBound(List<LegacyBlock> blocks)
    {
        long bound = 0;
        foreach (var block in blocks)
        {
            bound += ((long)Period.DaysBetween(block.Start, block.End) + 1) * Busiest(block);
        }

        return bound;
    }

    /// <summary>The most sessions any day of the program's patterns and overrides lists.</summary>
    private static int BusiestDay(List<LegacyBlock> blocks)
    {
        var busiest = 0;
        foreach (var block in blocks)
        {
            busiest = Math.Max(busiest, Busiest(block));
        }

        return busiest;
    }

    private static int Busiest(LegacyBlock block)
    {
        var busiest = 0;
        var weeks = block.Pattern switch
        {
            WeeklyPattern week => [week],
            RotatingWeeksPattern rotation => rotation.Weeks,
            _ => (IReadOnlyList<WeeklyPattern>)[],
        };
        foreach (var week in weeks)
        {
            for (var weekday = IsoDayOfWeek.Monday; weekday <= IsoDayOfWeek.Sunday; weekday++)
            {
                busiest = Math.Max(busiest, week[weekday].Count);
            }
        }

        foreach (var dayOverride in block.Overrides)
        {
            busiest = Math.Max(busiest, dayOverride.Sessions.Count);
        }

        return busiest;
    }

    private ProgramConversion Materialize(string programId, IReadOnlyList<string> programGoalIds, List<LegacyBlock> blocks, int totalDays, IReadOnlyList<LegacyDiagnostic> diagnostics)
    {
        var blockEntities = new List<ProgramBlock>(blocks.Count);
        var days = new List<ProgramDay>(totalDays);
        var sessions = new List<ScheduledSession>();
        var blockGoals = new List<BlockGoal>();
        foreach (var block in blocks)
        {
            var blockId = DeterministicIds.ForBlock(programId, block.Key);
            var entity = new ProgramBlock
            {
                Id = blockId,
                ProgramId = programId,
                LegacyId = block.LegacyId,
                Position = block.Position,
                Name = block.Name,
                StartDate = block.Start,
                EndDate = block.End,
                Color = block.Color,
            };
            blockEntities.Add(entity);
            foreach (var goalId in block.GoalIds)
            {
                var link = new BlockGoal { BlockId = blockId, GoalId = goalId };
                blockGoals.Add(link);
                entity.GoalLinks.Add(link);
            }

            var schedule = block.Schedule ?? new BlockSchedule(block.Start, block.End, block.Pattern, block.Overrides);
            foreach (var day in ScheduleExpansion.Materialize(blockId, schedule, _options.MaxBlockDays))
            {
                days.Add(day);
                entity.Days.Add(day);
                sessions.AddRange(day.Sessions);
            }
        }

        return new ProgramConversion(programId, programGoalIds, blockEntities, days, sessions, blockGoals, diagnostics);
    }

    private static bool ReadColumnDate(string? text, string column, LegacyScheduleReader reader, out LocalDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!reader.ReadDate(text, LegacyJsonPath.Column(column), $"The program's {column}", out var value))
        {
            return false;
        }

        date = value;
        return true;
    }

    private static List<string> ReadProgramGoalIds(string? text, LegacyScheduleReader reader)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var path = LegacyJsonPath.Column("goal_ids");
        if (!reader.FitsSize(text, path, "goal_ids"))
        {
            return [];
        }

        // docs/legacy-format.md: a goal_ids column that is not a JSON list of strings is invalid-shape at goal_ids.
        var document = reader.Parse(text, path, "goal_ids", DiagnosticCodes.InvalidShape);
        if (document is null)
        {
            return [];
        }

        using (document)
        {
            var ids = new List<string>();
            reader.ReadGoalList(document.RootElement, path, ids, itemPaths: false);
            return ids;
        }
    }
}
