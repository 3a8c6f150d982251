using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A day created by a reschedule.</summary>
/// <param name="DayId">The new day's id.</param>
/// <param name="Date">Its date.</param>
/// <param name="Name">Its name, from the new schedule's override.</param>
/// <param name="Notes">Its notes, from the new schedule's override.</param>
/// <param name="Readiness">Its readiness, from the new schedule's override.</param>
public sealed record DayAddition(string DayId, LocalDate Date, string? Name, string? Notes, int? Readiness);
