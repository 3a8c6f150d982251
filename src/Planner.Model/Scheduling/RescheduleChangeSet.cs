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
