using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;

namespace Planner.Cli;

/// <summary>
/// One line of <c>planner convert</c>: a program's converted form, keys and order as docs/legacy-format.md
/// specifies them (<c>program_id</c>, <c>program_goal_ids</c>, <c>blocks</c>, <c>days</c>, <c>sessions</c>,
/// <c>diagnostics</c>).
/// </summary>
internal sealed record ConvertedProgram(
    string ProgramId,
    IReadOnlyList<string> ProgramGoalIds,
    IReadOnlyList<ConvertedBlock> Blocks,
    IReadOnlyList<ConvertedDay> Days,
    IReadOnlyList<ConvertedSession> Sessions,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>The converted form of <paramref name="conversion"/>.</summary>
    /// <param name="conversion">The program's conversion.</param>
    /// <param name="extraKeys">Keys of the row object beyond the table's columns: listed first as <c>unknown-field</c> warnings, so nothing is dropped unseen.</param>
    public static ConvertedProgram From(ProgramConversion conversion, IReadOnlyList<string>? extraKeys = null)
    {
        var rowDiagnostics = (extraKeys ?? []).Select(key => new LegacyDiagnostic(
            DiagnosticSeverity.Warning,
            DiagnosticCodes.UnknownField,
            key,
            $"The row's key '{key}' is not a column of the programs table (id, name, start_date, end_date, goal_ids, weekly_schedule); it was not read."));
        return new ConvertedProgram(
            conversion.ProgramId,
            conversion.ProgramGoalIds,
            [.. conversion.Blocks.Select(block => new ConvertedBlock(
                block.Id, block.LegacyId, block.ProgramId, block.Name, IsoDate(block.StartDate), IsoDate(block.EndDate), block.Color,
                [.. block.GoalLinks.Select(link => link.GoalId)]))],
            [.. conversion.Days.Select(day => new ConvertedDay(day.Id, day.BlockId, IsoDate(day.Date), day.Name, day.Notes, day.Readiness))],
            [.. conversion.Sessions.Select(session => new ConvertedSession(
                session.Id, session.DayId, session.SessionTemplateId, session.Position, session.Slot, session.Notes, session.IsCompleted,
                session.CompletionData is { } data ? JsonElement.Parse(data) : null))],
            [.. rowDiagnostics.Concat(conversion.Diagnostics).Select(DiagnosticJson.From)]);
    }

    private static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

/// <summary>A <c>program_blocks</c> row, with its block's goal ids.</summary>
internal sealed record ConvertedBlock(
    string Id, string? LegacyId, string ProgramId, string Name, string StartDate, string EndDate, string? Color, IReadOnlyList<string> GoalIds);

/// <summary>A <c>program_days</c> row.</summary>
internal sealed record ConvertedDay(string Id, string BlockId, string Date, string? Name, string? Notes, int? Readiness);

/// <summary>
/// A <c>scheduled_sessions</c> row. <see cref="CompletionData"/> is the column's JSON itself, written compactly,
/// so each result stays on one line.
/// </summary>
internal sealed record ConvertedSession(
    string Id, string DayId, string SessionTemplateId, int Position, string? Slot, string? Notes, bool IsCompleted, JsonElement? CompletionData);
