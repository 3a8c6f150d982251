using NodaTime;

namespace Planner.Model.Planning;

/// <summary>Compliance of one week (from the configured week start).</summary>
/// <param name="WeekStart">The week's first date.</param>
/// <param name="Compliance">Its planned, completed and missed sessions.</param>
public sealed record WeekCompliance(LocalDate WeekStart, Compliance Compliance);
