using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// What a reschedule does to one block's days and sessions: what <c>PlanningService.RescheduleBlockAsync</c>
/// and the shifts applied, or what <c>PlanningService.PreviewRescheduleAsync</c> would apply.
/// </summary>
/// <remarks>
/// Logged work (a completed session, a session with notes or completion data, a day with a name, notes
/// or readiness) never appears among the removals unless a conflict resolution asked for it.
/// </remarks>
public sealed class RescheduleChangeSet
{
    internal RescheduleChangeSet(
        string blockId,
        (LocalDate Start, LocalDate End) before,
        (LocalDate Start, LocalDate End) after,
        IReadOnlyList<DayAddition> addedDays,
        IReadOnlyList<DayAnnotation> annotatedDays,
        IReadOnlyList<DayRemoval> removedDays,
        IReadOnlyList<SessionAddition> addedSessions,
        IReadOnlyList<SessionMove> movedSessions,
        IReadOnlyList<SessionRemoval> removedSessions,
        IReadOnlyList<RescheduleConflict> conflicts)
    {
        BlockId = blockId;
        (PreviousStart, PreviousEnd) = before;
        (Start, End) = after;
        AddedDays = addedDays;
        AnnotatedDays = annotatedDays;
        RemovedDays = removedDays;
        AddedSessions = addedSessions;
        MovedSessions = movedSessions;
        RemovedSessions = removedSessions;
        Conflicts = conflicts;
    }

    /// <summary>The block's id.</summary>
    public string BlockId { get; }

    /// <summary>The block's first date before the change.</summary>
    public LocalDate PreviousStart { get; }

    /// <summary>The block's last date before the change.</summary>
    public LocalDate PreviousEnd { get; }

    /// <summary>The block's first date after the change.</summary>
    public LocalDate Start { get; }

    /// <summary>The block's last date after the change.</summary>
    public LocalDate End { get; }

    /// <summary>Days created for dates that had none, by date.</summary>
    public IReadOnlyList<DayAddition> AddedDays { get; }

    /// <summary>Existing days that get a name, notes or readiness from the new schedule's overrides where they had none.</summary>
    public IReadOnlyList<DayAnnotation> AnnotatedDays { get; }

    /// <summary>Days deleted (outside the new dates, with nothing logged, or deleted on request), by date.</summary>
    public IReadOnlyList<DayRemoval> RemovedDays { get; }

    /// <summary>Sessions created, by date and position.</summary>
    public IReadOnlyList<SessionAddition> AddedSessions { get; }

    /// <summary>Sessions that change day or position, keeping their ids.</summary>
    public IReadOnlyList<SessionMove> MovedSessions { get; }

    /// <summary>Sessions deleted.</summary>
    public IReadOnlyList<SessionRemoval> RemovedSessions { get; }

    /// <summary>Logged work the change would otherwise move or remove, with what this change set does with each.</summary>
    public IReadOnlyList<RescheduleConflict> Conflicts { get; }

    /// <summary>Whether applying the change set changes nothing (conflicts that are kept change nothing).</summary>
    public bool IsEmpty =>
        PreviousStart == Start && PreviousEnd == End && AddedDays.Count == 0 && AnnotatedDays.Count == 0 && RemovedDays.Count == 0
        && AddedSessions.Count == 0 && MovedSessions.Count == 0 && RemovedSessions.Count == 0;
}

/// <summary>A day created by a reschedule.</summary>
/// <param name="DayId">The new day's id.</param>
/// <param name="Date">Its date.</param>
/// <param name="Name">Its name, from the new schedule's override.</param>
/// <param name="Notes">Its notes, from the new schedule's override.</param>
/// <param name="Readiness">Its readiness, from the new schedule's override.</param>
public sealed record DayAddition(string DayId, LocalDate Date, string? Name, string? Notes, int? Readiness);

/// <summary>An existing day whose empty name, notes or readiness the new schedule fills; values it had stay.</summary>
/// <param name="DayId">The day's id.</param>
/// <param name="Date">Its date.</param>
/// <param name="Name">Its name after the change.</param>
/// <param name="Notes">Its notes after the change.</param>
/// <param name="Readiness">Its readiness after the change.</param>
public sealed record DayAnnotation(string DayId, LocalDate Date, string? Name, string? Notes, int? Readiness);

/// <summary>A day deleted by a reschedule.</summary>
/// <param name="DayId">The day's id.</param>
/// <param name="Date">Its date.</param>
public sealed record DayRemoval(string DayId, LocalDate Date);

/// <summary>A session created by a reschedule.</summary>
/// <param name="SessionId">The new session's id: deterministic, and unique among the block's sessions, kept or deleted.</param>
/// <param name="DayId">The id of its day (possibly a day added by the same change set).</param>
/// <param name="Date">Its date.</param>
/// <param name="Position">Its position within the day.</param>
/// <param name="Session">What it plans.</param>
public sealed record SessionAddition(string SessionId, string DayId, LocalDate Date, int Position, PlannedSession Session);

/// <summary>A session that changes day or position, keeping its id.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="FromDayId">The id of its day before.</param>
/// <param name="FromDate">Its date before.</param>
/// <param name="FromPosition">Its position before.</param>
/// <param name="ToDayId">The id of its day after.</param>
/// <param name="ToDate">Its date after.</param>
/// <param name="ToPosition">Its position after.</param>
public sealed record SessionMove(string SessionId, string FromDayId, LocalDate FromDate, int FromPosition, string ToDayId, LocalDate ToDate, int ToPosition);

/// <summary>A session deleted by a reschedule.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="DayId">The id of its day.</param>
/// <param name="Date">Its date.</param>
/// <param name="Position">Its position.</param>
/// <param name="IsLogged">Whether it held logged work (deleted only on an explicit <see cref="ConflictResolution.Delete"/>).</param>
public sealed record SessionRemoval(string SessionId, string DayId, LocalDate Date, int Position, bool IsLogged);

/// <summary>What a conflict is about.</summary>
public enum ConflictSubject
{
    /// <summary>A session with logged work: completed, or with notes or completion data.</summary>
    Session,

    /// <summary>A day with a name, notes or readiness, outside the block's new dates.</summary>
    Day,
}

/// <summary>
/// Logged work that the change would otherwise move or remove. The change set never deletes it on its
/// own: it says what it does (<see cref="Resolution"/>), as the caller's <see cref="RescheduleOptions"/> asked.
/// </summary>
/// <param name="Subject">Whether a session or a day.</param>
/// <param name="Id">The session's or the day's id: the key of <see cref="RescheduleOptions.Resolutions"/>.</param>
/// <param name="Date">Its date.</param>
/// <param name="Reason">Why it conflicts, in words.</param>
/// <param name="SuggestedDate">Where the planned work around it goes (its date shifted like the block), when that date lies within the new dates; where <see cref="ConflictResolution.Move"/> puts a session.</param>
/// <param name="Resolution">What this change set does with it.</param>
public sealed record RescheduleConflict(ConflictSubject Subject, string Id, LocalDate Date, string Reason, LocalDate? SuggestedDate, ConflictResolution Resolution);
