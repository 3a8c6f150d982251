using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A session created by a reschedule.</summary>
/// <param name="SessionId">The new session's id: deterministic, and unique among the block's sessions, kept or deleted.</param>
/// <param name="DayId">The id of its day (possibly a day added by the same change set).</param>
/// <param name="Date">Its date.</param>
/// <param name="Position">Its position within the day.</param>
/// <param name="Session">What it plans.</param>
public sealed record SessionAddition(string SessionId, string DayId, LocalDate Date, int Position, PlannedSession Session);
