using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

/// <summary>
/// A write was based on a stale view: the day or session changed (or was removed) since the caller
/// read it. Nothing was written. Carries what is current, so the caller can show it and retry.
/// </summary>
public sealed class PlanConcurrencyException : Exception
{
    /// <summary>Creates the exception for a day.</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="expectedStamp">The stamp the caller last saw.</param>
    /// <param name="current">The day as it is now; <see langword="null"/> if it was removed.</param>
    /// <param name="innerException">EF Core's exception, when the conflict was found on saving.</param>
    internal PlanConcurrencyException(string dayId, string? expectedStamp, CalendarDay? current, Exception? innerException = null)
        : base(current is null
            ? $"Day '{dayId}' was removed since it was read."
            : $"Day '{dayId}' ({FormatIso(current.Date)}) changed since it was read (stamp '{expectedStamp}', now '{current.ConcurrencyStamp}').",
            innerException)
    {
        EntityId = dayId;
        ExpectedStamp = expectedStamp;
        CurrentDay = current;
    }

    /// <summary>Creates the exception for a session.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="expectedStamp">The stamp the caller last saw.</param>
    /// <param name="current">The session as it is now; <see langword="null"/> if it was removed.</param>
    /// <param name="innerException">EF Core's exception, when the conflict was found on saving.</param>
    internal PlanConcurrencyException(string sessionId, string? expectedStamp, CalendarSession? current, Exception? innerException = null)
        : base(current is null
            ? $"Session '{sessionId}' was removed since it was read."
            : $"Session '{sessionId}' changed since it was read (stamp '{expectedStamp}', now '{current.ConcurrencyStamp}').",
            innerException)
    {
        EntityId = sessionId;
        ExpectedStamp = expectedStamp;
        CurrentSession = current;
    }

    /// <summary>The id of the day or session that changed.</summary>
    public string EntityId { get; }

    /// <summary>The stamp the caller expected (<see cref="Expect.Stamp"/>); with <see cref="Expect.Any"/>, the stamp the write read just before a concurrent edit saved first.</summary>
    public string? ExpectedStamp { get; }

    /// <summary>The day as it is now, when the stale edit was of a day; <see langword="null"/> if removed or not a day.</summary>
    public CalendarDay? CurrentDay { get; }

    /// <summary>The session as it is now, when the stale edit was of a session; <see langword="null"/> if removed or not a session.</summary>
    public CalendarSession? CurrentSession { get; }
}
