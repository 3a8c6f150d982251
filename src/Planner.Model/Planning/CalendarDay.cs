using NodaTime;

namespace Planner.Model.Planning;

/// <summary>A day of a program's calendar, with its sessions in position order. A read-only snapshot, not a tracked entity.</summary>
/// <param name="Id">The day's id.</param>
/// <param name="BlockId">The id of the block the day belongs to.</param>
/// <param name="Date">The date.</param>
/// <param name="Name">The day's name, if any.</param>
/// <param name="Notes">The day's notes, if any.</param>
/// <param name="Readiness">The morning readiness (1 to 10), if given.</param>
/// <param name="ConcurrencyStamp">The day's concurrency stamp: pass it back to a write of this day (an ETag) to detect stale edits.</param>
/// <param name="Sessions">The day's sessions, in position order; empty for a rest day.</param>
public sealed record CalendarDay(
    string Id,
    string BlockId,
    LocalDate Date,
    string? Name,
    string? Notes,
    int? Readiness,
    string ConcurrencyStamp,
    IReadOnlyList<CalendarSession> Sessions);

/// <summary>A session of a calendar day, with its template's name. A read-only snapshot, not a tracked entity.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="Position">Its place within the day (0, 1, ...).</param>
/// <param name="Slot">The slot label (<c>am</c>, <c>pm</c>), if any.</param>
/// <param name="Notes">The session's notes, if any.</param>
/// <param name="IsCompleted">Whether the athlete completed it.</param>
/// <param name="Completion">What the athlete logged (RPE, duration, distance and any other field), parsed; <see langword="null"/> when nothing was logged.</param>
/// <param name="ConcurrencyStamp">The session's concurrency stamp: pass it back to a write of this session to detect stale edits.</param>
/// <param name="TemplateId">The id of the session's template.</param>
/// <param name="TemplateName">The template's name.</param>
public sealed record CalendarSession(
    string Id,
    int Position,
    string? Slot,
    string? Notes,
    bool IsCompleted,
    SessionCompletion? Completion,
    string ConcurrencyStamp,
    string TemplateId,
    string TemplateName);

/// <summary>The days of a program between two dates (inclusive), in date order: only dates that have a day row appear in <see cref="Days"/>.</summary>
/// <param name="From">The first date of the window.</param>
/// <param name="To">The last date of the window (inclusive).</param>
/// <param name="Days">The days in the window, in date order (then block position) with their sessions.</param>
public sealed record CalendarWindow(LocalDate From, LocalDate To, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>
    /// Every date of the window, in order, each with its days: none for a date without a day row (before,
    /// between or after the blocks), one otherwise (two only where legacy blocks overlap). Filled when the
    /// read was asked for it with <see cref="CalendarGaps.Fill"/>; <see langword="null"/> otherwise.
    /// </summary>
    public IReadOnlyList<CalendarDate>? Dates { get; init; }
}

/// <summary>One date of a <see cref="CalendarWindow"/>, with or without a day row.</summary>
/// <param name="Date">The date.</param>
/// <param name="Days">Its days (the same records as in <see cref="CalendarWindow.Days"/>); empty for a date without a row.</param>
public sealed record CalendarDate(LocalDate Date, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>Whether the date has no day row (no block of the program has it).</summary>
    public bool IsGap => Days.Count == 0;
}

/// <summary>Whether a calendar read also lists the dates without a day row.</summary>
public enum CalendarGaps
{
    /// <summary>Only the dates with a day row (<see cref="CalendarWindow.Dates"/> is <see langword="null"/>).</summary>
    Omit,

    /// <summary>Every date of the window in <see cref="CalendarWindow.Dates"/>, so a chart needs no gap-filling.</summary>
    Fill,
}

/// <summary>Which programs work towards a goal, for <see cref="PlanningService.ProgramsByGoalAsync"/>.</summary>
public enum GoalScope
{
    /// <summary>The programs linked to the goal themselves.</summary>
    Program,

    /// <summary>Those, and the programs with a block linked to the goal.</summary>
    ProgramOrBlocks,
}

/// <summary>A block, as listed by goal.</summary>
/// <param name="Id">The block's id.</param>
/// <param name="ProgramId">The id of its program.</param>
/// <param name="Position">Its place among its program's blocks.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartDate">Its first date.</param>
/// <param name="EndDate">Its last date (inclusive).</param>
/// <param name="Color">Its display colour, if any.</param>
public sealed record BlockSummary(string Id, string ProgramId, int Position, string Name, LocalDate StartDate, LocalDate EndDate, string? Color);

/// <summary>A program, as listed by goal or created.</summary>
/// <param name="Id">The program's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartDate">Its first date, if it has one.</param>
/// <param name="EndDate">Its last date, if it has one.</param>
public sealed record ProgramSummary(string Id, string Name, LocalDate? StartDate, LocalDate? EndDate);
