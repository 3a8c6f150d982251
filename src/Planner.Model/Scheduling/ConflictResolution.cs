namespace Planner.Model.Scheduling;

/// <summary>What to do with logged work that a reschedule would otherwise move or remove.</summary>
public enum ConflictResolution
{
    /// <summary>Leave it where it is: on its date, at its position (the default).</summary>
    Keep,

    /// <summary>
    /// Move a session along with the planned work, to its conflict's
    /// <see cref="RescheduleConflict.SuggestedDate"/>; without a suggested date it is kept. Days are
    /// never moved: their name, notes and readiness describe their date.
    /// </summary>
    Move,

    /// <summary>Delete it. Only ever done on this explicit request; a day is deleted only when none of its sessions stay.</summary>
    Delete,
}
