using NodaTime;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Scheduling;

/// <summary>
/// A per-date override on top of any pattern: a legacy <c>days</c> entry. Whatever its kind, it may
/// give the day a name, notes and readiness.
/// </summary>
public sealed record DayOverride
{
    private readonly PlannedSession[] _sessions;

    /// <summary>Creates an override.</summary>
    /// <param name="date">The date it applies to.</param>
    /// <param name="kind">What it does to the date's sessions.</param>
    /// <param name="sessions">
    /// The sessions, for <see cref="DayOverrideKind.Replace"/>, in order; they may carry logged work
    /// (<see cref="PlannedSession.IsCompleted"/>, <see cref="PlannedSession.CompletionData"/>).
    /// </param>
    /// <exception cref="ArgumentException">Sessions are given for an override that is not a <see cref="DayOverrideKind.Replace"/>: they would be lost.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public DayOverride(LocalDate date, DayOverrideKind kind, IReadOnlyList<PlannedSession>? sessions = null)
    {
        if (kind is not (DayOverrideKind.Annotate or DayOverrideKind.Replace or DayOverrideKind.Rest))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown override kind.");
        }

        if (kind != DayOverrideKind.Replace && sessions is { Count: > 0 })
        {
            throw new ArgumentException($"The {kind} override of {FormatIso(date)} cannot carry sessions; only a Replace override does.", nameof(sessions));
        }

        Date = date;
        Kind = kind;
        _sessions = sessions is { Count: > 0 } ? sessions.ToArray() : Array.Empty<PlannedSession>();
        if (Array.IndexOf(_sessions, null) >= 0)
        {
            throw new ArgumentException($"The override of {FormatIso(date)} has a null session.", nameof(sessions));
        }
    }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>What the override does to the date's sessions.</summary>
    public DayOverrideKind Kind { get; }

    /// <summary>The date's sessions, for <see cref="DayOverrideKind.Replace"/>; empty otherwise.</summary>
    public IReadOnlyList<PlannedSession> Sessions => _sessions;

    /// <summary>The day's name.</summary>
    public string? Name { get; init; }

    /// <summary>The day's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The day's morning readiness, 1 to 10, or <see langword="null"/> for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not 1 to 10.</exception>
    public int? Readiness
    {
        get;
        init => field = value is null or (>= 1 and <= 10)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Readiness), value, $"The readiness of the override of {FormatIso(Date)} must be 1 to 10, or null for none.");
    }

    internal PlannedSession[] SessionArray => _sessions;
}
