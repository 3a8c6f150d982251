using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>What an override does to its date's sessions.</summary>
public enum DayOverrideKind
{
    /// <summary>Keeps the pattern's sessions; only adds a name, notes or readiness to the day.</summary>
    Annotate,

    /// <summary>Replaces the pattern's sessions with the override's.</summary>
    Replace,

    /// <summary>Makes the date a rest day: no sessions, whatever the pattern says.</summary>
    Rest,
}

/// <summary>A per-date override on top of any pattern.</summary>
public sealed record DayOverride
{
    /// <summary>Creates an override.</summary>
    /// <param name="date">The date it applies to.</param>
    /// <param name="kind">What it does to the date's sessions.</param>
    /// <param name="sessions">The sessions, for <see cref="DayOverrideKind.Replace"/>.</param>
    public DayOverride(LocalDate date, DayOverrideKind kind, IReadOnlyList<PlannedSession>? sessions = null)
    {
        Date = date;
        Kind = kind;
        Sessions = kind == DayOverrideKind.Replace ? (sessions ?? Array.Empty<PlannedSession>()).ToArray() : Array.Empty<PlannedSession>();
    }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>What the override does to the date's sessions.</summary>
    public DayOverrideKind Kind { get; }

    /// <summary>The date's sessions, for <see cref="DayOverrideKind.Replace"/>; empty otherwise.</summary>
    public IReadOnlyList<PlannedSession> Sessions { get; }

    /// <summary>The day's name.</summary>
    public string? Name { get; init; }

    /// <summary>The day's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The day's morning readiness, 1 to 10.</summary>
    public int? Readiness { get; init; }
}
