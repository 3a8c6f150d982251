namespace Planner.Model.Scheduling;

/// <summary>What a conflict is about.</summary>
public enum ConflictSubject
{
    /// <summary>A session with logged work: completed, or with notes or completion data.</summary>
    Session,

    /// <summary>A day with a name, notes or readiness, outside the block's new dates.</summary>
    Day,
}
