namespace Planner.Model.Planning;

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
