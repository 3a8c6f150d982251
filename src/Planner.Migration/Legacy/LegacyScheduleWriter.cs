using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using Planner.Model;

namespace Planner.Migration.Legacy;

/// <summary>
/// Writes entities back to the legacy columns, so a host can keep the old <c>weekly_schedule</c> and
/// <c>goal_ids</c> columns current during the transition (old readers keep working) and can roll back.
/// </summary>
/// <remarks>
/// <para>
/// The document is shape B, version 2: one block per <see cref="ProgramBlock"/> in
/// <see cref="ProgramBlock.Position"/> order, with its legacy <c>id</c> (when it has one), name, dates,
/// colour and goal ids, and a <c>days</c> entry for every day that has sessions, a name, notes or a
/// readiness. No weekday pattern is written: every session is spelled out on its date, so the
/// document says exactly what the rows say.
/// </para>
/// <para>
/// Round trip: <see cref="LegacyConverter.Convert"/> of the written document gives the same
/// entities, ids included, when the blocks' ids follow the converter's rule (derived from the
/// program id and the legacy id or position), block positions are 0, 1, ... and session positions
/// within a day are 0, 1, ...; this holds for everything the converter produced.
/// </para>
/// <para>
/// A day outside its block's dates is one a reschedule or shift of the block kept on its date because
/// it holds logged work. The legacy format has no place for it (its converter calls such an entry
/// <c>day-outside-block</c>), so such days are written, after every block, as a block of their own
/// named "&lt;block name&gt; (logged work kept on its dates)" spanning them (one before the block's
/// dates, one after): old readers still show the work on the date it was done, and the document
/// converts without errors (into one more block than the rows have).
/// </para>
/// </remarks>
public static class LegacyScheduleWriter
{
    /// <summary>What the name of a block written for kept days ends with (see the remarks).</summary>
    internal const string KeptBlockSuffix = "(logged work kept on its dates)";

    /// <summary>Writes a conversion's blocks, days, sessions and block goals as a <c>weekly_schedule</c> document.</summary>
    /// <param name="conversion">A conversion without errors.</param>
    /// <returns>The document text.</returns>
    /// <exception cref="ArgumentException">See <see cref="Write(IEnumerable{ProgramBlock}, IEnumerable{ProgramDay}, IEnumerable{ScheduledSession}, IEnumerable{BlockGoal})"/>.</exception>
    public static string Write(ProgramConversion conversion)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        return Write(conversion.Blocks, conversion.Days, conversion.Sessions, conversion.BlockGoals);
    }

    /// <summary>Writes one program's blocks, days, sessions and block goal links as a <c>weekly_schedule</c> document.</summary>
    /// <param name="blocks">The program's blocks.</param>
    /// <param name="days">Their days (matched by <see cref="ProgramDay.BlockId"/>).</param>
    /// <param name="sessions">The days' sessions (matched by <see cref="ScheduledSession.DayId"/>).</param>
    /// <param name="blockGoals">The blocks' goal links (matched by <see cref="BlockGoal.BlockId"/>).</param>
    /// <returns>The document text (compact JSON).</returns>
    /// <exception cref="ArgumentException">
    /// The rows cannot be written faithfully: a block without a name or ending before it starts, a day
    /// of no given block, two days of one block on one date, a session of no given day, a readiness
    /// outside 1..10, or completion data that is not a JSON object.
    /// </exception>
    public static string Write(IEnumerable<ProgramBlock> blocks, IEnumerable<ProgramDay> days, IEnumerable<ScheduledSession> sessions, IEnumerable<BlockGoal> blockGoals)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(blockGoals);

        var orderedBlocks = blocks.OrderBy(b => b.Position).ToList();
        var blockIds = orderedBlocks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var daysByBlock = new Dictionary<string, List<ProgramDay>>(StringComparer.Ordinal);
        var dayIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            if (!blockIds.Contains(day.BlockId))
            {
                throw new ArgumentException($"The day {day.Id} belongs to the block {day.BlockId}, which is not among the blocks.", nameof(days));
            }

            dayIds.Add(day.Id);
            if (!daysByBlock.TryGetValue(day.BlockId, out var list))
            {
                daysByBlock[day.BlockId] = list = [];
            }

            list.Add(day);
        }

        var sessionsByDay = new Dictionary<string, List<ScheduledSession>>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (!dayIds.Contains(session.DayId))
            {
                throw new ArgumentException($"The session {session.Id} belongs to the day {session.DayId}, which is not among the days.", nameof(sessions));
            }

            if (!sessionsByDay.TryGetValue(session.DayId, out var list))
            {
                sessionsByDay[session.DayId] = list = [];
            }

            list.Add(session);
        }

        // A block's goal links have no order in the tables: written sorted, so the same rows always give the same text.
        var goalsByBlock = blockGoals.GroupBy(g => g.BlockId, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => g.Select(l => l.GoalId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 2);
            writer.WriteStartArray("blocks");
            var kept = new List<(ProgramBlock Block, List<ProgramDay> Days)>();
            foreach (var block in orderedBlocks)
            {
                var blockDays = daysByBlock.GetValueOrDefault(block.Id) ?? [];
                CheckBlock(block);
                var outside = blockDays.Where(d => d.Date < block.StartDate || d.Date > block.EndDate).ToList();
                WriteBlock(writer, block, blockDays.Except(outside).ToList(), sessionsByDay, goalsByBlock.GetValueOrDefault(block.Id));
                kept.AddRange(outside.OrderBy(d => d.Date).GroupBy(d => d.Date < block.StartDate).Select(g => (block, g.ToList())));
            }

            // Last, so the blocks above keep their positions (and the ids derived from them).
            foreach (var (block, keptDays) in kept)
            {
                WriteKeptBlock(writer, block, keptDays, sessionsByDay);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes program goal ids as the legacy <c>goal_ids</c> column's text.</summary>
    /// <param name="goalIds">The goal ids, in order.</param>
    /// <returns>A JSON list of strings, such as <c>["g-1","g-2"]</c>.</returns>
    /// <remarks>
    /// The same text as the planning API's dual writes put in <c>programs.goal_ids</c> (a test holds the two
    /// to it): compact JSON, written with <see cref="Utf8JsonWriter"/>'s default escaping.
    /// </remarks>
    public static string WriteGoalIds(IEnumerable<string> goalIds)
    {
        ArgumentNullException.ThrowIfNull(goalIds);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in goalIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void CheckBlock(ProgramBlock block)
    {
        if (string.IsNullOrEmpty(block.Name))
        {
            throw new ArgumentException($"The block {block.Id} has no name; the legacy format needs one.", nameof(block));
        }

        if (block.EndDate < block.StartDate)
        {
            throw new ArgumentException($"The block {block.Id} ends before it starts.", nameof(block));
        }
    }

    private static void WriteBlock(Utf8JsonWriter writer, ProgramBlock block, List<ProgramDay> days, Dictionary<string, List<ScheduledSession>> sessionsByDay, List<string>? goalIds)
    {
        writer.WriteStartObject();
        if (block.LegacyId is not null)
        {
            writer.WriteString("id", block.LegacyId);
        }

        writer.WriteString("name", block.Name);
        writer.WriteString("start_date", LegacyDates.Format(block.StartDate));
        writer.WriteString("end_date", LegacyDates.Format(block.EndDate));
        if (block.Color is not null)
        {
            writer.WriteString("color", block.Color);
        }

        if (goalIds is { Count: > 0 })
        {
            writer.WriteStartArray("goal_ids");
            foreach (var goalId in goalIds)
            {
                writer.WriteStringValue(goalId);
            }

            writer.WriteEndArray();
        }

        WriteDays(writer, block, days, sessionsByDay);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Days a reschedule or shift kept on their dates outside their block's new dates (logged work), as
    /// a block of their own spanning them: the legacy format holds no day outside its block.
    /// </summary>
    private static void WriteKeptBlock(Utf8JsonWriter writer, ProgramBlock block, List<ProgramDay> days, Dictionary<string, List<ScheduledSession>> sessionsByDay)
    {
        var withContent = days.Where(d => HasContent(d, sessionsByDay.GetValueOrDefault(d.Id))).ToList();
        if (withContent.Count == 0)
        {
            return; // plain rest days: nothing an old reader would show
        }

        writer.WriteStartObject();
        writer.WriteString("name", $"{block.Name} {KeptBlockSuffix}");
        writer.WriteString("start_date", LegacyDates.Format(withContent.Min(d => d.Date)));
        writer.WriteString("end_date", LegacyDates.Format(withContent.Max(d => d.Date)));
        WriteDays(writer, block, withContent, sessionsByDay);
        writer.WriteEndObject();
    }

    private static bool HasContent(ProgramDay day, List<ScheduledSession>? sessions) =>
        day.Name is not null || day.Notes is not null || day.Readiness is not null || sessions is { Count: > 0 };

    private static void WriteDays(Utf8JsonWriter writer, ProgramBlock block, List<ProgramDay> days, Dictionary<string, List<ScheduledSession>> sessionsByDay)
    {
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        var wroteDays = false;
        LocalDate? previous = null;
        foreach (var day in days)
        {
            if (previous == day.Date)
            {
                throw new ArgumentException($"The block {block.Id} has two days on {LegacyDates.Format(day.Date)}.", nameof(days));
            }

            previous = day.Date;
            var daySessions = sessionsByDay.GetValueOrDefault(day.Id);
            if (!HasContent(day, daySessions))
            {
                continue; // a plain rest day: no entry needed, there is no weekday pattern
            }

            if (!wroteDays)
            {
                writer.WriteStartObject("days");
                wroteDays = true;
            }

            WriteDay(writer, day, daySessions);
        }

        if (wroteDays)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteDay(Utf8JsonWriter writer, ProgramDay day, List<ScheduledSession>? sessions)
    {
        writer.WriteStartObject(LegacyDates.Format(day.Date));
        if (day.Name is not null)
        {
            writer.WriteString("name", day.Name);
        }

        if (day.Notes is not null)
        {
            writer.WriteString("notes", day.Notes);
        }

        if (day.Readiness is { } readiness)
        {
            if (readiness is < 1 or > 10)
            {
                throw new ArgumentException($"The day {day.Id} has readiness {readiness}; the legacy format holds 1 to 10.", nameof(day));
            }

            writer.WriteNumber("readiness", readiness);
        }

        if (sessions is { Count: > 0 })
        {
            sessions.Sort((a, b) => a.Position.CompareTo(b.Position));
            writer.WriteStartArray("sessions");
            foreach (var session in sessions)
            {
                WriteSession(writer, session);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter writer, ScheduledSession session)
    {
        if (string.IsNullOrEmpty(session.SessionTemplateId))
        {
            throw new ArgumentException($"The session {session.Id} has no template id.", nameof(session));
        }

        if (session.Slot is null && session.Notes is null && !session.IsCompleted && session.CompletionData is null)
        {
            writer.WriteStringValue(session.SessionTemplateId); // the oldest spelling, which every reader knows
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("template_id", session.SessionTemplateId);
        if (session.Slot is not null)
        {
            writer.WriteString("slot", session.Slot);
        }

        if (session.Notes is not null)
        {
            writer.WriteString("notes", session.Notes);
        }

        if (session.IsCompleted)
        {
            writer.WriteBoolean("completed", true);
        }

        if (session.CompletionData is { } data)
        {
            if (!data.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The session {session.Id} has completion data that is not a JSON object.", nameof(session));
            }

            writer.WritePropertyName("completion_data");
            try
            {
                // As it is, byte for byte, so converting again gives the same text.
                writer.WriteRawValue(data);
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"The session {session.Id} has completion data that is not valid JSON.", nameof(session), ex);
            }
        }

        writer.WriteEndObject();
    }
}
