namespace Planner.Model.Planning;

/// <summary>A day's own values, as an edit form holds them: all three are written.</summary>
/// <param name="Name">The day's name, or <see langword="null"/> for none.</param>
/// <param name="Notes">The day's notes, or <see langword="null"/> for none.</param>
/// <param name="Readiness">The morning readiness, 1 to 10, or <see langword="null"/> for none.</param>
public sealed record DayDetails(string? Name, string? Notes, int? Readiness);
