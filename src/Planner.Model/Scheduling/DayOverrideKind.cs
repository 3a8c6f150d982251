namespace Planner.Model.Scheduling;

/// <summary>What an override does to its date's sessions.</summary>
public enum DayOverrideKind
{
    /// <summary>Keeps the pattern's sessions; only adds a name, notes or readiness to the day.</summary>
    Annotate,

    /// <summary>Replaces the pattern's sessions with the override's (an empty list makes a rest day too).</summary>
    Replace,

    /// <summary>Makes the date a rest day: no sessions, whatever the pattern says.</summary>
    Rest,
}
