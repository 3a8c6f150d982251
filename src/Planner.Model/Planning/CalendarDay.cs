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
