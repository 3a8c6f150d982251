using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A day deleted by a reschedule.</summary>
/// <param name="DayId">The day's id.</param>
/// <param name="Date">Its date.</param>
public sealed record DayRemoval(string DayId, LocalDate Date);
