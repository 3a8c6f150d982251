using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>One date of an expanded block: its sessions in order, and its name, notes and readiness.</summary>
/// <param name="Date">The date.</param>
/// <param name="Sessions">The sessions, in order; empty for a rest day. The list belongs to the schedule.</param>
/// <param name="Name">The day's name, from an override.</param>
/// <param name="Notes">The day's notes, from an override.</param>
/// <param name="Readiness">The day's readiness, from an override.</param>
public readonly record struct PlannedDay(LocalDate Date, PlannedSessions Sessions, string? Name, string? Notes, int? Readiness);
