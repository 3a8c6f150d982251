using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A session deleted by a reschedule.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="DayId">The id of its day.</param>
/// <param name="Date">Its date.</param>
/// <param name="Position">Its position.</param>
/// <param name="IsLogged">Whether it held logged work (deleted only on an explicit <see cref="ConflictResolution.Delete"/>).</param>
public sealed record SessionRemoval(string SessionId, string DayId, LocalDate Date, int Position, bool IsLogged);
