using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>An existing day whose empty name, notes or readiness the new schedule fills; values it had stay.</summary>
/// <param name="DayId">The day's id.</param>
/// <param name="Date">Its date.</param>
/// <param name="Name">Its name after the change.</param>
/// <param name="Notes">Its notes after the change.</param>
/// <param name="Readiness">Its readiness after the change.</param>
public sealed record DayAnnotation(string DayId, LocalDate Date, string? Name, string? Notes, int? Readiness);
